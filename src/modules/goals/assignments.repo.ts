// Every query of assignments (uppdrag), board initiatives and their status per period.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { GoalAssignmentsTable, WorkStatus } from '../../db/schema-goals.ts';
import { listStatusReports } from './period-status.repo.ts';

export type AssignmentRow = Selectable<GoalAssignmentsTable>;

export function insertAssignment(db: Db, row: Insertable<GoalAssignmentsTable>) {
  return db.insertInto('goal_assignments').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateAssignment(db: Db, tenantId: string, id: string, set: Updateable<GoalAssignmentsTable>) {
  return db
    .updateTable('goal_assignments')
    .set({ ...set, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function findAssignment(db: Db, tenantId: string, id: string, options: { lock?: boolean } = {}) {
  const q = db.selectFrom('goal_assignments').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
  return (options.lock ? q.forUpdate() : q).executeTakeFirst();
}

export function findAssignmentByCode(db: Db, tenantId: string, code: string) {
  return db.selectFrom('goal_assignments').selectAll().where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
}

export interface AssignmentFilter {
  ids?: string[];
  unitIds?: string[];
  statuses?: WorkStatus[];
  goalIds?: string[];
  /** End date before this day and not done or cancelled. */
  overdueOn?: string;
  sort?: 'end_date' | 'title';
}

export function listAssignments(db: Db, tenantId: string, f: AssignmentFilter = {}) {
  let q = db.selectFrom('goal_assignments').selectAll().where('tenant_id', '=', tenantId);
  if (f.unitIds) {
    if (f.unitIds.length === 0) return Promise.resolve([]);
    q = q.where('responsible_unit_id', 'in', f.unitIds);
  }
  if (f.ids) {
    if (f.ids.length === 0) return Promise.resolve([]);
    q = q.where('id', 'in', f.ids);
  }
  if (f.goalIds) {
    if (f.goalIds.length === 0) return Promise.resolve([]);
    q = q.where('goal_id', 'in', f.goalIds);
  }
  if (f.statuses?.length) q = q.where('status', 'in', f.statuses);
  if (f.overdueOn) q = q.where('end_date', '<', f.overdueOn).where('status', 'not in', ['done', 'cancelled']);
  q = f.sort === 'title' ? q.orderBy('title') : q.orderBy('end_date', (o) => o.asc().nullsLast()).orderBy('title');
  return q.execute();
}

export const listUpdates = (db: Db, tenantId: string, assignmentIds: string[]) =>
  listStatusReports(db, 'assignment', tenantId, assignmentIds);
