// Indicators: definition (quality or admin), values per period and kind (the owner unit's roles
// report outcomes and forecasts; targets are defined), history of replaced values, and the
// locking of periods whose follow-up round is closed.
import type { Db } from '../../db/database.ts';
import type { ValueKind } from '../../db/schema-goals.ts';
import { AppError, type FieldError, invalid, notFound } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { listUnits } from '../org/org.service.ts';
import { canDefine, requireDefine, requireReader, requireReport } from './goals.access.ts';
import * as goalsRepo from './goals.repo.ts';
import { indicatorInputSchema, indicatorPatchSchema, ValuesInput } from './goals.schemas.ts';
import * as repo from './indicators.repo.ts';
import { periodName, periodRange } from './periods.ts';
import * as rounds from './rounds.repo.ts';
import { sourceKind, sourceSchema } from './sources.ts';

export type { IndicatorRow, ValueRow } from './indicators.repo.ts';

const MESSAGES = {
  title: 'Ange indikatorns namn (högst 300 tecken).',
  level: 'Välj nivå: KF eller nämnd (board).',
  ownerUnitId: 'Välj ansvarig enhet.',
  unit: 'Ange enhet, t.ex. %, kr/inv, antal eller arbetsdagar.',
  decimals: 'Ange antal decimaler (0–4).',
  direction: 'Ange vilket håll som är bättre: higher, lower eller interval.',
  tolerance: 'Toleransen anges som andel av målet (0–1).',
  source: 'Källan är inte giltig. Välj manual eller en av de beräknade källorna med enhet eller löfte.',
  code: 'Koden får vara högst 60 tecken.',
};

const VALUE_MESSAGES = {
  period: 'Perioden ska vara ett år (2025), ett delår (2025-D1, 2025-D2) eller en månad (2025-03).',
  kind: 'Värdets slag ska vara outcome, forecast eller target.',
  value: 'Värdet ska vara ett tal eller null.',
};

export interface SourceConfig {
  type: string;
  [key: string]: unknown;
}

export function sourceOf(row: repo.IndicatorRow): SourceConfig {
  const s = row.source as SourceConfig | null;
  return s && typeof s.type === 'string' ? s : { type: 'manual' };
}

export function isComputed(row: repo.IndicatorRow): boolean {
  return sourceKind(sourceOf(row).type)?.computed ?? false;
}

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

async function checkFields(
  db: Db,
  actor: Actor,
  v: {
    ownerUnitId?: string;
    source?: SourceConfig;
    direction?: string;
    intervalMin?: number | null;
    intervalMax?: number | null;
    goalIds?: string[];
  },
): Promise<void> {
  const errors: FieldError[] = [];
  const units = new Set((await listUnits(db, actor.tenantId)).map((u) => u.id));
  if (v.ownerUnitId !== undefined && !units.has(v.ownerUnitId))
    errors.push({ field: 'ownerUnitId', message: 'Den ansvariga enheten finns inte.' });
  if (v.direction === 'interval' && (v.intervalMin == null || v.intervalMax == null || v.intervalMax < v.intervalMin))
    errors.push({ field: 'intervalMin', message: 'Ett målintervall behöver en undre och en övre gräns (undre ≤ övre).' });
  if (v.source) {
    const kind = sourceKind(v.source.type);
    if (!kind) errors.push({ field: 'source.type', message: 'Okänd källa.' });
    else if (kind.check) errors.push(...(await kind.check({ db, actor }, v.source)));
  }
  if (v.goalIds?.length) {
    for (const id of v.goalIds) {
      if (!(await goalsRepo.findGoal(db, actor.tenantId, id))) errors.push({ field: 'goalIds', message: 'Ett av målen finns inte.' });
    }
  }
  if (errors.length) throw invalid(errors);
}

function conflictOnCode(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('conflict', 'Det finns redan en indikator med den koden.', { cause: error });
  throw error;
}

