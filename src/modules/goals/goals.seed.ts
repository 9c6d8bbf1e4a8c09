// Demo goals for Norrtälje: the executive board's plan 2025–2027 (seed 002) with goal areas 1–7,
// their direction goals, the printed indicators of goals 1.1 and 2.1 (the contact-centre ones
// linked to the computed sources, so their outcomes from 2025 come from the demo cases), the
// assignment of 2.1, the action plan for service to companies (seed 004) with its NKI goals as
// indicators, and a round "Delår 2 2026" with some items reported and some missing.
import type { Db } from '../../db/database.ts';
import type { DemoTenants } from '../../db/seed/demo.ts';
import { systemActor } from '../accounts/actor.ts';
import { listUnits } from '../org/org.service.ts';
import { createActionPlan } from './action-plans.service.ts';
import { createAssignment, reportAssignmentStatus } from './assignments.service.ts';
import * as goalsRepo from './goals.repo.ts';
import { ACTION_PLAN, ASSIGNMENTS, GOAL_AREAS, GOALS, INDICATORS } from './goals.seed-data.ts';
import { createGoal, createGoalArea, createPlan, putBoardText, saveWrittenAssessment } from './goals.service.ts';
import { createIndicator, putIndicatorValues } from './indicators.service.ts';
import * as roundsRepo from './rounds.repo.ts';
import { markReady, openRound } from './rounds.service.ts';

const PLAN_TITLE = 'Kommunstyrelsens verksamhetsplan 2025–2027';
const COLUMNS = [
  { period: '2022', kind: 'outcome' },
  { period: '2023', kind: 'outcome' },
  { period: '2024', kind: 'forecast' },
  { period: '2024', kind: 'target' },
  { period: '2025', kind: 'target' },
  { period: '2026', kind: 'target' },
  { period: '2027', kind: 'target' },
] as const;

