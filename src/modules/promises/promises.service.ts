// The promise register: one template for every promise, a workflow draft → decided → published
// → retired that records who and when, and versions once a promise is decided.
import type { Db } from '../../db/database.ts';
import type { PromiseStatus } from '../../db/schema-promises.ts';
import { AppError, type FieldError, invalid, notFound } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { coversUnit, requireAnyRole } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { localDate } from '../calendar/calendar.ts';
import { listUnits, unitPath } from '../org/org.service.ts';
import type { MetricDef } from './fulfilment.ts';
import * as repo from './promises.repo.ts';
import {
  ClaimInput,
  CreatePromiseInput,
  type Decision,
  dateErrors,
  MESSAGES,
  MeasurementInput,
  normalizeMetric,
  PatchPromiseInput,
  TransitionInput,
} from './promises.schemas.ts';

export type { ClaimRow, EventRow, MeasurementRow, PromiseRow, VersionRow } from './promises.repo.ts';

/** Roles that maintain promises; every staff role may read them. */
export const WRITE_ROLES = ['quality', 'admin'] as const;
export const DEFAULT_MIN_COUNT = 5;

const ALLOWED: Record<PromiseStatus, PromiseStatus[]> = {
  draft: ['decided', 'retired'],
  decided: ['published', 'retired'],
  published: ['retired'],
  retired: [],
};

export interface PromiseView extends repo.PromiseRow {
  current: repo.VersionRow;
  versions: repo.VersionRow[];
}

function by(actor: Actor) {
  return { userId: actor.userId, label: actor.label };
}

function today(): string {
  return localDate(new Date());
}

async function requireWriter(db: Db, actor: Actor, unitId: string): Promise<void> {
  requireAnyRole(actor, WRITE_ROLES);
  if (!coversUnit(actor, WRITE_ROLES, await unitPath(db, actor.tenantId, unitId))) {
    throw new AppError('forbidden', 'Du har inte behörighet att ändra löften för den enheten.');
  }
}

function view(row: repo.PromiseRow, versions: repo.VersionRow[]): PromiseView {
  const sorted = versions.filter((v) => v.promiseId === row.id).sort((a, b) => a.version - b.version);
  const current = sorted[sorted.length - 1];
  if (!current) throw new Error(`promise ${row.id} has no version`);
  return { ...row, current, versions: sorted };
}

export async function listPromises(
  db: Db,
  tenantId: string,
  options: { statuses?: readonly PromiseStatus[] } = {},
): Promise<PromiseView[]> {
  const rows = await repo.listPromiseRows(db, tenantId, options.statuses);
  const versions = await repo.listVersions(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => view(r, versions));
}

export async function getPromise(db: Db, tenantId: string, id: string): Promise<PromiseView> {
  const row = await repo.findPromise(db, tenantId, id);
  if (!row) throw notFound('Löftet');
  return view(row, await repo.listVersions(db, tenantId, [id]));
}

export function listPromiseEvents(db: Db, tenantId: string, id: string) {
  return repo.listEvents(db, tenantId, id);
}

/** Checks that units belong to the tenant and finds the owning board when it is not given. */
async function resolveOwners(
  db: Db,
  tenantId: string,
  unitId: string,
  boardUnitId: string | null | undefined,
): Promise<{ unitId: string; boardUnitId: string }> {
  const units = await listUnits(db, tenantId);
  const byId = new Map(units.map((u) => [u.id, u]));
  const errors: FieldError[] = [];
  if (!byId.has(unitId)) errors.push({ field: 'unitId', message: 'Enheten finns inte. Välj ansvarig enhet.' });
  let board = boardUnitId ?? null;
  if (board !== null) {
    const b = byId.get(board);
    if (!b || (b.kind !== 'board' && b.kind !== 'council'))
      errors.push({ field: 'boardUnitId', message: 'Välj en styrelse eller nämnd som ansvarig nämnd.' });
  } else if (byId.has(unitId)) {
    let u = byId.get(unitId);
    while (u && u.kind !== 'board' && u.kind !== 'council') u = u.parentId ? byId.get(u.parentId) : undefined;
    board = u?.id ?? null;
  }
  if (errors.length) throw invalid(errors);
  return { unitId, boardUnitId: board ?? unitId };
}

