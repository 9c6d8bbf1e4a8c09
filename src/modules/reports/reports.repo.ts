// Every query of the reports module; each is filtered by tenant.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ReportsTable } from '../../db/schema-reports.ts';

export type ReportRow = Selectable<ReportsTable>;

export function insertReport(db: Db, row: Insertable<ReportsTable>) {
  return db.insertInto('reports').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateReport(db: Db, tenantId: string, id: string, set: Updateable<ReportsTable>) {
  return db.updateTable('reports').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function findReport(db: Db, tenantId: string, id: string, options: { lock?: boolean } = {}) {
  let q = db.selectFrom('reports').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
  if (options.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** The versions of a board's report for a period, newest first; locked when asked (creating the next version). */
export function listVersions(db: Db, tenantId: string, boardUnitId: string, period: string, options: { lock?: boolean } = {}) {
  let q = db
    .selectFrom('reports')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('board_unit_id', '=', boardUnitId)
    .where('period', '=', period)
    .orderBy('version', 'desc');
  if (options.lock) q = q.forUpdate();
  return q.execute();
}

export interface ReportFilter {
  boardUnitId?: string;
  period?: string;
  publishedOnly?: boolean;
}

/** Without the snapshot (it can be large): lists show the head only. */
export function listReports(db: Db, tenantId: string, f: ReportFilter = {}) {
  let q = db
    .selectFrom('reports')
    .select([
      'id',
      'tenant_id',
      'board_unit_id',
      'period',
      'version',
      'status',
      'introduction',
      'closing',
      'replaces_report_id',
      'replace_reason',
      'decision_date',
      'registration_number',
      'approved_by_label',
      'approved_at',
      'published_at',
      'created_by_label',
      'created_at',
    ])
    .where('tenant_id', '=', tenantId);
  if (f.boardUnitId) q = q.where('board_unit_id', '=', f.boardUnitId);
  if (f.period) q = q.where('period', '=', f.period);
  if (f.publishedOnly) q = q.where('status', '=', 'published');
  return q.orderBy('period', 'desc').orderBy('board_unit_id').orderBy('version', 'desc').execute();
}

export type ReportListRow = Awaited<ReturnType<typeof listReports>>[number];
