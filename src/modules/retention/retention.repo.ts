// Every query of the retention module's own tables (rules, runs, the nightly job's days); tenant-scoped.
import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { RetentionReport, RetentionRuleTable } from '../../db/schema-retention.ts';

export type RuleRow = Awaited<ReturnType<typeof listRules>>[number];

export function listRules(db: Db, tenantId: string) {
  return db
    .selectFrom('retention_rules')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('active', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Active rules that runs on `date` apply (effective on or before it). */
export function effectiveRules(db: Db, tenantId: string, date: string) {
  return db
    .selectFrom('retention_rules')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .where('effective_from', '<=', date)
    .execute();
}

export function findRule(db: Db, tenantId: string, id: string) {
  return db.selectFrom('retention_rules').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function lockRule(db: Db, tenantId: string, id: string) {
  return db.selectFrom('retention_rules').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertRule(db: Db, values: Insertable<RetentionRuleTable>) {
  return db.insertInto('retention_rules').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function deactivateRule(db: Db, tenantId: string, id: string, now: Date): Promise<void> {
  await db
    .updateTable('retention_rules')
    .set({ active: false, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Tenants with at least one active rule effective by `date`: whom the nightly job runs for. */
export async function tenantsWithRules(db: Db, date: string): Promise<string[]> {
  const rows = await db
    .selectFrom('retention_rules')
    .select('tenant_id')
    .distinct()
    .where('active', '=', true)
    .where('effective_from', '<=', date)
    .execute();
  return rows.map((r) => r.tenant_id);
}

export async function insertRun(
  db: Db,
  values: {
    tenantId: string;
    runDate: string;
    startedAt: Date;
    startedBy: string;
    startedByUserId: string | null;
    report: RetentionReport;
  },
) {
  return db
    .insertInto('retention_runs')
    .values({
      tenant_id: values.tenantId,
      run_date: values.runDate,
      started_at: values.startedAt,
      started_by: values.startedBy,
      started_by_user_id: values.startedByUserId,
      report: JSON.stringify(values.report),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateRun(
  db: Db,
  tenantId: string,
  id: string,
  set: { clearedCases: number; report: RetentionReport; finishedAt?: Date; error?: string | null },
): Promise<void> {
  await db
    .updateTable('retention_runs')
    .set({
      cleared_cases: set.clearedCases,
      report: JSON.stringify(set.report),
      ...(set.finishedAt ? { finished_at: set.finishedAt } : {}),
      ...(set.error !== undefined ? { error: set.error } : {}),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export type RunRow = Awaited<ReturnType<typeof listRuns>>[number];

export function listRuns(db: Db, tenantId: string, limit = 50) {
  return db
    .selectFrom('retention_runs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('started_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Once across instances: only the instance whose insert succeeds runs the night's job. */
export async function claimJobDay(db: Db, key: string, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('retention_job_days')
    .values({ key, started_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

export async function finishJobDay(db: Db, key: string, now: Date, error: string | null): Promise<void> {
  await db.updateTable('retention_job_days').set({ finished_at: now, error }).where('key', '=', key).execute();
}