async function checkMetricUnits(db: Db, tenantId: string, metric: MetricDef | null): Promise<void> {
  if (!metric) return;
  const ids = new Set((await listUnits(db, tenantId)).map((u) => u.id));
  const errors: FieldError[] = [];
  if (
    (metric.type === 'case_first_response' || metric.type === 'case_resolution') &&
    metric.filter?.unitId &&
    !ids.has(metric.filter.unitId)
  ) {
    errors.push({ field: 'metric.filter.unitId', message: 'Enheten i urvalet finns inte.' });
  }
  if ((metric.type === 'meeting_documents' || metric.type === 'meeting_minutes') && metric.boardUnitIds?.some((id) => !ids.has(id))) {
    errors.push({ field: 'metric.boardUnitIds', message: 'En av nämnderna i urvalet finns inte.' });
  }
  if (errors.length) throw invalid(errors);
}

function checkValidity(validFrom: string, validTo: string | null): void {
  const errors = dateErrors({ validFrom, validTo }, ['validFrom', 'validTo']);
  if (!errors.length && validTo !== null && validTo < validFrom) {
    errors.push({ field: 'validTo', message: 'Slutdatumet kan inte ligga före startdatumet.' });
  }
  if (errors.length) throw invalid(errors);
}

export async function createPromise(actor: Actor, input: unknown, { db }: { db: Db }): Promise<PromiseView> {
  requireAnyRole(actor, WRITE_ROLES);
  const value = validate(CreatePromiseInput, input, MESSAGES);
  checkValidity(value.validFrom, value.validTo ?? null);
  const owners = await resolveOwners(db, actor.tenantId, value.unitId, value.boardUnitId);
  await requireWriter(db, actor, owners.unitId);
  const metric = value.metric ? normalizeMetric(value.metric) : null;
  await checkMetricUnits(db, actor.tenantId, metric);
  const id = await db.transaction().execute(async (trx) => {
    const row = await repo.insertPromise(trx, actor.tenantId, value.kind);
    await repo.insertVersion(
      trx,
      actor.tenantId,
      row.id,
      1,
      {
        title: value.title.trim(),
        publicText: value.text ?? '',
        translations: value.translations ?? {},
        ...owners,
        promised: value.promised ?? '',
        metric,
        measurementText: value.measurementText ?? '',
        target: value.target ?? null,
        remedy: value.remedy ?? '',
        counterRequirement: value.counterRequirement ?? '',
        decisionBoard: null,
        decisionBoardUnitId: null,
        decisionDate: null,
        decisionRegistrationNumber: null,
        validFrom: value.validFrom,
        validTo: value.validTo ?? null,
        decided: false,
      },
      by(actor),
    );
    await repo.insertEvent(trx, actor.tenantId, row.id, { fromStatus: null, toStatus: 'draft', version: 1, ...by(actor) });
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'create',
      entity: 'promise',
      entityId: row.id,
      data: value,
    });
    return row.id;
  });
  return getPromise(db, actor.tenantId, id);
}

async function resolveDecision(db: Db, tenantId: string, decision: Decision) {
  const errors = dateErrors({ 'decision.date': decision.date }, ['decision.date']);
  if (errors.length) throw invalid(errors);
  const units = await listUnits(db, tenantId);
  const unit =
    units.find((u) => u.id === decision.board) ?? units.find((u) => u.name.toLowerCase() === decision.board.trim().toLowerCase());
  return {
    decisionBoard: unit?.name ?? decision.board.trim(),
    decisionBoardUnitId: unit?.id ?? null,
    decisionDate: decision.date,
    decisionRegistrationNumber: decision.registrationNumber.trim(),
  };
}

function valuesOf(v: repo.VersionRow): repo.VersionValues {
  return {
    title: v.title,
    publicText: v.publicText,
    translations: v.translations,
    boardUnitId: v.boardUnitId,
    unitId: v.unitId,
    promised: v.promised,
    metric: v.metric,
    measurementText: v.measurementText,
    target: v.target,
    remedy: v.remedy,
    counterRequirement: v.counterRequirement,
    decisionBoard: v.decisionBoard,
    decisionBoardUnitId: v.decisionBoardUnitId,
    decisionDate: v.decisionDate,
    decisionRegistrationNumber: v.decisionRegistrationNumber,
    validFrom: v.validFrom,
    validTo: v.validTo,
    decided: v.decided,
  };
}

