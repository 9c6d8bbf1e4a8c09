// The rules of reports: a quality strategist (or admin) creates a board's report for a period,
// writes its introduction and closing summary, approves it with the board's decision date and
// registration number (which freezes the model it showed), and publishes it. A new version of an
// approved report says which one it replaces and why. Any staff role may read.
import type { Db } from '../../db/database.ts';
import { AppError, forbidden, invalid, notFound } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { hasAnyRole } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { localDate } from '../calendar/calendar.ts';
import { listUnits } from '../org/org.service.ts';
import { buildReportModel, type ReportHead, type ReportModel, reportTitle } from './report.model.ts';
import * as repo from './reports.repo.ts';
import { ApproveInput, MESSAGES, ReportInput, TextsInput } from './reports.schemas.ts';

export const REPORT_ROLES = ['quality', 'admin'] as const;

export interface ServiceContext {
  db: Db;
  /** Injected clock for tests and the demo. */
  now?: Date;
}

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

function requireWriter(actor: Actor): void {
  if (!hasAnyRole(actor, REPORT_ROLES)) throw new AppError('forbidden', 'Bara kvalitetsstrateg eller administratör kan ändra rapporter.');
}

function requireReader(actor: Actor): void {
  if (actor.grants.length === 0) throw forbidden();
}

function audit(actor: Actor, action: string, entityId: string, data: Record<string, unknown>) {
  return { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.label, action, entity: 'report', entityId, data };
}

function headOf(r: repo.ReportListRow): ReportHead {
  return {
    id: r.id,
    boardUnitId: r.board_unit_id,
    period: r.period,
    version: r.version,
    status: r.status,
    introduction: r.introduction,
    closing: r.closing,
    replacesReportId: r.replaces_report_id,
    replaceReason: r.replace_reason,
    decisionDate: r.decision_date,
    registrationNumber: r.registration_number,
  };
}

/** Boards a report may be made for: the council (the whole municipality) and the boards. */
export async function reportBoards(db: Db, tenantId: string) {
  return (await listUnits(db, tenantId)).filter((u) => u.kind === 'council' || u.kind === 'board');
}

export async function createReport(actor: Actor, input: unknown, { db }: ServiceContext): Promise<repo.ReportRow> {
  requireWriter(actor);
  const v = validate(ReportInput, input, MESSAGES);
  const board = (await reportBoards(db, actor.tenantId)).find((u) => u.id === v.boardUnitId);
  if (!board) throw invalid([{ field: 'boardUnitId', message: 'Välj en nämnd eller hela kommunen.' }]);
  try {
    return await db.transaction().execute(async (trx) => {
      const versions = await repo.listVersions(trx, actor.tenantId, v.boardUnitId, v.period, { lock: true });
      const latest = versions[0];
      if (latest?.status === 'draft')
        throw new AppError('conflict', `Det finns redan ett utkast till rapporten för ${v.period}. Arbeta vidare i det.`);
      const reason = v.reason?.trim();
      if (latest && !reason) throw invalid([{ field: 'reason', message: MESSAGES.reason }]);
      const row = await repo.insertReport(trx, {
        tenant_id: actor.tenantId,
        board_unit_id: v.boardUnitId,
        period: v.period,
        version: (latest?.version ?? 0) + 1,
        introduction: v.introduction?.trim() ?? '',
        closing: v.closing?.trim() ?? '',
        replaces_report_id: latest?.id ?? null,
        replace_reason: latest ? (reason ?? null) : null,
        created_by_label: actor.label,
      });
      await recordAudit(
        trx,
        audit(actor, 'report.created', row.id, { period: v.period, version: row.version, boardUnitId: v.boardUnitId }),
      );
      return row;
    });
  } catch (error) {
    // Two creates at once: the other one got this version number.
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'Någon skapade samma rapport samtidigt. Ladda om listan.', { cause: error });
    throw error;
  }
}

export async function getReport(actor: Actor, id: string, { db }: ServiceContext): Promise<repo.ReportRow> {
  requireReader(actor);
  const row = await repo.findReport(db, actor.tenantId, id);
  if (!row) throw notFound('Rapporten');
  return row;
}