export async function seedGoalsDemo(db: Db, tenants: DemoTenants): Promise<void> {
  const tenant = tenants.norrtalje;
  const actor = systemActor(tenant, 'seed');
  if (await goalsRepo.findPlanByTitle(db, tenant.id, PLAN_TITLE)) return;
  const units = await listUnits(db, tenant.id);
  const unit = (name: string) => {
    const u = name ? units.find((x) => x.name === name) : units.find((x) => x.parentId === null);
    if (!u) throw new Error(`demo unit missing: ${name}`);
    return u.id;
  };
  const ks = unit('Kommunstyrelsen');
  const ctx = { db };
  const council = await createPlan(
    actor,
    { title: 'Mål och budget 2025–2027', firstYear: 2025, lastYear: 2027, decidedBy: 'Kommunfullmäktige' },
    ctx,
  );
  const plan = await createPlan(
    actor,
    { title: PLAN_TITLE, firstYear: 2025, lastYear: 2027, decidedBy: 'Kommunstyrelsen', parentPlanId: council.id, boardUnitId: ks },
    ctx,
  );
  const goalIds = new Map<string, string>();
  for (const a of GOAL_AREAS) {
    const area = await createGoalArea(actor, plan.id, { number: a.number, title: a.title, ambition: a.ambition }, ctx);
    for (const g of GOALS.filter((x) => x.number.startsWith(`${a.number}.`))) {
      const goal = await createGoal(actor, area.id, { number: g.number, title: g.title, text: g.text ?? '' }, ctx);
      goalIds.set(g.number, goal.id);
      if (g.boardText) await putBoardText(actor, { goalId: goal.id }, { boardUnitId: ks, year: 2025, text: g.boardText }, ctx);
    }
  }
  const goal = (n: string) => goalIds.get(n) ?? '';
  const indicatorIds = new Map<string, string>();
  for (const i of INDICATORS) {
    const row = await createIndicator(
      actor,
      {
        code: i.code,
        title: i.title,
        level: 'KF',
        ownerUnitId: i.computed ? unit('Kontaktcenter') : i.goal === '1.1' ? unit('Ekonomiavdelningen') : unit('Kontaktcenter'),
        unit: i.unit,
        decimals: i.decimals,
        direction: i.direction,
        definition: i.definition ?? '',
        dataSource: 'Kommunstyrelsens verksamhetsplan 2025–2027',
        goalIds: [goal(i.goal)],
        source: i.computed ? { type: i.computed.type, unitId: unit(i.computed.unit) } : { type: 'manual' },
      },
      ctx,
    );
    indicatorIds.set(i.code, row.id);
    const values = COLUMNS.map((c, n) => ({ ...c, value: i.values[n], comment: i.comments?.[n] ?? null, imported: c.kind === 'outcome' }))
      .filter((v) => v.value !== null || v.comment)
      .map((v) => ({ period: v.period, kind: v.kind, value: v.value, comment: v.comment, imported: v.imported }));
    if (values.length) await putIndicatorValues(actor, row.id, values, ctx);
  }
  const assignmentIds: string[] = [];
  for (const a of ASSIGNMENTS) {
    const row = await createAssignment(
      actor,
      {
        code: a.code,
        kind: 'assignment',
        title: a.title,
        originBody: a.originBody,
        goalId: goal(a.goal),
        responsibleUnitId: unit(a.unit),
        isNew: a.isNew,
        endDate: a.endDate,
        decisionInstance: a.decisionInstance,
        boardReportDate: a.boardReportDate,
        secretariatDate: a.secretariatDate,
        description: a.description,
        doneCriteria: a.doneCriteria,
        status: 'ongoing',
      },
      ctx,
    );
    assignmentIds.push(row.id);
  }
  const nkiIds: string[] = [];
  for (const n of ACTION_PLAN.nki) {
    const row = await createIndicator(
      actor,
      {
        code: n.code,
        title: n.title,
        level: 'board',
        ownerUnitId: unit(ACTION_PLAN.unit),
        unit: 'index',
        decimals: 0,
        direction: 'higher',
        dataSource: 'SKR:s servicemätning Insikt (värden kommer med nöjdhetsmätningen)',
        goalIds: [goal('6.1')],
      },
      ctx,
    );
    nkiIds.push(row.id);
    const periods = n.year ? [n.year] : ['2025', '2026', '2027'];
    await putIndicatorValues(
      actor,
      row.id,
      periods.map((period) => ({ period, kind: 'target', value: n.target })),
      ctx,
    );
  }
  await createActionPlan(
    actor,
    {
      title: ACTION_PLAN.title,
      purpose: ACTION_PLAN.purpose,
      responsibleUnitId: unit(ACTION_PLAN.unit),
      periodFrom: ACTION_PLAN.periodFrom,
      periodTo: ACTION_PLAN.periodTo,
      goalsText: ACTION_PLAN.goalsText,
      indicatorIds: nkiIds,
      budget: ACTION_PLAN.budget,
      followUpInterval: 'yearly',
      activities: ACTION_PLAN.activities.map((a) => ({
        number: a.number,
        title: a.title,
        purpose: a.purpose,
        steps: a.steps,
        startDate: a.start,
        endDate: a.end,
        responsibleUnitId: unit(ACTION_PLAN.unit),
        status: 'done' as const,
      })),
    },
    ctx,
  );
  // Delår 2 2026: some items reported and ready, some started, some missing.
  const round = await openRound(
    actor,
    { planId: plan.id, title: 'Delår 2 2026', period: '2026-D2', deadline: '2026-09-15', reminderWorkingDays: 5 },
    ctx,
  );
  await putIndicatorValues(
    actor,
    indicatorIds.get('2.1.3') ?? '',
    [{ period: '2026-D2', kind: 'outcome', value: 93.8, comment: 'Invånarmätning Brilliant, januari–augusti.' }],
    ctx,
  );
  await putIndicatorValues(actor, indicatorIds.get('1.1.4') ?? '', [{ period: '2026-D2', kind: 'outcome', value: 2.1 }], ctx);
  await saveWrittenAssessment(
    actor,
    goal('2.1'),
    '2026-D2',
    { status: 'partly', analysis: 'Uppklarningen ligger kring målet; återkopplingstiden är längre än målet på två förvaltningar.' },
    ctx,
  );
  await reportAssignmentStatus(
    actor,
    assignmentIds[0] ?? '',
    '2026-D2',
    { status: 'done', comment: 'Utbildningen genomfördes hösten 2025 och redovisades i december.' },
    ctx,
  );
  const items = await roundsRepo.listItems(db, tenant.id, round.id);
  for (const i of items) {
    const ready =
      (i.kind === 'indicator_value' && i.ref_id === indicatorIds.get('2.1.3')) ||
      (i.kind === 'assignment_status' && i.ref_id === assignmentIds[0]) ||
      (i.kind === 'goal_assessment' && i.ref_id === goal('2.1'));
    if (ready) await markReady(actor, i.id, ctx);
  }
}
