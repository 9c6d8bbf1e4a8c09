// Every query of indicators, their goal links, values and the history of replaced values.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { IndicatorsTable, IndicatorValuesTable, ValueKind } from '../../db/schema-goals.ts';

export type IndicatorRow = Selectable<IndicatorsTable>;
export type ValueRow = Selectable<IndicatorValuesTable>;

export function insertIndicator(db: Db, row: Insertable<IndicatorsTable>) {
  return db.insertInto('indicators').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateIndicator(db: Db, tenantId: string, id: string, set: Updateable<IndicatorsTable>) {
  return db
    .updateTable('indicators')
    .set({ ...set, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function findIndicator(db: Db, tenantId: string, id: string, options: { lock?: boolean } = {}) {
  const q = db.selectFrom('indicators').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
  return (options.lock ? q.forUpdate() : q).executeTakeFirst();
}

export function findIndicatorByCode(db: Db, tenantId: string, code: string) {
  return db.selectFrom('indicators').selectAll().where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst();
}

export function listIndicators(db: Db, tenantId: string, filter: { ownerUnitIds?: string[]; ids?: string[] } = {}) {
  let q = db.selectFrom('indicators').selectAll().where('tenant_id', '=', tenantId);
  if (filter.ownerUnitIds) {
    if (filter.ownerUnitIds.length === 0) return Promise.resolve([]);
    q = q.where('owner_unit_id', 'in', filter.ownerUnitIds);
  }
  if (filter.ids) {
    if (filter.ids.length === 0) return Promise.resolve([]);
    q = q.where('id', 'in', filter.ids);
  }
  return q.orderBy('code').orderBy('title').execute();
}

export function listGoalLinks(db: Db, tenantId: string, filter: { indicatorIds?: string[]; goalIds?: string[] }) {
  let q = db.selectFrom('indicator_goals').select(['indicator_id', 'goal_id']).where('tenant_id', '=', tenantId);
  if (filter.indicatorIds) {
    if (filter.indicatorIds.length === 0) return Promise.resolve([]);
    q = q.where('indicator_id', 'in', filter.indicatorIds);
  }
  if (filter.goalIds) {
    if (filter.goalIds.length === 0) return Promise.resolve([]);
    q = q.where('goal_id', 'in', filter.goalIds);
  }
  return q.execute();
}

export async function setGoalLinks(db: Db, tenantId: string, indicatorId: string, goalIds: string[]): Promise<void> {
  await db.deleteFrom('indicator_goals').where('tenant_id', '=', tenantId).where('indicator_id', '=', indicatorId).execute();
  if (goalIds.length === 0) return;
  await db
    .insertInto('indicator_goals')
    .values(goalIds.map((goal_id) => ({ tenant_id: tenantId, indicator_id: indicatorId, goal_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function listValues(db: Db, tenantId: string, indicatorIds: string[]) {
  if (indicatorIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('indicator_values')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('indicator_id', 'in', indicatorIds)
    .execute();
}

export function findValueForUpdate(db: Db, tenantId: string, indicatorId: string, period: string, kind: ValueKind) {
  return db
    .selectFrom('indicator_values')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('indicator_id', '=', indicatorId)
    .where('period', '=', period)
    .where('kind', '=', kind)
    .forUpdate()
    .executeTakeFirst();
}

export function insertValue(db: Db, row: Insertable<IndicatorValuesTable>) {
  return db.insertInto('indicator_values').values(row).execute();
}

/** Replaces a value, keeping the earlier one in the history. */
export async function replaceValue(db: Db, old: ValueRow, set: Updateable<IndicatorValuesTable>, replacedBy: string): Promise<void> {
  await db
    .insertInto('indicator_value_history')
    .values({
      tenant_id: old.tenant_id,
      indicator_id: old.indicator_id,
      period: old.period,
      kind: old.kind,
      value: old.value,
      comment: old.comment,
      imported: old.imported,
      entered_by_label: old.entered_by_label,
      entered_at: old.entered_at,
      replaced_by_label: replacedBy,
    })
    .execute();
  await db.updateTable('indicator_values').set(set).where('tenant_id', '=', old.tenant_id).where('id', '=', old.id).execute();
}

export function listHistory(db: Db, tenantId: string, indicatorId: string) {
  return db
    .selectFrom('indicator_value_history')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('indicator_id', '=', indicatorId)
    .orderBy('replaced_at', 'desc')
    .execute();
}
