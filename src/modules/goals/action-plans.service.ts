// Action plans (handlingsplaner): purpose, goals (text, and the indicators that measure them),
// budget per year, follow-up interval, and activities with steps and dates whose progress the
// responsible unit reports per follow-up period.
import type { Static } from 'typebox';
import type { Db } from '../../db/database.ts';
import { AppError, type FieldError, invalid, notFound } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { isValidLocalDate } from '../calendar/calendar.ts';
import { listUnits } from '../org/org.service.ts';
import * as repo from './action-plans.repo.ts';
import { ActionPlanFields, ActionPlanInput, ActivityInput, ActivityPatch, ProgressInput } from './action-plans.schemas.ts';
import { canDefine, requireDefine, requireReader, requireReport } from './goals.access.ts';
import { listIndicatorRows } from './indicators.service.ts';
import { savePeriodStatus } from './period-status.ts';
import { isPeriod } from './periods.ts';

export type { ActionPlanRow, ActivityRow } from './action-plans.repo.ts';

const MESSAGES = {
  title: 'Ange handlingsplanens namn.',
  responsibleUnitId: 'Välj ansvarig enhet.',
  periodFrom: 'Ange periodens start som ÅÅÅÅ-MM-DD.',
  periodTo: 'Ange periodens slut som ÅÅÅÅ-MM-DD.',
  followUpInterval: 'Välj uppföljningsintervall: monthly, tertial, half_year eller yearly.',
  budget: 'Budgeten anges i hela kronor per år, t.ex. {"2025": 450000}.',
  activities: 'En aktivitet behöver nummer, namn, start, slut och ansvarig enhet.',
};

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

function audit(actor: Actor, action: string, entityId: string, data: Record<string, unknown>) {
  return { tenantId: actor.tenantId, actorUserId: actor.userId, actorLabel: actor.label, action, entity: 'action_plan', entityId, data };
}

function dateErrors(fields: Record<string, string | undefined>): FieldError[] {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined && !isValidLocalDate(v))
    .map(([field]) => ({ field, message: `${field}: ogiltigt datum (ÅÅÅÅ-MM-DD).` }));
}

function checkActivity(a: Partial<Static<typeof ActivityInput>>, field: string, units: Set<string>): FieldError[] {
  const errors = dateErrors({ [`${field}.startDate`]: a.startDate, [`${field}.endDate`]: a.endDate });
  if (!errors.length && a.startDate && a.endDate && a.endDate < a.startDate)
    errors.push({ field: `${field}.endDate`, message: 'Slutdatumet kan inte ligga före startdatumet.' });
  if (a.responsibleUnitId && !units.has(a.responsibleUnitId))
    errors.push({ field: `${field}.responsibleUnitId`, message: 'Enheten finns inte.' });
  return errors;
}

