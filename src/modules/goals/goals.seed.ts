// Demo goals for Norrtälje: the executive board's whole plan 2025–2027 (seed 002) — goal areas 1–7
// with their ambitions, practice texts and the board's contributions, every direction goal with the
// board's work within it, every indicator with its printed values 2022–2027 (the contact-centre
// ones linked to the computed sources, so their outcomes from 2025 come from the demo cases), every
// assignment and board initiative — the action plan for service to companies (seed 004) with its
// NKI goals as indicators, the annual report 2025 of the assignments that were finished, and a
// round "Delår 2 2026" with some items reported, one sent back, and the rest missing.
// Everything goes through the module's services, as an import by the quality strategist would.
import type { Db } from '../../db/database.ts';
import type { DemoTenants } from '../../db/seed/demo.ts';
import { systemActor } from '../accounts/actor.ts';
import { listUnits } from '../org/org.service.ts';
import { createActionPlan } from './action-plans.service.ts';
import { createAssignment, reportAssignmentStatus } from './assignments.service.ts';
import * as goalsRepo from './goals.repo.ts';
import type { PrintedUnit } from './goals.seed-data.assignments.ts';
import type { PrintedOwner } from './goals.seed-data.indicators.ts';
import { ACTION_PLAN, ASSIGNMENTS, GOAL_AREAS, GOALS, INDICATORS } from './goals.seed-data.ts';
import { createGoal, createGoalArea, createPlan, putBoardText, saveWrittenAssessment } from './goals.service.ts';
import { createIndicator, putIndicatorValues } from './indicators.service.ts';
import * as roundsRepo from './rounds.repo.ts';
import { markReady, openRound, sendBack } from './rounds.service.ts';

export const PLAN_TITLE = 'Kommunstyrelsens verksamhetsplan 2025–2027';
const PLAN_YEAR = 2025;
const COLUMNS = [
  { period: '2022', kind: 'outcome' },
  { period: '2023', kind: 'outcome' },
  { period: '2024', kind: 'forecast' },
  { period: '2024', kind: 'target' },
  { period: '2025', kind: 'target' },
  { period: '2026', kind: 'target' },
  { period: '2027', kind: 'target' },
] as const;

/** The departments as the plan names them → the demo organisation's units (src/db/seed/demo-org.ts). */
const DEMO_UNIT: Record<PrintedOwner | PrintedUnit, string> = {
  Ekonomiavdelningen: 'Ekonomiavdelningen',
  'Stab- och planeringsavdelningen': 'Stab och planering',
  Näringslivsenheten: 'Näringsliv och etablering',
  Räddningstjänsten: 'Räddningstjänsten',
  // "Kommunstyrelsekontorets enhet för säkerhet och beredskap", also called "Enheten för Trygghet
  // och säkerhet" in the plan.
  'Säkerhet- och beredskapsenheten': 'Trygghet och säkerhet',
  'HR-avdelningen': 'HR-avdelningen',
  Kommundirektör: 'Kommundirektör',
};

/**
 * Where the demo's follow-up stands (not in the plan, which was written before 2025): the
 * assignments still open after the annual report 2025, and their status then. All others were
 * reported done in the annual report 2025.
 */
