// Every query of action plans, their indicator links, activities and activity progress.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ActionPlanActivitiesTable, ActionPlansTable } from '../../db/schema-goals.ts';
import { listStatusReports } from './period-status.repo.ts';

export type ActionPlanRow = Selectable<ActionPlansTable>;
export type ActivityRow = Selectable<ActionPlanActivitiesTable>;

export function insertPlan(db: Db, row: Insertable<ActionPlansTable>) {
  return db.insertInto('action_plans').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findPlan(db: Db, tenantId: string, id: string, options: { lock?: boolean } = {}) {
  const q = db.selectFrom('action_plans').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
  return (options.lock ? q.forUpdate() : q).executeTakeFirst();
}

export function updatePlan(db: Db, tenantId: string, id: string, set: Updateable<ActionPlansTable>) {
  return db.updateTable('action_plans').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).returningAll().executeTakeFirst();
}

export function findPlanByTitle(db: Db, tenantId: string, title: string) {
  return db.selectFrom('action_plans').selectAll().where('tenant_id', '=', tenantId).where('title', '=', title).executeTakeFirst();
}

export function listPlans(db: Db, tenantId: string) {
  return db
    .selectFrom('action_plans')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('period_from', 'desc')
    .orderBy('title')
    .execute();
}

export async function setIndicators(db: Db, tenantId: string, planId: string, indicatorIds: string[]): Promise<void> {
  await db.deleteFrom('action_plan_indicators').where('tenant_id', '=', tenantId).where('action_plan_id', '=', planId).execute();
  if (indicatorIds.length === 0) return;
  await db
    .insertInto('action_plan_indicators')
    .values(indicatorIds.map((indicator_id) => ({ tenant_id: tenantId, action_plan_id: planId, indicator_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function listIndicatorIds(db: Db, tenantId: string, planId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('action_plan_indicators')
    .select('indicator_id')
    .where('tenant_id', '=', tenantId)
    .where('action_plan_id', '=', planId)
    .execute();
  return rows.map((r) => r.indicator_id);
}

export function insertActivity(db: Db, row: Insertable<ActionPlanActivitiesTable>) {
  return db.insertInto('action_plan_activities').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateActivity(db: Db, tenantId: string, id: string, set: Updateable<ActionPlanActivitiesTable>) {
  return db
    .updateTable('action_plan_activities')
    .set(set)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function findActivity(db: Db, tenantId: string, id: string, options: { lock?: boolean } = {}) {
  const q = db.selectFrom('action_plan_activities').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
  return (options.lock ? q.forUpdate() : q).executeTakeFirst();
}

export function findActivities(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('action_plan_activities').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

export function listActivities(db: Db, tenantId: string, planIds: string[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('action_plan_activities')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('action_plan_id', 'in', planIds)
    .orderBy('number')
    .execute();
}

export const listProgress = (db: Db, tenantId: string, activityIds: string[]) => listStatusReports(db, 'activity', tenantId, activityIds);