export async function listReports(actor: Actor, filter: repo.ReportFilter, { db }: ServiceContext) {
  requireReader(actor);
  return repo.listReports(db, actor.tenantId, filter);
}

/** Published reports of a tenant, for its public pages (no actor: the public reads them). */
export function listPublishedReports(db: Db, tenantId: string) {
  return repo.listReports(db, tenantId, { publishedOnly: true });
}

export async function findPublishedReport(db: Db, tenantId: string, id: string) {
  const row = await repo.findReport(db, tenantId, id);
  return row?.status === 'published' ? row : undefined;
}

/** The frozen model with the head's current facts (published since approval). */
export function frozenModel(row: repo.ReportRow): ReportModel {
  const model = row.snapshot as ReportModel;
  return { ...model, status: row.status, decisionDate: row.decision_date, registrationNumber: row.registration_number };
}

/** What the report shows: the stored model once approved, else built now from the live data. */
export async function reportModel(actor: Actor, row: repo.ReportRow, ctx: ServiceContext & { today?: string }): Promise<ReportModel> {
  if (row.snapshot) return frozenModel(row);
  return buildReportModel(actor, headOf(row), ctx);
}

export async function updateTexts(actor: Actor, id: string, input: unknown, { db }: ServiceContext): Promise<void> {
  requireWriter(actor);
  const v = validate(TextsInput, input, MESSAGES);
  await db.transaction().execute(async (trx) => {
    const row = await repo.findReport(trx, actor.tenantId, id, { lock: true });
    if (!row) throw notFound('Rapporten');
    if (row.status !== 'draft') throw new AppError('conflict', 'Rapporten är fastställd och kan inte ändras. Skapa en ny version.');
    await repo.updateReport(trx, actor.tenantId, id, { introduction: v.introduction.trim(), closing: v.closing.trim() });
    await recordAudit(trx, audit(actor, 'report.texts_changed', id, {}));
  });
}

/**
 * Approval (fastställd): the model is built from the data as it is now and stored with the
 * report; from then on the report reads the same whatever changes afterwards.
 */
export async function approveReport(actor: Actor, id: string, input: unknown, ctx: ServiceContext): Promise<repo.ReportRow> {
  requireWriter(actor);
  const { db } = ctx;
  const v = validate(ApproveInput, input, MESSAGES);
  const now = ctx.now ?? new Date();
  const draft = await getReport(actor, id, ctx);
  if (draft.status !== 'draft') throw new AppError('conflict', 'Rapporten är redan fastställd.');
  const head = {
    ...headOf(draft),
    status: 'approved' as const,
    decisionDate: v.decisionDate,
    registrationNumber: v.registrationNumber.trim(),
  };
  const model = await buildReportModel(actor, head, { db, now, fresh: true });
  return db.transaction().execute(async (trx) => {
    const row = await repo.findReport(trx, actor.tenantId, id, { lock: true });
    if (!row) throw notFound('Rapporten');
    if (row.status !== 'draft') throw new AppError('conflict', 'Rapporten fastställdes nyss av någon annan.');
    if (row.introduction !== draft.introduction || row.closing !== draft.closing)
      throw new AppError('conflict', 'Texterna ändrades medan rapporten fastställdes. Försök igen.');
    const saved = await repo.updateReport(trx, actor.tenantId, id, {
      status: 'approved',
      decision_date: head.decisionDate,
      registration_number: head.registrationNumber,
      approved_by_label: actor.label,
      approved_at: now,
      snapshot: JSON.stringify(model),
    });
    await recordAudit(
      trx,
      audit(actor, 'report.approved', id, { decisionDate: head.decisionDate, registrationNumber: head.registrationNumber }),
    );
    return saved;
  });
}