export async function createIndicator(actor: Actor, input: unknown, { db }: { db: Db }): Promise<repo.IndicatorRow> {
  requireDefine(actor);
  const v = validate(indicatorInputSchema(sourceSchema()), input, MESSAGES);
  const source = (v.source as SourceConfig | undefined) ?? { type: 'manual' };
  await checkFields(db, actor, { ...v, source });
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await repo.insertIndicator(trx, {
        tenant_id: actor.tenantId,
        code: v.code?.trim() || null,
        title: v.title.trim(),
        level: v.level,
        owner_unit_id: v.ownerUnitId,
        unit: v.unit.trim(),
        decimals: v.decimals,
        direction: v.direction,
        interval_min: v.direction === 'interval' ? (v.intervalMin ?? null) : null,
        interval_max: v.direction === 'interval' ? (v.intervalMax ?? null) : null,
        tolerance: v.tolerance ?? null,
        definition: v.definition ?? '',
        data_source: v.dataSource ?? '',
        source: JSON.stringify(source),
      });
      await repo.setGoalLinks(trx, actor.tenantId, row.id, v.goalIds ?? []);
      await recordAudit(trx, audit(actor, 'indicator.created', row.id, { title: row.title, source }));
      return row;
    });
  } catch (error) {
    conflictOnCode(error);
  }
}

export async function updateIndicator(actor: Actor, id: string, input: unknown, { db }: { db: Db }): Promise<repo.IndicatorRow> {
  requireDefine(actor);
  const v = validate(indicatorPatchSchema(sourceSchema()), input, MESSAGES);
  const source = v.source as SourceConfig | undefined;
  await checkFields(db, actor, { ...v, source });
  try {
    return await db.transaction().execute(async (trx) => {
      const old = await repo.findIndicator(trx, actor.tenantId, id, { lock: true });
      if (!old) throw notFound('Indikatorn');
      const direction = v.direction ?? old.direction;
      const row = await repo.updateIndicator(trx, actor.tenantId, id, {
        code: v.code === undefined ? undefined : v.code?.trim() || null,
        title: v.title?.trim(),
        level: v.level,
        owner_unit_id: v.ownerUnitId,
        unit: v.unit?.trim(),
        decimals: v.decimals,
        direction,
        interval_min: direction === 'interval' ? (v.intervalMin ?? old.interval_min) : null,
        interval_max: direction === 'interval' ? (v.intervalMax ?? old.interval_max) : null,
        tolerance: v.tolerance,
        definition: v.definition,
        data_source: v.dataSource,
        source: source ? JSON.stringify(source) : undefined,
      });
      if (!row) throw notFound('Indikatorn');
      if (v.goalIds) await repo.setGoalLinks(trx, actor.tenantId, id, v.goalIds);
      await recordAudit(trx, audit(actor, 'indicator.updated', id, { changes: v }));
      return row;
    });
  } catch (error) {
    conflictOnCode(error);
  }
}

export async function getIndicatorRow(actor: Actor, id: string, { db }: { db: Db }): Promise<repo.IndicatorRow> {
  requireReader(actor);
  const row = await repo.findIndicator(db, actor.tenantId, id);
  if (!row) throw notFound('Indikatorn');
  return row;
}

export async function listIndicatorRows(actor: Actor, filter: { ownerUnitIds?: string[]; ids?: string[] }, { db }: { db: Db }) {
  requireReader(actor);
  return repo.listIndicators(db, actor.tenantId, filter);
}

export function goalLinks(db: Db, tenantId: string, filter: { indicatorIds?: string[]; goalIds?: string[] }) {
  return repo.listGoalLinks(db, tenantId, filter);
}

export function storedValues(db: Db, tenantId: string, indicatorIds: string[]) {
  return repo.listValues(db, tenantId, indicatorIds);
}

export function valueHistory(db: Db, tenantId: string, indicatorId: string) {
  return repo.listHistory(db, tenantId, indicatorId);
}

