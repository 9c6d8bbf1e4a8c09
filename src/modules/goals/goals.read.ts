// Read models built from the plan, indicators and assignments: the plan tree, an indicator with
// its values, verdicts and history, a goal with its computed summary beside the written one.
// The next issue's reports read these.
import type { Db } from '../../db/database.ts';
import type { Actor } from '../accounts/actor.ts';
import { localDate } from '../calendar/calendar.ts';
import { koladaFacts } from '../kolada/index.ts';
import { listUnits, unitSubtree } from '../org/org.service.ts';
import { summarizeGoal } from './assessment.ts';
import * as assignmentsRepo from './assignments.repo.ts';
import { requireReader } from './goals.access.ts';
import { type BoardText, presentGoal, presentGoalArea, presentIndicator, presentPlan } from './goals.present.ts';
import * as repo from './goals.repo.ts';
import { getGoal, getPlan } from './goals.service.ts';
import { assessmentRule, getIndicatorRow, goalLinks, listIndicatorRows, storedValues, valueHistory } from './indicators.service.ts';
import { type AssessmentView, indicatorAssessments, indicatorValues, type ValueView } from './indicators.values.ts';
import { comparePeriods } from './periods.ts';

export interface ReadOptions {
  db: Db;
  today?: string;
  cache?: Map<string, Promise<number | null>>;
  /** Only these periods' outcomes are computed from their sources (default: every period shown). */
  periods?: readonly string[];
}

async function unitNames(db: Db, tenantId: string) {
  const units = new Map((await listUnits(db, tenantId)).map((u) => [u.id, u.name]));
  return (id: string) => units.get(id);
}

export async function indicatorDetail(actor: Actor, id: string, { db, today, cache }: ReadOptions) {
  const row = await getIndicatorRow(actor, id, { db });
  const [links, stored, history, rule, names] = await Promise.all([
    goalLinks(db, actor.tenantId, { indicatorIds: [id] }),
    storedValues(db, actor.tenantId, [id]),
    valueHistory(db, actor.tenantId, id),
    assessmentRule(db, actor.tenantId),
    unitNames(db, actor.tenantId),
  ]);
  const values = await indicatorValues({ db, actor, today, cache }, row, stored);
  // Kolada (issue 11): comparison series, fetch date and revisions of an indicator fed from Kolada.
  const kolada = await koladaFacts(actor, row.source, { db });
  return {
    ...presentIndicator(
      row,
      links.map((l) => l.goal_id),
      names,
    ),
    values,
    assessments: indicatorAssessments(row, values, rule),
    history: history.map((h) => ({
      period: h.period,
      kind: h.kind,
      value: h.value,
      comment: h.comment,
      enteredBy: h.entered_by_label,
      enteredAt: new Date(h.entered_at).toISOString(),
      replacedBy: h.replaced_by_label,
      replacedAt: new Date(h.replaced_at).toISOString(),
    })),
    ...kolada,
  };
}

export type IndicatorDetail = Awaited<ReturnType<typeof indicatorDetail>>;

export interface TreeFilter {
  boardUnitId?: string;
  unitId?: string;
}