export async function createActionPlan(actor: Actor, input: unknown, { db }: { db: Db }): Promise<string> {
  requireDefine(actor);
  const v = validate(ActionPlanInput, input, MESSAGES);
  const units = new Set((await listUnits(db, actor.tenantId)).map((u) => u.id));
  const errors = await checkPlan(actor, v, units, { db });
  for (const [n, a] of (v.activities ?? []).entries()) errors.push(...checkActivity(a, `activities.${n}`, units));
  const numbers = (v.activities ?? []).map((a) => a.number);
  if (new Set(numbers).size !== numbers.length) errors.push({ field: 'activities', message: 'Två aktiviteter har samma nummer.' });
  if (errors.length) throw invalid(errors);
  const indicatorIds = v.indicatorIds ?? [];
  try {
    return await db.transaction().execute(async (trx) => {
      const plan = await repo.insertPlan(trx, { tenant_id: actor.tenantId, ...planColumns(v) });
      await repo.setIndicators(trx, actor.tenantId, plan.id, [...new Set(indicatorIds)]);
      for (const a of v.activities ?? []) await repo.insertActivity(trx, activityRow(actor.tenantId, plan.id, a));
      await recordAudit(trx, audit(actor, 'action_plan.created', plan.id, { title: plan.title }));
      return plan.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'Det finns redan en handlingsplan med det namnet.', { cause: error });
    throw error;
  }
}

/** The plan's own fields as columns (activities and indicator links are rows of their own). */
function planColumns(v: Static<typeof ActionPlanFields>) {
  return {
    title: v.title.trim(),
    purpose: v.purpose ?? '',
    responsible_unit_id: v.responsibleUnitId,
    period_from: v.periodFrom,
    period_to: v.periodTo,
    goals_text: v.goalsText ?? '',
    budget: JSON.stringify(v.budget ?? {}),
    follow_up_interval: v.followUpInterval,
  };
}

/** The plan's own fields that refer to other rows or must agree with each other. */
async function checkPlan(actor: Actor, v: Static<typeof ActionPlanFields>, units: Set<string>, { db }: { db: Db }): Promise<FieldError[]> {
  const errors = dateErrors({ periodFrom: v.periodFrom, periodTo: v.periodTo });
  if (!errors.length && v.periodTo < v.periodFrom)
    errors.push({ field: 'periodTo', message: 'Periodens slut kan inte ligga före starten.' });
  if (!units.has(v.responsibleUnitId)) errors.push({ field: 'responsibleUnitId', message: 'Den ansvariga enheten finns inte.' });
  const indicatorIds = v.indicatorIds ?? [];
  if (indicatorIds.length && (await listIndicatorRows(actor, { ids: indicatorIds }, { db })).length !== new Set(indicatorIds).size)
    errors.push({ field: 'indicatorIds', message: 'En av indikatorerna finns inte.' });
  return errors;
}

/**
 * Replaces an action plan's own fields (name, purpose, responsible unit, period, goals and their
 * indicators, budget, follow-up interval); its activities and their progress stay as they are.
 * The plan row is locked and re-read in the transaction, so a plan removed meanwhile is a 404.
 */
export async function updateActionPlan(actor: Actor, id: string, input: unknown, { db }: { db: Db }) {
  requireDefine(actor);
  const v = validate(ActionPlanFields, input, MESSAGES);
  if (!(await repo.findPlan(db, actor.tenantId, id))) throw notFound('Handlingsplanen');
  const units = new Set((await listUnits(db, actor.tenantId)).map((u) => u.id));
  const errors = await checkPlan(actor, v, units, { db });
  if (errors.length) throw invalid(errors);
  try {
    return await db.transaction().execute(async (trx) => {
      const old = await repo.findPlan(trx, actor.tenantId, id, { lock: true });
      if (!old) throw notFound('Handlingsplanen');
      const row = await repo.updatePlan(trx, actor.tenantId, id, planColumns(v));
      await repo.setIndicators(trx, actor.tenantId, id, [...new Set(v.indicatorIds ?? [])]);
      await recordAudit(trx, audit(actor, 'action_plan.updated', id, { title: v.title.trim() }));
      return row ?? old;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'Det finns redan en handlingsplan med det namnet.', { cause: error });
    throw error;
  }
}

function activityRow(tenantId: string, planId: string, a: Static<typeof ActivityInput>) {
  return {
    tenant_id: tenantId,
    action_plan_id: planId,
    number: a.number,
    title: a.title.trim(),
    purpose: a.purpose ?? '',
    steps: a.steps ?? '',
    start_date: a.startDate,
    end_date: a.endDate,
    responsible_unit_id: a.responsibleUnitId,
    status: a.status ?? 'not_started',
  };
}

export async function addActivity(actor: Actor, planId: string, input: unknown, { db }: { db: Db }) {
  requireDefine(actor);
  const v = validate(ActivityInput, input, MESSAGES);
  if (!(await repo.findPlan(db, actor.tenantId, planId))) throw notFound('Handlingsplanen');
  const units = new Set((await listUnits(db, actor.tenantId)).map((u) => u.id));
  const errors = checkActivity(v, 'activity', units);
  if (errors.length) throw invalid(errors);
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await repo.insertActivity(trx, activityRow(actor.tenantId, planId, v));
      await recordAudit(trx, audit(actor, 'action_plan.activity_added', planId, { number: v.number }));
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `Handlingsplanen har redan en aktivitet ${v.number}.`, { cause: error });
    throw error;
  }
}