export async function publishReport(actor: Actor, id: string, ctx: ServiceContext): Promise<repo.ReportRow> {
  requireWriter(actor);
  const now = ctx.now ?? new Date();
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findReport(trx, actor.tenantId, id, { lock: true });
    if (!row) throw notFound('Rapporten');
    if (row.status === 'draft') throw new AppError('conflict', 'Rapporten måste fastställas innan den publiceras.');
    if (row.status === 'published') throw new AppError('conflict', 'Rapporten är redan publicerad.');
    const saved = await repo.updateReport(trx, actor.tenantId, id, { status: 'published', published_at: now });
    await recordAudit(trx, audit(actor, 'report.published', id, { replaces: row.replaces_report_id }));
    return saved;
  });
}

export interface ValueChange {
  indicator: string;
  period: string;
  kind: 'outcome' | 'forecast' | 'target';
  oldValue: number | null;
  newValue: number | null;
  by: string | null;
  at: string | null;
}

/** What the live data says differently from an approved report's stored model: indicator values. */
export function diffModels(frozen: ReportModel, live: ReportModel): ValueChange[] {
  const liveCells = new Map<
    string,
    { title: string; cell: ReportModel['areas'][number]['goals'][number]['indicators'][number]['cells'][number] }
  >();
  const key = (id: string, period: string, kind: string) => `${id}|${period}|${kind}`;
  for (const a of live.areas)
    for (const g of a.goals)
      for (const i of g.indicators) for (const c of i.cells) liveCells.set(key(i.id, c.period, c.kind), { title: i.title, cell: c });
  const seen = new Set<string>();
  const changes: ValueChange[] = [];
  for (const a of frozen.areas) {
    for (const g of a.goals) {
      for (const i of g.indicators) {
        const liveIndicator = live.areas
          .flatMap((x) => x.goals)
          .flatMap((x) => x.indicators)
          .find((x) => x.id === i.id);
        const periods = new Set([...i.cells, ...(liveIndicator?.cells ?? [])].map((c) => key(i.id, c.period, c.kind)));
        for (const k of periods) {
          if (seen.has(k)) continue;
          seen.add(k);
          const old = i.cells.find((c) => key(i.id, c.period, c.kind) === k) ?? null;
          const now = liveCells.get(k)?.cell ?? null;
          if ((old?.value ?? null) === (now?.value ?? null)) continue;
          const [, period = '', kind = 'outcome'] = k.split('|');
          changes.push({
            indicator: i.title,
            period,
            kind: kind as ValueChange['kind'],
            oldValue: old?.value ?? null,
            newValue: now?.value ?? null,
            by: now?.by ?? null,
            at: now?.at ?? null,
          });
        }
      }
    }
  }
  return changes;
}

/** For an approved report: what changed in the underlying data since (empty for a draft). */
export async function changesSinceApproval(actor: Actor, row: repo.ReportRow, ctx: ServiceContext): Promise<ValueChange[]> {
  if (!row.snapshot) return [];
  const live = await buildReportModel(actor, headOf(row), { db: ctx.db, now: ctx.now, today: localDate(ctx.now ?? new Date()) });
  return diffModels(frozenModel(row), live);
}

export function presentReport(r: repo.ReportListRow, boardName: string, replacedBy: string | null) {
  return {
    id: r.id,
    boardUnitId: r.board_unit_id,
    boardName,
    period: r.period,
    title: reportTitle(r.period, boardName),
    version: r.version,
    status: r.status,
    decisionDate: r.decision_date,
    registrationNumber: r.registration_number,
    replacesReportId: r.replaces_report_id,
    replaceReason: r.replace_reason,
    replacedByReportId: replacedBy,
    approvedAt: r.approved_at ? new Date(r.approved_at).toISOString() : null,
    publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export type ReportView = ReturnType<typeof presentReport>;

/** Presents rows with their board names and which later version replaces each. */
export async function presentReports(
  db: Db,
  tenantId: string,
  rows: repo.ReportListRow[],
  all?: repo.ReportListRow[],
): Promise<ReportView[]> {
  const names = new Map((await listUnits(db, tenantId)).map((u) => [u.id, u.name]));
  const pool = all ?? rows;
  return rows.map((r) => presentReport(r, names.get(r.board_unit_id) ?? '', pool.find((x) => x.replaces_report_id === r.id)?.id ?? null));
}
