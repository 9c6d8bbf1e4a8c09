// The plan: plans, goal areas, direction and operational goals, boards' texts per year, written
// assessments, and the tenant's assessment rule. Defining is for quality or admin; a direction
// goal's written assessment is reported by the roles of the board it concerns (or quality).
import type { Db } from '../../db/database.ts';
import { AppError, type FieldError, invalid, notFound } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { listUnits } from '../org/org.service.ts';
import { canDefine, canReport, requireDefine, requireReader } from './goals.access.ts';
import * as repo from './goals.repo.ts';
import {
  AssessmentInput,
  BoardTextInput,
  GoalAreaInput,
  GoalAreaPatch,
  GoalInput,
  GoalPatch,
  PlanInput,
  PlanPatch,
  SettingsInput,
} from './goals.schemas.ts';
import { periodName } from './periods.ts';
import * as rounds from './rounds.repo.ts';

export type { GoalAreaRow, GoalRow, PlanRow } from './goals.repo.ts';

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

function audit(actor: Actor, action: string, entity: string, entityId: string, data: Record<string, unknown>) {
  return { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.label, action, entity, entityId, data };
}

async function inTransaction<T>(db: Db, duplicate: string, fn: (trx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(fn);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', duplicate, { cause: error });
    throw error;
  }
}

async function requireUnits(db: Db, tenantId: string, fields: Record<string, string | null | undefined>, boardOnly = false) {
  const units = new Map((await listUnits(db, tenantId)).map((u) => [u.id, u]));
  const errors: FieldError[] = [];
  for (const [field, id] of Object.entries(fields)) {
    if (!id) continue;
    const u = units.get(id);
    if (!u) errors.push({ field, message: 'Enheten finns inte.' });
    else if (boardOnly && u.kind !== 'board' && u.kind !== 'council') errors.push({ field, message: 'Välj en nämnd eller styrelse.' });
  }
  if (errors.length) throw invalid(errors);
}

export async function createPlan(actor: Actor, input: unknown, { db }: { db: Db }): Promise<repo.PlanRow> {
  requireDefine(actor);
  const v = validate(PlanInput, input, { title: 'Ange planens namn.', firstYear: 'Ange första år.', lastYear: 'Ange sista år.' });
  if (v.lastYear < v.firstYear) throw invalid([{ field: 'lastYear', message: 'Sista året kan inte ligga före det första.' }]);
  if (Boolean(v.parentPlanId) !== Boolean(v.boardUnitId))
    throw invalid([{ field: 'boardUnitId', message: 'En verksamhetsplan har både en överordnad plan och en nämnd.' }]);
  await requireUnits(db, actor.tenantId, { boardUnitId: v.boardUnitId }, true);
  if (v.parentPlanId && !(await repo.findPlan(db, actor.tenantId, v.parentPlanId))) throw notFound('Den överordnade planen');
  return inTransaction(db, 'Det finns redan en plan med det namnet.', async (trx) => {
    const row = await repo.insertPlan(trx, {
      tenant_id: actor.tenantId,
      title: v.title.trim(),
      first_year: v.firstYear,
      last_year: v.lastYear,
      decided_by: v.decidedBy ?? null,
      decision_date: v.decisionDate ?? null,
      registration_number: v.registrationNumber ?? null,
      parent_plan_id: v.parentPlanId ?? null,
      board_unit_id: v.boardUnitId ?? null,
    });
    await recordAudit(trx, audit(actor, 'goal_plan.created', 'goal_plan', row.id, { title: row.title }));
    return row;
  });
}

export async function updatePlan(actor: Actor, id: string, input: unknown, { db }: { db: Db }): Promise<repo.PlanRow> {
  requireDefine(actor);
  const v = validate(PlanPatch, input, { title: 'Ange planens namn.', firstYear: 'Ange första år.', lastYear: 'Ange sista år.' });
  return inTransaction(db, 'Det finns redan en plan med det namnet.', async (trx) => {
    const old = await repo.findPlanForUpdate(trx, actor.tenantId, id);
    if (!old) throw notFound('Planen');
    if ((v.lastYear ?? old.last_year) < (v.firstYear ?? old.first_year))
      throw invalid([{ field: 'lastYear', message: 'Sista året kan inte ligga före det första.' }]);
    const row = await repo.updatePlan(trx, actor.tenantId, id, {
      title: v.title?.trim(),
      first_year: v.firstYear,
      last_year: v.lastYear,
      decided_by: v.decidedBy,
      decision_date: v.decisionDate,
      registration_number: v.registrationNumber,
    });
    if (!row) throw notFound('Planen');
    await recordAudit(trx, audit(actor, 'goal_plan.updated', 'goal_plan', id, { changes: v }));
    return row;
  });
}