export async function updateActivity(actor: Actor, id: string, input: unknown, { db }: { db: Db }) {
  requireDefine(actor);
  const v = validate(ActivityPatch, input, MESSAGES);
  const units = new Set((await listUnits(db, actor.tenantId)).map((u) => u.id));
  const errors = checkActivity(v, 'activity', units);
  if (errors.length) throw invalid(errors);
  return db.transaction().execute(async (trx) => {
    const old = await repo.findActivity(trx, actor.tenantId, id, { lock: true });
    if (!old) throw notFound('Aktiviteten');
    if ((v.endDate ?? old.end_date) < (v.startDate ?? old.start_date))
      throw invalid([{ field: 'activity.endDate', message: 'Slutdatumet kan inte ligga före startdatumet.' }]);
    const row = await repo.updateActivity(trx, actor.tenantId, id, {
      number: v.number,
      title: v.title?.trim(),
      purpose: v.purpose,
      steps: v.steps,
      start_date: v.startDate,
      end_date: v.endDate,
      responsible_unit_id: v.responsibleUnitId,
      status: v.status,
    });
    await recordAudit(trx, audit(actor, 'action_plan.activity_updated', old.action_plan_id, { activity: id, changes: v }));
    return row;
  });
}

export async function reportActivityProgress(
  actor: Actor,
  activityId: string,
  period: string,
  input: unknown,
  { db }: { db: Db },
): Promise<void> {
  const v = validate(ProgressInput, input, { status: 'Status ska vara not_started, ongoing, done, delayed eller cancelled.' });
  if (!isPeriod(period)) throw invalid([{ field: 'period', message: 'Perioden ska vara 2025, 2025-D1, 2025-D2 eller 2025-03.' }]);
  requireReader(actor);
  const activity = await repo.findActivity(db, actor.tenantId, activityId);
  if (!activity) throw notFound('Aktiviteten');
  if (!canDefine(actor)) await requireReport(db, actor, activity.responsible_unit_id);
  await db.transaction().execute(async (trx) => {
    await repo.findActivity(trx, actor.tenantId, activityId, { lock: true });
    const saved = await savePeriodStatus(trx, actor, 'activity', activityId, period, v);
    if (!saved) return;
    const { closed } = saved;
    await repo.updateActivity(trx, actor.tenantId, activityId, { status: v.status });
    await recordAudit(
      trx,
      audit(actor, closed ? 'action_plan.progress_changed_after_close' : 'action_plan.progress_reported', activity.action_plan_id, {
        activity: activityId,
        period,
        status: v.status,
      }),
    );
  });
}

export async function getActionPlan(actor: Actor, id: string, { db }: { db: Db }) {
  requireReader(actor);
  const plan = await repo.findPlan(db, actor.tenantId, id);
  if (!plan) throw notFound('Handlingsplanen');
  const [activities, indicatorIds] = await Promise.all([
    repo.listActivities(db, actor.tenantId, [id]),
    repo.listIndicatorIds(db, actor.tenantId, id),
  ]);
  const progress = await repo.listProgress(
    db,
    actor.tenantId,
    activities.map((a) => a.id),
  );
  return presentActionPlan(plan, activities, progress, indicatorIds);
}

export async function getActivity(actor: Actor, id: string, { db }: { db: Db }) {
  requireReader(actor);
  const row = await repo.findActivity(db, actor.tenantId, id);
  if (!row) throw notFound('Aktiviteten');
  return row;
}

export async function listActionPlans(actor: Actor, { db }: { db: Db }) {
  requireReader(actor);
  return repo.listPlans(db, actor.tenantId);
}

export function listAllActivities(db: Db, tenantId: string) {
  return db.selectFrom('action_plan_activities').selectAll().where('tenant_id', '=', tenantId).execute();
}

function presentActionPlan(
  p: repo.ActionPlanRow,
  activities: repo.ActivityRow[],
  progress: Awaited<ReturnType<typeof repo.listProgress>>,
  indicatorIds: string[],
) {
  return {
    id: p.id,
    title: p.title,
    purpose: p.purpose,
    responsibleUnitId: p.responsible_unit_id,
    periodFrom: p.period_from,
    periodTo: p.period_to,
    goalsText: p.goals_text,
    indicatorIds,
    budget: (p.budget ?? {}) as Record<string, number>,
    followUpInterval: p.follow_up_interval,
    activities: activities.map((a) => ({
      id: a.id,
      number: a.number,
      title: a.title,
      purpose: a.purpose,
      steps: a.steps,
      startDate: a.start_date,
      endDate: a.end_date,
      responsibleUnitId: a.responsible_unit_id,
      status: a.status,
      progress: progress
        .filter((x) => x.activity_id === a.id)
        .map((x) => ({
          period: x.period,
          status: x.status,
          comment: x.comment,
          by: x.by_label,
          at: new Date(x.at).toISOString(),
          changedAfterClose: x.changed_after_close,
        })),
    })),
  };
}

export type ActionPlanView = ReturnType<typeof presentActionPlan>;
