// Set-based reads for a board's follow-up of one period (the report): every indicator's values
// and verdicts and every direction goal's computed summaries in a handful of queries, instead of
// several per indicator and per goal as the detail reads of goals.read.ts do. Same results.
import type { Actor } from '../accounts/actor.ts';
import { localDate } from '../calendar/calendar.ts';
import { listUnits } from '../org/org.service.ts';
import * as assignmentsRepo from './assignments.repo.ts';
import { presentIndicator } from './goals.present.ts';
import { goalSummaries, type ReadOptions } from './goals.read.ts';
import * as repo from './goals.repo.ts';
import { assessmentRule, goalLinks, listIndicatorRows, storedValues, type ValueRow } from './indicators.service.ts';
import { indicatorAssessments, indicatorValues } from './indicators.values.ts';

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Indicators with their values (stored or computed) and verdicts per period, by id. */
export async function indicatorViews(actor: Actor, ids: readonly string[], { db, today: givenToday, cache, periods }: ReadOptions) {
  const unique = [...new Set(ids)];
  const today = givenToday ?? localDate(new Date());
  const [rows, links, stored, rule, units] = await Promise.all([
    listIndicatorRows(actor, { ids: unique }, { db }),
    goalLinks(db, actor.tenantId, { indicatorIds: unique }),
    storedValues(db, actor.tenantId, unique),
    assessmentRule(db, actor.tenantId),
    listUnits(db, actor.tenantId),
  ]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const linksOf = groupBy(links, (l) => l.indicator_id);
  const storedOf = groupBy<ValueRow>(stored, (v) => v.indicator_id);
  // Computed sources are asked in parallel; the shared cache makes each source and period one computation.
  const views = await Promise.all(
    rows.map(async (row) => {
      const values = await indicatorValues({ db, actor, today, cache, periods }, row, storedOf.get(row.id) ?? []);
      return {
        ...presentIndicator(
          row,
          (linksOf.get(row.id) ?? []).map((l) => l.goal_id),
          (id) => names.get(id),
        ),
        values,
        assessments: indicatorAssessments(row, values, rule),
      };
    }),
  );
  return new Map(views.map((v) => [v.id, v]));
}

export type IndicatorView = NonNullable<ReturnType<Awaited<ReturnType<typeof indicatorViews>>['get']>>;

/**
 * The goals' computed summaries per period beside the written assessments (what goalDetail gives
 * as `summaries`), by goal id, with the indicators they are computed from (also by id).
 */
export async function goalsFollowUp(actor: Actor, goalIds: readonly string[], extraIndicatorIds: readonly string[], options: ReadOptions) {
  const { db } = options;
  const ids = [...goalIds];
  const [links, assignments, written] = await Promise.all([
    goalLinks(db, actor.tenantId, { goalIds: ids }),
    assignmentsRepo.listAssignments(db, actor.tenantId, { goalIds: ids }),
    repo.listAssessments(db, actor.tenantId, ids),
  ]);
  const [indicators, updates] = await Promise.all([
    indicatorViews(actor, [...links.map((l) => l.indicator_id), ...extraIndicatorIds], options),
    assignmentsRepo.listUpdates(
      db,
      actor.tenantId,
      assignments.map((a) => a.id),
    ),
  ]);
  const linksOf = groupBy(links, (l) => l.goal_id);
  const assignmentsOf = groupBy(assignments, (a) => a.goal_id ?? '');
  const updatesOf = groupBy(updates, (u) => u.assignment_id);
  const writtenOf = groupBy(written, (w) => w.goal_id);
  const summaries = new Map(
    ids.map((id) => {
      const own = assignmentsOf.get(id) ?? [];
      const details = (linksOf.get(id) ?? []).map((l) => indicators.get(l.indicator_id) ?? { assessments: [] });
      return [
        id,
        goalSummaries(
          details,
          own,
          own.flatMap((a) => updatesOf.get(a.id) ?? []),
          writtenOf.get(id) ?? [],
        ),
      ] as const;
    }),
  );
  return { summaries, indicators };
}