const CONCURRENT = 'Löftet ändrades samtidigt av någon annan. Ladda om sidan, se vad som ändrats och försök igen.';

function concurrentChange(cause?: unknown): AppError {
  return new AppError('conflict', CONCURRENT, { cause });
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

/**
 * Runs a change of one promise the way case actions do: lock the promise row, read the promise
 * again inside the transaction, refuse with 409 when it changed since the request first read it
 * (`seen`), and check and write under the lock. A unique violation (two new versions with one
 * number) is the same lost race and also a 409.
 */
async function changeUnderLock<T>(
  db: Db,
  actor: Actor,
  id: string,
  change: (trx: Db, existing: PromiseView) => Promise<T>,
  expectedVersion?: number,
): Promise<T> {
  const seen = await repo.findPromise(db, actor.tenantId, id);
  if (!seen) throw notFound('Löftet');
  try {
    return await db.transaction().execute(async (trx) => {
      if (!(await repo.lockPromise(trx, actor.tenantId, id))) throw notFound('Löftet');
      const existing = await getPromise(trx, actor.tenantId, id);
      if (existing.updatedAt.getTime() !== seen.updatedAt.getTime()) throw concurrentChange();
      if (expectedVersion !== undefined && existing.current.version !== expectedVersion) throw concurrentChange();
      return change(trx, existing);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw concurrentChange(error);
    throw error;
  }
}

/**
 * Changes a promise. A draft is changed in place; a decided or published promise gets a new
 * version that takes effect on `validFrom` (default today), so earlier results keep the rules
 * they were measured by.
 */
export async function updatePromise(actor: Actor, id: string, input: unknown, { db }: { db: Db }): Promise<PromiseView> {
  requireAnyRole(actor, WRITE_ROLES);
  const value = validate(PatchPromiseInput, input, MESSAGES);
  await changeUnderLock(
    db,
    actor,
    id,
    async (trx, existing) => {
      await requireWriter(trx, actor, existing.current.unitId);
      if (existing.status === 'retired') throw new AppError('conflict', 'Ett avslutat löfte kan inte ändras.');
      const cur = existing.current;
      const owners =
        value.unitId !== undefined || value.boardUnitId !== undefined
          ? await resolveOwners(
              trx,
              actor.tenantId,
              value.unitId ?? cur.unitId,
              value.boardUnitId === undefined ? (value.unitId ? null : cur.boardUnitId) : value.boardUnitId,
            )
          : { unitId: cur.unitId, boardUnitId: cur.boardUnitId };
      if (owners.unitId !== cur.unitId) await requireWriter(trx, actor, owners.unitId);
      const metric =
        value.metric === undefined ? (cur.metric as MetricDef | null) : value.metric === null ? null : normalizeMetric(value.metric);
      await checkMetricUnits(trx, actor.tenantId, metric);
      const draft = existing.status === 'draft';
      const validFrom = draft ? (value.validFrom ?? cur.validFrom) : (value.validFrom ?? today());
      const validTo = value.validTo === undefined ? cur.validTo : value.validTo;
      checkValidity(validFrom, validTo);
      const decision = value.decision ? await resolveDecision(trx, actor.tenantId, value.decision) : undefined;
      const next: repo.VersionValues = {
        ...valuesOf(cur),
        ...(value.title !== undefined ? { title: value.title.trim() } : {}),
        ...(value.text !== undefined ? { publicText: value.text } : {}),
        ...(value.translations !== undefined ? { translations: value.translations } : {}),
        ...owners,
        ...(value.promised !== undefined ? { promised: value.promised } : {}),
        metric,
        ...(value.measurementText !== undefined ? { measurementText: value.measurementText } : {}),
        ...(value.target !== undefined ? { target: value.target } : {}),
        ...(value.remedy !== undefined ? { remedy: value.remedy } : {}),
        ...(value.counterRequirement !== undefined ? { counterRequirement: value.counterRequirement } : {}),
        ...(decision ?? {}),
        validFrom,
        validTo,
      };
      if (!draft) {
        const missing = missingForDecision(next);
        if (missing.length) throw invalid(missing, `Ett beslutat löfte måste ha ${missingText(missing)}.`);
        if (validFrom <= cur.validFrom) {
          throw invalid([
            { field: 'validFrom', message: `En ny version måste börja efter den gällande versionens startdag (${cur.validFrom}).` },
          ]);
        }
      }
      if (value.kind && value.kind !== existing.kind) await repo.updatePromiseRow(trx, actor.tenantId, id, { kind: value.kind });
      if (draft) await repo.updateVersion(trx, actor.tenantId, cur.id, next);
      else await repo.insertVersion(trx, actor.tenantId, id, cur.version + 1, { ...next, decided: true }, by(actor));
      await repo.updatePromiseRow(trx, actor.tenantId, id, {});
      await recordAudit(trx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: draft ? 'update' : 'new_version',
        entity: 'promise',
        entityId: id,
        data: { version: draft ? cur.version : cur.version + 1, changes: value },
      });
    },
    value.expectedVersion,
  );
  return getPromise(db, actor.tenantId, id);
}

function missingForDecision(v: { metric: unknown; target: number | null }): FieldError[] {
  const errors: FieldError[] = [];
  if (v.metric === null || v.metric === undefined) errors.push({ field: 'metric', message: 'Mätetal saknas: välj hur löftet ska mätas.' });
  if (v.target === null || v.target === undefined)
    errors.push({ field: 'target', message: 'Målvärde saknas: ange hur stor andel som ska klara löftet (t.ex. 95 %).' });
  return errors;
}

function missingText(errors: FieldError[]): string {
  const names = errors.map((e) => (e.field === 'metric' ? 'mätetal' : 'målvärde'));
  return names.join(' och ');
}

/** Moves a promise along draft → decided → published → retired, recording who and when. */
export async function transitionPromise(actor: Actor, id: string, input: unknown, { db }: { db: Db }): Promise<PromiseView> {
  requireAnyRole(actor, WRITE_ROLES);
  const value = validate(TransitionInput, input, MESSAGES);
  await changeUnderLock(db, actor, id, async (trx, existing) => {
    await requireWriter(trx, actor, existing.current.unitId);
    const from = existing.status;
    if (!ALLOWED[from].includes(value.to)) {
      throw new AppError('conflict', transitionRefusal(from, value.to));
    }
    const cur = existing.current;
    let decision: Awaited<ReturnType<typeof resolveDecision>> | undefined;
    if (value.to === 'decided') {
      const missing = missingForDecision(cur);
      if (!value.decision) missing.push({ field: 'decision', message: MESSAGES.decision });
      if (missing.length) throw invalid(missing, `Löftet kan inte beslutas: ${missingPhrase(missing)} saknas.`);
      decision = value.decision ? await resolveDecision(trx, actor.tenantId, value.decision) : undefined;
    }
    let retiredOn: string | undefined;
    if (value.to === 'retired') {
      retiredOn = value.retiredOn ?? today();
      const errors = dateErrors({ retiredOn }, ['retiredOn']);
      if (errors.length) throw invalid(errors);
    }
    if (decision) await repo.updateVersion(trx, actor.tenantId, cur.id, { ...valuesOf(cur), ...decision, decided: true });
    await repo.updatePromiseRow(trx, actor.tenantId, id, { status: value.to, ...(retiredOn ? { retiredOn } : {}) });
    await repo.insertEvent(trx, actor.tenantId, id, {
      fromStatus: from,
      toStatus: value.to,
      version: cur.version,
      note: value.note,
      ...by(actor),
    });
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: `transition_${value.to}`,
      entity: 'promise',
      entityId: id,
      data: { from, to: value.to, decision: value.decision, retiredOn },
    });
  });
  return getPromise(db, actor.tenantId, id);
}

