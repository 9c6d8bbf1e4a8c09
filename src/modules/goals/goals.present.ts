// The API's contract: rows → JSON as the response schemas describe.
import type { GoalAreaRow, GoalRow, PlanRow } from './goals.repo.ts';
import type { IndicatorRow } from './indicators.repo.ts';
import { isComputed, sourceOf } from './indicators.service.ts';
import { sourceKind } from './sources.ts';

export interface BoardText {
  boardUnitId: string;
  year: number;
  text: string;
}

export function presentPlan(p: PlanRow) {
  return {
    id: p.id,
    title: p.title,
    firstYear: p.first_year,
    lastYear: p.last_year,
    decidedBy: p.decided_by,
    decisionDate: p.decision_date,
    registrationNumber: p.registration_number,
    parentPlanId: p.parent_plan_id,
    boardUnitId: p.board_unit_id,
  };
}

export function presentGoalArea(a: GoalAreaRow, boardTexts: BoardText[] = []) {
  return {
    id: a.id,
    planId: a.plan_id,
    number: a.number,
    title: a.title,
    ambition: a.ambition,
    inPractice: a.in_practice,
    position: a.position,
    boardTexts,
  };
}

export function presentGoal(g: GoalRow, extra: { boardTexts?: BoardText[]; indicatorIds?: string[]; assignmentIds?: string[] } = {}) {
  return {
    id: g.id,
    goalAreaId: g.goal_area_id,
    kind: g.kind,
    parentGoalId: g.parent_goal_id,
    boardUnitId: g.board_unit_id,
    number: g.number,
    title: g.title,
    text: g.text,
    position: g.position,
    boardTexts: extra.boardTexts ?? [],
    indicatorIds: extra.indicatorIds ?? [],
    assignmentIds: extra.assignmentIds ?? [],
  };
}

export function presentIndicator(i: IndicatorRow, goalIds: string[], unitName: (id: string) => string | undefined = () => undefined) {
  const source = sourceOf(i);
  return {
    id: i.id,
    code: i.code,
    title: i.title,
    level: i.level,
    ownerUnitId: i.owner_unit_id,
    unit: i.unit,
    decimals: i.decimals,
    direction: i.direction,
    intervalMin: i.interval_min,
    intervalMax: i.interval_max,
    tolerance: i.tolerance,
    definition: i.definition,
    dataSource: i.data_source,
    source,
    sourceText: sourceKind(source.type)?.describe(source, { unit: unitName }) ?? source.type,
    computed: isComputed(i),
    goalIds,
  };
}
