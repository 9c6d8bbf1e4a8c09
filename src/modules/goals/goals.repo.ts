// Every query of plans, goal areas, goals, board texts, written assessments and the tenant's
// assessment setting. Each is scoped by tenant_id.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { GoalAreasTable, GoalPlansTable, GoalsTable } from '../../db/schema-goals.ts';

export type PlanRow = Selectable<GoalPlansTable>;
export type GoalAreaRow = Selectable<GoalAreasTable>;
export type GoalRow = Selectable<GoalsTable>;

export function listPlans(db: Db, tenantId: string) {
  return db
    .selectFrom('goal_plans as p')
    .selectAll('p')
    .select((eb) =>
      eb
        .selectFrom('goal_areas as a')
        .select((a) => a.fn.countAll<number>().as('n'))
        .whereRef('a.plan_id', '=', 'p.id')
        .whereRef('a.tenant_id', '=', 'p.tenant_id')
        .as('goal_area_count'),
    )
    .where('p.tenant_id', '=', tenantId)
    .orderBy('p.first_year', 'desc')
    .orderBy('p.title')
    .execute();
}

export function findPlan(db: Db, tenantId: string, id: string) {
  return db.selectFrom('goal_plans').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function findPlanByTitle(db: Db, tenantId: string, title: string) {
  return db.selectFrom('goal_plans').selectAll().where('tenant_id', '=', tenantId).where('title', '=', title).executeTakeFirst();
}

export function insertPlan(db: Db, row: Insertable<GoalPlansTable>) {
  return db.insertInto('goal_plans').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updatePlan(db: Db, tenantId: string, id: string, set: Updateable<GoalPlansTable>) {
  return db.updateTable('goal_plans').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).returningAll().executeTakeFirst();
}

export function findPlanForUpdate(db: Db, tenantId: string, id: string) {
  return db.selectFrom('goal_plans').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listGoalAreas(db: Db, tenantId: string, planId: string) {
  return db
    .selectFrom('goal_areas')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('plan_id', '=', planId)
    .orderBy('position')
    .orderBy('number')
    .execute();
}

export function findGoalArea(db: Db, tenantId: string, id: string) {
  return db.selectFrom('goal_areas').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function insertGoalArea(db: Db, row: Insertable<GoalAreasTable>) {
  return db.insertInto('goal_areas').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateGoalArea(db: Db, tenantId: string, id: string, set: Updateable<GoalAreasTable>) {
  return db.updateTable('goal_areas').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).returningAll().executeTakeFirst();
}

export function listGoals(db: Db, tenantId: string, goalAreaIds: string[]) {
  if (goalAreaIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('goals')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('goal_area_id', 'in', goalAreaIds)
    .orderBy('position')
    .orderBy('number')
    .execute();
}

export function findGoals(db: Db, tenantId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('goals').selectAll().where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
}

export function findGoal(db: Db, tenantId: string, id: string) {
  return db.selectFrom('goals').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** A goal by its number within a plan (numbers like "2.1" are unique per goal area, and in practice per plan). */
export function findGoalByNumber(db: Db, tenantId: string, planId: string, number: string) {
  return db
    .selectFrom('goals as g')
    .innerJoin('goal_areas as a', (j) => j.onRef('a.id', '=', 'g.goal_area_id').onRef('a.tenant_id', '=', 'g.tenant_id'))
    .selectAll('g')
    .where('g.tenant_id', '=', tenantId)
    .where('a.plan_id', '=', planId)
    .where('g.number', '=', number)
    .executeTakeFirst();
}

export function insertGoal(db: Db, row: Insertable<GoalsTable>) {
  return db.insertInto('goals').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateGoal(db: Db, tenantId: string, id: string, set: Updateable<GoalsTable>) {
  return db.updateTable('goals').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).returningAll().executeTakeFirst();
}

export function listBoardTexts(db: Db, tenantId: string, filter: { goalAreaIds: string[]; goalIds: string[] }) {
  return db
    .selectFrom('goal_board_texts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        filter.goalAreaIds.length ? eb('goal_area_id', 'in', filter.goalAreaIds) : eb.val(false),
        filter.goalIds.length ? eb('goal_id', 'in', filter.goalIds) : eb.val(false),
      ]),
    )
    .orderBy('year')
    .execute();
}

export async function upsertBoardText(
  db: Db,
  row: { tenantId: string; boardUnitId: string; year: number; goalAreaId: string | null; goalId: string | null; text: string },
): Promise<void> {
  const target = row.goalAreaId ? ('goal_area_id' as const) : ('goal_id' as const);
  const existing = await db
    .selectFrom('goal_board_texts')
    .select('id')
    .where('tenant_id', '=', row.tenantId)
    .where(target, '=', row.goalAreaId ?? row.goalId)
    .where('board_unit_id', '=', row.boardUnitId)
    .where('year', '=', row.year)
    .forUpdate()
    .executeTakeFirst();
  if (existing) {
    await db.updateTable('goal_board_texts').set({ text: row.text }).where('id', '=', existing.id).execute();
    return;
  }
  await db
    .insertInto('goal_board_texts')
    .values({
      tenant_id: row.tenantId,
      board_unit_id: row.boardUnitId,
      year: row.year,
      goal_area_id: row.goalAreaId,
      goal_id: row.goalId,
      text: row.text,
    })
    .execute();
}

export function findSettings(db: Db, tenantId: string) {
  return db.selectFrom('goal_settings').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
}

export async function saveSettings(db: Db, tenantId: string, s: { partlyRule: 'tolerance' | 'strict'; defaultTolerance: number }) {
  await db
    .insertInto('goal_settings')
    .values({ tenant_id: tenantId, partly_rule: s.partlyRule, default_tolerance: s.defaultTolerance })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ partly_rule: s.partlyRule, default_tolerance: s.defaultTolerance }))
    .execute();
}

export function listAssessments(db: Db, tenantId: string, goalIds: string[]) {
  if (goalIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('goal_assessments').selectAll().where('tenant_id', '=', tenantId).where('goal_id', 'in', goalIds).execute();
}

export function findAssessmentForUpdate(db: Db, tenantId: string, goalId: string, period: string) {
  return db
    .selectFrom('goal_assessments')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('goal_id', '=', goalId)
    .where('period', '=', period)
    .forUpdate()
    .executeTakeFirst();
}

export async function saveAssessment(
  db: Db,
  row: {
    tenantId: string;
    goalId: string;
    period: string;
    status: 'met' | 'partly' | 'not_met' | null;
    analysis: string;
    by: string;
    changedAfterClose: boolean;
  },
): Promise<void> {
  await db
    .insertInto('goal_assessments')
    .values({
      tenant_id: row.tenantId,
      goal_id: row.goalId,
      period: row.period,
      status: row.status,
      analysis: row.analysis,
      by_label: row.by,
      changed_after_close: row.changedAfterClose,
    })
    .onConflict((oc) =>
      oc.columns(['goal_id', 'period']).doUpdateSet({
        status: row.status,
        analysis: row.analysis,
        by_label: row.by,
        at: new Date(),
        changed_after_close: row.changedAfterClose,
      }),
    )
    .execute();
}