function missingPhrase(errors: FieldError[]): string {
  const names = errors.map((e) =>
    e.field === 'metric' ? 'mätetal' : e.field === 'target' ? 'målvärde' : 'beslut (nämnd, datum, diarienummer)',
  );
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} och ${names[names.length - 1]}` : names[0];
}

function transitionRefusal(from: PromiseStatus, to: PromiseStatus): string {
  if (from === 'retired') return 'Löftet är avslutat och kan inte ändra status.';
  if (from === to) return 'Löftet har redan den statusen.';
  if (to === 'published' && from === 'draft') return 'Löftet måste vara beslutat innan det publiceras.';
  return 'Den statusändringen är inte tillåten.';
}

// ---- measured values and claims ---------------------------------------------------------------

export async function addMeasurements(actor: Actor, id: string, input: unknown, { db }: { db: Db }): Promise<repo.MeasurementRow[]> {
  requireAnyRole(actor, WRITE_ROLES);
  const items = Array.isArray(input) ? input : [input];
  const values = items.map((item) => validate(MeasurementInput, item, MESSAGES));
  const promise = await getPromise(db, actor.tenantId, id);
  await requireWriter(db, actor, promise.current.unitId);
  const metric = promise.current.metric as MetricDef | null;
  if (metric?.type !== 'measured_series') {
    throw new AppError('conflict', 'Löftet mäts automatiskt; mätvärden kan bara anges för löften med inmatade mätvärden.');
  }
  const share = metric.valueKind === 'share';
  const rows = values.map((v) => {
    const errors: FieldError[] = [];
    const month = Number(v.period.slice(5, 7));
    if (month < 1 || month > 12) errors.push({ field: 'period', message: MESSAGES.period });
    if (share) {
      if (v.value === undefined) errors.push({ field: 'value', message: 'Ange värdet för månaden som en andel mellan 0 och 1.' });
    } else {
      if (v.numerator === undefined) errors.push({ field: 'numerator', message: MESSAGES.numerator });
      if (v.denominator === undefined) errors.push({ field: 'denominator', message: MESSAGES.denominator });
      if (v.numerator !== undefined && v.denominator !== undefined && v.numerator > v.denominator) {
        errors.push({ field: 'numerator', message: 'Antalet som klarade löftet kan inte vara större än antalet som mättes.' });
      }
    }
    if (errors.length) throw invalid(errors);
    return {
      period: `${v.period}-01`,
      numerator: share ? null : (v.numerator ?? null),
      denominator: share ? null : (v.denominator ?? null),
      value: share ? (v.value ?? null) : null,
      comment: v.comment?.trim() || null,
    };
  });
  return db.transaction().execute(async (trx) => {
    const saved = await repo.upsertMeasurements(trx, actor.tenantId, id, rows, by(actor));
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'measure',
      entity: 'promise',
      entityId: id,
      data: { measurements: rows },
    });
    return saved;
  });
}

export function listMeasurements(db: Db, tenantId: string, id: string, range?: { from: string; to: string }) {
  return repo.listMeasurements(db, tenantId, id, range);
}

export async function addClaim(actor: Actor, id: string, input: unknown, { db }: { db: Db }): Promise<repo.ClaimRow> {
  requireAnyRole(actor, WRITE_ROLES);
  const value = validate(ClaimInput, input, MESSAGES);
  const errors = dateErrors(value, ['claimedOn']);
  if (errors.length) throw invalid(errors);
  const promise = await getPromise(db, actor.tenantId, id);
  await requireWriter(db, actor, promise.current.unitId);
  return db.transaction().execute(async (trx) => {
    const [claim] = await repo.insertClaims(
      trx,
      actor.tenantId,
      id,
      [
        {
          claimedOn: value.claimedOn,
          description: value.description.trim(),
          remedyGiven: value.remedyGiven?.trim() ?? '',
          costSek: value.costSek ?? 0,
        },
      ],
      by(actor),
    );
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'claim',
      entity: 'promise',
      entityId: id,
      data: { claimId: claim.id, ...value },
    });
    return claim;
  });
}

export function listClaims(db: Db, tenantId: string, id: string) {
  return repo.listClaims(db, tenantId, id);
}

// ---- settings ----------------------------------------------------------------------------------

export async function minCount(db: Db, tenantId: string): Promise<number> {
  return (await repo.findMinCount(db, tenantId)) ?? DEFAULT_MIN_COUNT;
}

export async function setMinCount(actor: Actor, input: unknown, { db }: { db: Db }): Promise<number> {
  requireAnyRole(actor, ['admin', 'quality']);
  const raw = (input as { minCount?: unknown } | null)?.minCount;
  const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 1000) {
    throw invalid([{ field: 'minCount', message: 'Ange minsta antal som ett heltal 1–1000.' }]);
  }
  await db.transaction().execute(async (trx) => {
    await repo.upsertMinCount(trx, actor.tenantId, n);
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'update',
      entity: 'promise_settings',
      entityId: actor.tenantId,
      data: { minCount: n },
    });
  });
  return n;
}