const OPEN_AFTER_2025: Record<string, { status: 'ongoing' | 'delayed'; comment: string }> = {
  'KS-1.2-1': { status: 'delayed', comment: 'Genomlysningen av administrationen och chefsstrukturen fortsätter under 2026.' },
  'KS-1.2-4': { status: 'ongoing', comment: 'Förslaget till reviderad styrmodell är ute på remiss hos partierna.' },
  'KS-2.1-1': { status: 'ongoing', comment: 'Utbildningen har genomförts; uppföljningen efter ett år återstår.' },
  'KS-2.3-1': { status: 'ongoing', comment: 'Strategin är klar; de lokala handlingsplanerna tas fram under 2026.' },
  'KS-3.1-1': { status: 'ongoing', comment: 'Två ansökningar om kamerabevakning handläggs av Imy.' },
  'KS-3.1-3': { status: 'delayed', comment: 'Enkäten till objektinnehavarna skickas ut under våren 2026.' },
  'KS-5.1-1': { status: 'ongoing', comment: 'Kontoret är inrättat; utskottets arbetsordning återstår.' },
  'KS-6.1-3': { status: 'ongoing', comment: 'Fler sommarjobb erbjöds 2025; garantin utreds vidare.' },
  'KS-7.1-1': { status: 'ongoing', comment: 'Handlingsplanerna uppdateras efter redovisningen i november.' },
};

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
    const area = await createGoalArea(
      actor,
      plan.id,
      { number: a.number, title: a.title, ambition: a.ambition, inPractice: a.inPractice, position: a.number },
      ctx,
    );
    if (a.boardText) await putBoardText(actor, { goalAreaId: area.id }, { boardUnitId: ks, year: PLAN_YEAR, text: a.boardText }, ctx);
    const goals = GOALS.filter((x) => x.number.startsWith(`${a.number}.`));
    for (const [n, g] of goals.entries()) {
      const goal = await createGoal(actor, area.id, { number: g.number, title: g.title, text: g.text, position: n + 1 }, ctx);
      goalIds.set(g.number, goal.id);
      if (g.boardText) await putBoardText(actor, { goalId: goal.id }, { boardUnitId: ks, year: PLAN_YEAR, text: g.boardText }, ctx);
    }
  }
  const goal = (n: string) => {
    const id = goalIds.get(n);
    if (!id) throw new Error(`demo goal missing: ${n}`);
    return id;
  };

  const indicatorIds = new Map<string, string>();
  for (const i of INDICATORS) {
    const row = await createIndicator(
      actor,
      {
        code: i.code,
        title: i.title,
        level: i.level,
        ownerUnitId: unit(DEMO_UNIT[i.owner]),
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
    const values = COLUMNS.map((c, n) => ({
      period: c.period,
      kind: c.kind,
      value: i.values[n] ?? null,
      comment: i.comments?.[n] ?? null,
      // Outcomes before Insyn are imported history.
      imported: c.kind === 'outcome',
    })).filter((v) => v.value !== null || v.comment);
    if (values.length) await putIndicatorValues(actor, row.id, values, ctx);
  }
  const indicator = (code: string) => {
    const id = indicatorIds.get(code);
    if (!id) throw new Error(`demo indicator missing: ${code}`);
    return id;
  };

  const assignmentIds = new Map<string, string>();
  for (const a of ASSIGNMENTS) {
    const row = await createAssignment(
      actor,
      {
        code: a.code,
        kind: a.kind,
        title: a.title,
        originBody: a.kind === 'assignment' ? 'Kommunfullmäktige' : 'Kommunstyrelsen',
        goalId: goal(a.goal),
        responsibleUnitId: unit(DEMO_UNIT[a.unit]),
        isNew: a.isNew,
        endDate: a.endDate,
        decisionInstance: a.decisionInstance ?? '',
        boardReportDate: a.boardReportDate,
        secretariatDate: a.secretariatDate,
        description: a.description,
        doneCriteria: a.doneCriteria,
        status: 'ongoing',
      },
      ctx,
    );
    assignmentIds.set(a.code, row.id);
    // The annual report 2025: what was finished, and where the rest stood.
    const open = OPEN_AFTER_2025[a.code];
    await reportAssignmentStatus(
      actor,
      row.id,
      '2025',
      open ?? { status: 'done', comment: a.boardReportDate ? 'Redovisat till kommunstyrelsen enligt planen.' : 'Redovisat enligt planen.' },
      ctx,
    );
  }
  const assignment = (code: string) => {
    const id = assignmentIds.get(code);
    if (!id) throw new Error(`demo assignment missing: ${code}`);
    return id;
  };

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

  // Delår 2 2026 (January–August): some items reported and ready, some started, one sent back,
  // the rest missing — across several units.
  const period = '2026-D2';
  const round = await openRound(
    actor,
    { planId: plan.id, title: 'Delår 2 2026', period, deadline: '2026-09-15', reminderWorkingDays: 5 },
    ctx,
  );
  const outcome = (code: string, value: number, comment?: string) =>
    putIndicatorValues(actor, indicator(code), [{ period, kind: 'outcome', value, comment: comment ?? null }], ctx);
  await outcome('1.1.1', 1.2, 'Prognos för helåret efter augusti.');
  await outcome('1.1.4', 2.1);
  await outcome('2.1.3', 93.8, 'Invånarmätning Brilliant, januari–augusti.');
  await outcome('3.1.3', 78);
  await outcome('3.3.3', 236, 'Utbildningarna under hösten är ännu inte räknade.');
  await outcome('6.1.2', 74);
  await saveWrittenAssessment(
    actor,
    goal('2.1'),
    period,
    { status: 'partly', analysis: 'Uppklarningen ligger kring målet; återkopplingstiden är längre än målet på två förvaltningar.' },
    ctx,
  );
  await saveWrittenAssessment(
    actor,
    goal('1.1'),
    period,
    { status: 'met', analysis: 'Nämnden bedömer att budgeten håller för helåret.' },
    ctx,
  );
  await reportAssignmentStatus(
    actor,
    assignment('KS-2.1-1'),
    period,
    { status: 'done', comment: 'Uppföljningen av utbildningen är gjord och redovisades för kommunstyrelsen i juni.' },
    ctx,
  );
  await reportAssignmentStatus(
    actor,
    assignment('KS-1.2-4'),
    period,
    { status: 'done', comment: 'Kommunfullmäktige beslutade om den reviderade styrmodellen i februari 2026.' },
    ctx,
  );
  await reportAssignmentStatus(
    actor,
    assignment('KS-3.1-3'),
    period,
    { status: 'delayed', comment: 'Svaren på enkäten sammanställs; rapporten lämnas i oktober.' },
    ctx,
  );
  const items = await roundsRepo.listItems(db, tenant.id, round.id);
  const item = (kind: string, refId: string) => {
    const found = items.find((i) => i.kind === kind && i.ref_id === refId);
    if (!found) throw new Error(`demo round item missing: ${kind}`);
    return found.id;
  };
  const ready = [
    item('indicator_value', indicator('1.1.1')),
    item('indicator_value', indicator('2.1.3')),
    item('indicator_value', indicator('3.1.3')),
    item('indicator_value', indicator('6.1.2')),
    item('goal_assessment', goal('2.1')),
    item('assignment_status', assignment('KS-2.1-1')),
    item('assignment_status', assignment('KS-1.2-4')),
  ];
  for (const id of ready) await markReady(actor, id, ctx);
  await sendBack(
    actor,
    item('goal_assessment', goal('1.1')),
    { comment: 'Analysen behöver säga något om investeringarna och självfinansieringsgraden.' },
    ctx,
  );
}
