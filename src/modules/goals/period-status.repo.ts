// The per-period status reports of assignments (goal_assignment_updates) and of action-plan
// activities (action_plan_progress): two tables of one shape, read and written here once. Each
// query is scoped by tenant_id.
import type { Generated, Insertable, Kysely, Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ActionPlanProgressTable, GoalAssignmentUpdatesTable, WorkStatus } from '../../db/schema-goals.ts';

const TABLES = {
  assignment: { table: 'goal_assignment_updates', key: 'assignment_id' },
  activity: { table: 'action_plan_progress', key: 'activity_id' },
} as const;

export type StatusOf = keyof typeof TABLES;
type RowOf = {
  assignment: Selectable<GoalAssignmentUpdatesTable>;
  activity: Selectable<ActionPlanProgressTable>;
};

/** The shape both tables share, under one name, so one query serves both (the key column is named per table). */
interface StatusTable {
  tenant_id: string;
  owner: string;
  period: string;
  status: WorkStatus;
  comment: Generated<string>;
  changed_after_close: Generated<boolean>;
  by_label: string;
  at: Generated<Date>;
}
type StatusDb = { status_reports: StatusTable };

function target(db: Db, of: StatusOf) {
  const { table, key } = TABLES[of];
  return { q: db as unknown as Kysely<StatusDb>, table: table as unknown as 'status_reports', key: key as unknown as 'owner' };
}

export async function listStatusReports<O extends StatusOf>(db: Db, of: O, tenantId: string, ownerIds: string[]): Promise<RowOf[O][]> {
  if (ownerIds.length === 0) return [];
  const { q, table, key } = target(db, of);
  const rows = await q
    .selectFrom(table)
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(key, 'in', ownerIds)
    .orderBy('period')
    .execute();
  return rows as unknown as RowOf[O][];
}

export async function findStatusReportForUpdate<O extends StatusOf>(
  db: Db,
  of: O,
  tenantId: string,
  ownerId: string,
  period: string,
): Promise<RowOf[O] | undefined> {
  const { q, table, key } = target(db, of);
  const row = await q
    .selectFrom(table)
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(key, '=', ownerId)
    .where('period', '=', period)
    .forUpdate()
    .executeTakeFirst();
  return row as unknown as RowOf[O] | undefined;
}

export interface StatusReport {
  tenantId: string;
  ownerId: string;
  period: string;
  status: WorkStatus;
  comment: string;
  by: string;
  changedAfterClose: boolean;
}

/** One report per owner and period: a new one, or the period's report replaced. */
export async function saveStatusReport(db: Db, of: StatusOf, row: StatusReport): Promise<void> {
  const { q, table, key } = target(db, of);
  await q
    .insertInto(table)
    .values({
      tenant_id: row.tenantId,
      [key]: row.ownerId,
      period: row.period,
      status: row.status,
      comment: row.comment,
      by_label: row.by,
      changed_after_close: row.changedAfterClose,
    } as Insertable<StatusTable>)
    .onConflict((oc) =>
      oc.columns([key, 'period']).doUpdateSet({
        status: row.status,
        comment: row.comment,
        by_label: row.by,
        at: new Date(),
        changed_after_close: row.changedAfterClose,
      }),
    )
    .execute();
}