export async function listPlans(actor: Actor, { db }: { db: Db }) {
  requireReader(actor);
  return repo.listPlans(db, actor.tenantId);
}

export async function getPlan(actor: Actor, id: string, { db }: { db: Db }): Promise<repo.PlanRow> {
  requireReader(actor);
  const plan = await repo.findPlan(db, actor.tenantId, id);
  if (!plan) throw notFound('Planen');
  return plan;
}

export async function createGoalArea(actor: Actor, planId: string, input: unknown, { db }: { db: Db }) {
  requireDefine(actor);
  const v = validate(GoalAreaInput, input, { number: 'Ange målområdets nummer (1–99).', title: 'Ange målområdets namn.' });
  await getPlan(actor, planId, { db });
  return inTransaction(db, `Planen har redan ett målområde ${v.number}.`, async (trx) => {
    const row = await repo.insertGoalArea(trx, {
      tenant_id: actor.tenantId,
      plan_id: planId,
      number: v.number,
      title: v.title.trim(),
      ambition: v.ambition ?? '',
      in_practice: v.inPractice ?? '',
      position: v.position ?? v.number,
    });
    await recordAudit(trx, audit(actor, 'goal_area.created', 'goal_area', row.id, { number: row.number, title: row.title }));
    return row;
  });
}

export async function updateGoalArea(actor: Actor, id: string, input: unknown, { db }: { db: Db }) {
  requireDefine(actor);
  const v = validate(GoalAreaPatch, input);
  return inTransaction(db, `Planen har redan ett målområde ${v.number}.`, async (trx) => {
    const row = await repo.updateGoalArea(trx, actor.tenantId, id, {
      number: v.number,
      title: v.title?.trim(),
      ambition: v.ambition,
      in_practice: v.inPractice,
      position: v.position,
    });
    if (!row) throw notFound('Målområdet');
    await recordAudit(trx, audit(actor, 'goal_area.updated', 'goal_area', id, { changes: v }));
    return row;
  });
}

export async function getGoalArea(actor: Actor, id: string, { db }: { db: Db }) {
  requireReader(actor);
  const row = await repo.findGoalArea(db, actor.tenantId, id);
  if (!row) throw notFound('Målområdet');
  return row;
}

export async function createGoal(actor: Actor, goalAreaId: string, input: unknown, { db }: { db: Db }) {
  requireDefine(actor);
  const v = validate(GoalInput, input, { number: 'Ange målets nummer, t.ex. 1.1.', title: 'Ange målets namn.' });
  const area = await getGoalArea(actor, goalAreaId, { db });
  const kind = v.kind ?? (v.parentGoalId ? 'operational' : 'direction');
  if (kind === 'operational') {
    if (!v.parentGoalId || !v.boardUnitId)
      throw invalid([{ field: 'parentGoalId', message: 'Ett verksamhetsmål ligger under ett inriktningsmål och tillhör en nämnd.' }]);
    const parent = await repo.findGoal(db, actor.tenantId, v.parentGoalId);
    if (parent?.kind !== 'direction' || parent.goal_area_id !== area.id)
      throw invalid([{ field: 'parentGoalId', message: 'Inriktningsmålet finns inte i målområdet.' }]);
    await requireUnits(db, actor.tenantId, { boardUnitId: v.boardUnitId }, true);
  }
  return inTransaction(db, `Målområdet har redan ett mål ${v.number}.`, async (trx) => {
    const row = await repo.insertGoal(trx, {
      tenant_id: actor.tenantId,
      goal_area_id: area.id,
      kind,
      parent_goal_id: kind === 'operational' ? (v.parentGoalId ?? null) : null,
      board_unit_id: kind === 'operational' ? (v.boardUnitId ?? null) : null,
      number: v.number,
      title: v.title.trim(),
      text: v.text ?? '',
      position: v.position ?? 0,
    });
    await recordAudit(trx, audit(actor, 'goal.created', 'goal', row.id, { number: row.number, title: row.title }));
    return row;
  });
}

export async function updateGoal(actor: Actor, id: string, input: unknown, { db }: { db: Db }) {
  requireDefine(actor);
  const v = validate(GoalPatch, input);
  return inTransaction(db, `Målområdet har redan ett mål ${v.number}.`, async (trx) => {
    const row = await repo.updateGoal(trx, actor.tenantId, id, {
      number: v.number,
      title: v.title?.trim(),
      text: v.text,
      position: v.position,
    });
    if (!row) throw notFound('Målet');
    await recordAudit(trx, audit(actor, 'goal.updated', 'goal', id, { changes: v }));
    return row;
  });
}