function audit(actor: Actor, action: string, entityId: string, data: Record<string, unknown>) {
  return { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.label, action, entity: 'indicator', entityId, data };
}

export interface PutValuesOptions {
  db: Db;
}

/**
 * Stores values: new ones inserted, changed ones replaced with the earlier kept in the history,
 * unchanged ones left alone (so importing the same values twice changes nothing). Each row is
 * read under a row lock inside the transaction; a concurrent first insert becomes a 409.
 */
export async function putIndicatorValues(actor: Actor, id: string, input: unknown, { db }: PutValuesOptions): Promise<{ changed: number }> {
  const items = validate(ValuesInput, input, VALUE_MESSAGES);
  const indicator = await getIndicatorRow(actor, id, { db });
  const definer = canDefine(actor);
  if (items.some((i) => i.kind === 'target' || i.imported) && !definer) {
    throw new AppError('forbidden', 'Mål och importerad historik sätts av kvalitetsstrateg eller administratör.');
  }
  if (!definer) await requireReport(db, actor, indicator.owner_unit_id);
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  items.forEach((i, n) => {
    const key = `${i.period}/${i.kind}`;
    if (seen.has(key)) errors.push({ field: `${n}.period`, message: `${periodName(i.period)} (${i.kind}) finns två gånger.` });
    seen.add(key);
    if (!periodRange(i.period)) errors.push({ field: `${n}.period`, message: VALUE_MESSAGES.period });
  });
  if (errors.length) throw invalid(errors);
  const computed = isComputed(indicator);
  for (const i of items) {
    if (computed && i.kind === 'outcome' && i.value !== null && !i.imported) {
      throw new AppError(
        'conflict',
        `Utfallet för ${periodName(i.period)} beräknas av Insyn (${sourceKind(sourceOf(indicator).type)?.label ?? 'beräknad källa'}) och kan inte skrivas över. Skicka värdet null med en kommentar för att kommentera det.`,
      );
    }
  }
  try {
    return await db.transaction().execute(async (trx) => {
      let changed = 0;
      for (const i of items) {
        const closed = await rounds.isPeriodClosed(trx, actor.tenantId, i.period);
        const comment = i.comment?.trim() || null;
        const old = await repo.findValueForUpdate(trx, actor.tenantId, id, i.period, i.kind as ValueKind);
        if (old && old.value === i.value && old.comment === comment && old.imported === Boolean(i.imported)) continue;
        if (closed && !definer) {
          throw new AppError('conflict', `Uppföljningen av ${periodName(i.period)} är stängd. En ändring görs av kvalitetsstrategen.`);
        }
        const set = {
          value: i.value,
          comment,
          imported: Boolean(i.imported),
          changed_after_close: closed || (old?.changed_after_close ?? false),
          entered_by_user_id: actor.userId,
          entered_by_label: actor.label,
          entered_at: new Date(),
        };
        if (old) await repo.replaceValue(trx, old, set, actor.label);
        else
          await repo.insertValue(trx, { tenant_id: actor.tenantId, indicator_id: id, period: i.period, kind: i.kind as ValueKind, ...set });
        if (i.kind !== 'target') await rounds.touchItems(trx, actor.tenantId, 'indicator_value', id, i.period, actor.label);
        await recordAudit(
          trx,
          audit(actor, closed ? 'indicator.value_changed_after_close' : 'indicator.value_set', id, {
            period: i.period,
            kind: i.kind,
            value: i.value,
            previous: old?.value ?? null,
          }),
        );
        changed++;
      }
      return { changed };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'Någon annan sparade samma värde samtidigt. Ladda om och försök igen.', { cause: error });
    throw error;
  }
}

export async function assessmentRule(db: Db, tenantId: string) {
  const s = await goalsRepo.findSettings(db, tenantId);
  return { partlyRule: s?.partly_rule ?? 'tolerance', defaultTolerance: s?.default_tolerance ?? 0.1 } as const;
}