/** The plan as a tree: goal area → direction goal (→ operational goals) → indicators and assignments. */
export async function planTree(actor: Actor, planId: string, filter: TreeFilter, options: ReadOptions) {
  const { db } = options;
  requireReader(actor);
  const plan = await getPlan(actor, planId, { db });
  const scope = filter.unitId ?? filter.boardUnitId;
  const inScope = scope ? new Set(await unitSubtree(db, actor.tenantId, scope)) : null;
  const areas = await repo.listGoalAreas(db, actor.tenantId, planId);
  const goals = await repo.listGoals(
    db,
    actor.tenantId,
    areas.map((a) => a.id),
  );
  const goalIds = goals.map((g) => g.id);
  const [texts, links, assignments] = await Promise.all([
    repo.listBoardTexts(db, actor.tenantId, { goalAreaIds: areas.map((a) => a.id), goalIds }),
    goalLinks(db, actor.tenantId, { goalIds }),
    assignmentsRepo.listAssignments(db, actor.tenantId, { goalIds }),
  ]);
  const indicatorIds = [...new Set(links.map((l) => l.indicator_id))];
  const indicators = (await listIndicatorRows(actor, { ids: indicatorIds }, { db })).filter(
    (i) => !inScope || inScope.has(i.owner_unit_id),
  );
  const shownAssignments = assignments.filter((a) => !inScope || inScope.has(a.responsible_unit_id));
  const textOf = (pick: (t: (typeof texts)[number]) => boolean): BoardText[] =>
    texts
      .filter((t) => pick(t) && (!filter.boardUnitId || t.board_unit_id === filter.boardUnitId))
      .map((t) => ({ boardUnitId: t.board_unit_id, year: t.year, text: t.text }));
  const indicatorsOf = (goalId: string) => indicators.filter((i) => links.some((l) => l.goal_id === goalId && l.indicator_id === i.id));
  const goalNode = (g: repo.GoalRow) => ({
    ...presentGoal(g, {
      boardTexts: textOf((t) => t.goal_id === g.id),
      indicatorIds: indicatorsOf(g.id).map((i) => i.id),
      assignmentIds: shownAssignments.filter((a) => a.goal_id === g.id).map((a) => a.id),
    }),
    children: goals
      .filter((c) => c.parent_goal_id === g.id && (!filter.boardUnitId || c.board_unit_id === filter.boardUnitId))
      .map((c) =>
        presentGoal(c, {
          boardTexts: textOf((t) => t.goal_id === c.id),
          indicatorIds: indicatorsOf(c.id).map((i) => i.id),
          assignmentIds: shownAssignments.filter((a) => a.goal_id === c.id).map((a) => a.id),
        }),
      ),
  });
  return {
    plan: presentPlan(plan),
    goalAreas: areas.map((a) => ({
      ...presentGoalArea(
        a,
        textOf((t) => t.goal_area_id === a.id),
      ),
      goals: goals.filter((g) => g.goal_area_id === a.id && g.kind === 'direction').map(goalNode),
    })),
    indicators: indicators.map((i) =>
      presentIndicator(
        i,
        links.filter((l) => l.indicator_id === i.id).map((l) => l.goal_id),
      ),
    ),
    assignments: shownAssignments.map((a) => ({
      id: a.id,
      title: a.title,
      kind: a.kind,
      status: a.status,
      endDate: a.end_date,
      responsibleUnitId: a.responsible_unit_id,
    })),
  };
}

export type PlanTree = Awaited<ReturnType<typeof planTree>>;

/** A goal with, per period, the computed summary of its indicators and assignments beside the written assessment. */
export async function goalDetail(actor: Actor, goalId: string, options: ReadOptions) {
  const { db } = options;
  const goal = await getGoal(actor, goalId, { db });
  const [texts, links, assignments, written] = await Promise.all([
    repo.listBoardTexts(db, actor.tenantId, { goalAreaIds: [], goalIds: [goalId] }),
    goalLinks(db, actor.tenantId, { goalIds: [goalId] }),
    assignmentsRepo.listAssignments(db, actor.tenantId, { goalIds: [goalId] }),
    repo.listAssessments(db, actor.tenantId, [goalId]),
  ]);
  const today = options.today ?? localDate(new Date());
  const details: { values: ValueView[]; assessments: AssessmentView[] }[] = [];
  for (const l of links) details.push(await indicatorDetail(actor, l.indicator_id, { ...options, today }));
  const updates = await assignmentsRepo.listUpdates(
    db,
    actor.tenantId,
    assignments.map((a) => a.id),
  );
  const summaries = goalSummaries(details, assignments, updates, written);
  return {
    ...presentGoal(goal, {
      boardTexts: texts.map((t) => ({ boardUnitId: t.board_unit_id, year: t.year, text: t.text })),
      indicatorIds: links.map((l) => l.indicator_id),
      assignmentIds: assignments.map((a) => a.id),
    }),
    summaries,
  };
}

type WrittenRow = Awaited<ReturnType<typeof repo.listAssessments>>[number];
type UpdateRow = Awaited<ReturnType<typeof assignmentsRepo.listUpdates>>[number];

/**
 * Per period (the written assessments' and the indicators' years and delår): the summary computed
 * from a goal's indicators' verdicts and its assignments' statuses, beside the written assessment.
 */
export function goalSummaries(
  details: readonly { assessments: readonly AssessmentView[] }[],
  assignments: readonly assignmentsRepo.AssignmentRow[],
  updates: readonly UpdateRow[],
  written: readonly WrittenRow[],
) {
  const periods = new Set<string>([...written.map((w) => w.period)]);
  for (const d of details) for (const a of d.assessments) if (!/-\d{2}$/.test(a.period)) periods.add(a.period);
  return [...periods].sort(comparePeriods).map((period) => {
    const verdicts = details.map((d) => d.assessments.find((a) => a.period === period)?.status ?? 'no_data');
    const statuses = assignments.map((a) => updates.find((u) => u.assignment_id === a.id && u.period === period)?.status ?? a.status);
    const s = summarizeGoal(verdicts, statuses);
    const w = written.find((x) => x.period === period);
    return {
      period,
      status: s.status,
      reason: s.reason,
      written: w
        ? {
            status: w.status,
            analysis: w.analysis,
            by: w.by_label,
            at: new Date(w.at).toISOString(),
            changedAfterClose: w.changed_after_close,
          }
        : null,
    };
  });
}