export async function getGoal(actor: Actor, id: string, { db }: { db: Db }) {
  requireReader(actor);
  const row = await repo.findGoal(db, actor.tenantId, id);
  if (!row) throw notFound('Målet');
  return row;
}

/** A board's text for a year: its contribution to a goal area, or its work within a goal. */
export async function putBoardText(actor: Actor, target: { goalAreaId?: string; goalId?: string }, input: unknown, { db }: { db: Db }) {
  requireDefine(actor);
  const v = validate(BoardTextInput, input, { boardUnitId: 'Välj nämnd.', year: 'Ange år.', text: 'Texten får vara högst 20 000 tecken.' });
  if (target.goalAreaId) await getGoalArea(actor, target.goalAreaId, { db });
  if (target.goalId) await getGoal(actor, target.goalId, { db });
  await requireUnits(db, actor.tenantId, { boardUnitId: v.boardUnitId }, true);
  await db.transaction().execute(async (trx) => {
    await repo.upsertBoardText(trx, {
      tenantId: actor.tenantId,
      boardUnitId: v.boardUnitId,
      year: v.year,
      goalAreaId: target.goalAreaId ?? null,
      goalId: target.goalId ?? null,
      text: v.text,
    });
    await recordAudit(
      trx,
      audit(actor, 'goal.board_text_set', target.goalAreaId ? 'goal_area' : 'goal', target.goalAreaId ?? target.goalId ?? '', {
        year: v.year,
      }),
    );
  });
}

export async function getSettings(actor: Actor, { db }: { db: Db }) {
  requireReader(actor);
  const s = await repo.findSettings(db, actor.tenantId);
  return { partlyRule: s?.partly_rule ?? 'tolerance', defaultTolerance: s?.default_tolerance ?? 0.1 };
}

export async function saveSettings(actor: Actor, input: unknown, { db }: { db: Db }) {
  requireDefine(actor);
  const v = validate(SettingsInput, input, { defaultTolerance: 'Toleransen anges som andel (0–1).' });
  await db.transaction().execute(async (trx) => {
    await repo.saveSettings(trx, actor.tenantId, v);
    await recordAudit(trx, audit(actor, 'goal_settings.saved', 'goal_settings', actor.tenantId, v));
  });
  return v;
}

/**
 * The written assessment and analysis of a goal for a follow-up period. Reported by the roles of
 * the goal's board (an operational goal) or by quality; after the round is closed only quality.
 */
export async function saveWrittenAssessment(actor: Actor, goalId: string, period: string, input: unknown, { db }: { db: Db }) {
  const v = validate(AssessmentInput, input, { status: 'Bedömningen ska vara met, partly, not_met eller null.' });
  if (!/^[0-9]{4}(-D[12])?$/.test(period)) throw invalid([{ field: 'period', message: 'Perioden ska vara 2025, 2025-D1 eller 2025-D2.' }]);
  const goal = await getGoal(actor, goalId, { db });
  const owner = goal.board_unit_id ?? (await planBoard(db, actor.tenantId, goal));
  if (!canDefine(actor) && !(owner && (await canReport(db, actor, owner))))
    throw new AppError('forbidden', 'Du kan inte rapportera för det här målet.');
  await db.transaction().execute(async (trx) => {
    const closed = await rounds.isPeriodClosed(trx, actor.tenantId, period);
    if (closed && !canDefine(actor))
      throw new AppError('conflict', `Uppföljningen av ${periodName(period)} är stängd. En ändring görs av kvalitetsstrategen.`);
    const old = await repo.findAssessmentForUpdate(trx, actor.tenantId, goalId, period);
    if (old && old.status === v.status && old.analysis === v.analysis) return;
    await repo.saveAssessment(trx, {
      tenantId: actor.tenantId,
      goalId,
      period,
      status: v.status,
      analysis: v.analysis,
      by: actor.label,
      changedAfterClose: closed || (old?.changed_after_close ?? false),
    });
    await rounds.touchItems(trx, actor.tenantId, 'goal_assessment', goalId, period, actor.label);
    await recordAudit(
      trx,
      audit(actor, closed ? 'goal.assessment_changed_after_close' : 'goal.assessment_saved', 'goal', goalId, { period, status: v.status }),
    );
  });
}

/** The board of the plan a goal belongs to (a verksamhetsplan), or null for the council's plan. */
export async function planBoard(db: Db, tenantId: string, goal: repo.GoalRow): Promise<string | null> {
  const area = await repo.findGoalArea(db, tenantId, goal.goal_area_id);
  const plan = area ? await repo.findPlan(db, tenantId, area.plan_id) : undefined;
  return plan?.board_unit_id ?? null;
}
