// What a board's report reads from the goals module for one follow-up period: the plan that covers
// the year, its goal areas and direction goals with the board's texts, each goal's computed and
// written assessment, its indicators' values and verdicts, its assignments with the period's
// status and comment, and the action plans of the board's units with their activities' progress.
// Built on the read models of goals.read.ts and the services; the reports module uses only this.
import type { Db } from '../../db/database.ts';
import type { Actor } from '../accounts/actor.ts';
import { localDate } from '../calendar/calendar.ts';
import { listUnits, unitSubtree } from '../org/org.service.ts';
import { getActionPlan, listActionPlans } from './action-plans.service.ts';
import { listAssignments, presentAssignment } from './assignments.service.ts';
import { requireReader } from './goals.access.ts';
import { goalsFollowUp } from './goals.followup-read.ts';
import { planTree } from './goals.read.ts';
import { listPlans } from './goals.service.ts';
import { periodRange } from './periods.ts';

export interface BoardPeriodQuery {
  boardUnitId: string;
  period: string;
}

/**
 * The plan that covers the period's year for the board: the board's own verksamhetsplan, else the
 * municipality's plan read for the board (its operational goals, texts and owner units), or null.
 */
async function planFor(actor: Actor, q: BoardPeriodQuery, db: Db) {
  const year = periodRange(q.period)?.year ?? 0;
  const covering = (await listPlans(actor, { db })).filter((p) => p.first_year <= year && year <= p.last_year);
  const own = covering.find((p) => p.board_unit_id === q.boardUnitId);
  if (own) return { plan: own, filter: {} };
  const council = covering.find((p) => p.board_unit_id === null);
  if (!council) return null;
  const root = (await listUnits(db, actor.tenantId)).find((u) => u.parentId === null);
  return { plan: council, filter: root?.id === q.boardUnitId ? {} : { boardUnitId: q.boardUnitId } };
}

export interface FollowUpOptions {
  db: Db;
  today?: string;
  /** Computed source values (from the cases) by source and period; a caller may share it between requests. */
  cache?: Map<string, Promise<number | null>>;
}

export async function boardPeriodFollowUp(actor: Actor, q: BoardPeriodQuery, options: FollowUpOptions) {
  requireReader(actor);
  const { db } = options;
  const today = options.today ?? localDate(new Date());
  const range = periodRange(q.period);
  const found = range ? await planFor(actor, q, db) : null;
  const cache = options.cache ?? new Map<string, Promise<number | null>>();
  // A report shows outcomes of its period and the two years before: only those are computed from
  // the cases (a third of the work of every period of three years; bench/results.md, "Reports").
  const year = range?.year ?? 0;
  const read = { db, today, cache, periods: [q.period, String(year - 1), String(year - 2)] };
  const inBoard = new Set(await unitSubtree(db, actor.tenantId, q.boardUnitId));
  const actionPlans = [];
  if (range) {
    for (const p of await listActionPlans(actor, { db })) {
      if (!inBoard.has(p.responsible_unit_id) || p.period_to < range.from || p.period_from > range.to) continue;
      actionPlans.push(await getActionPlan(actor, p.id, { db }));
    }
  }
  if (!found) return { plan: null, goalAreas: [], indicators: [], assignments: [], actionPlans };
  const tree = await planTree(actor, found.plan.id, found.filter, read);
  const goalIds = tree.goalAreas.flatMap((a) => a.goals.map((g) => g.id));
  // One set-based read of every goal's summaries and every indicator shown (not one per goal).
  const followUp = await goalsFollowUp(
    actor,
    goalIds,
    tree.indicators.map((i) => i.id),
    read,
  );
  const indicators = tree.indicators.map((i) => followUp.indicators.get(i.id)).filter((i) => i !== undefined);
  const shown = new Set(tree.assignments.map((a) => a.id));
  const assignments = (await listAssignments(actor, { goalIds }, { db, today }))
    .filter((a) => shown.has(a.row.id))
    .map((a) => presentAssignment(a, today));
  return {
    plan: tree.plan,
    goalAreas: tree.goalAreas.map((a) => ({
      ...a,
      goals: a.goals.map((g) => ({ ...g, summaries: followUp.summaries.get(g.id) ?? [] })),
    })),
    indicators,
    assignments,
    actionPlans,
  };
}

export type BoardPeriodFollowUp = Awaited<ReturnType<typeof boardPeriodFollowUp>>;
