// An indicator's values as shown: stored targets and forecasts, outcomes either stored (manual,
// imported history) or computed by its source for every period, and the verdict per period.
import type { Db } from '../../db/database.ts';
import type { Actor } from '../accounts/actor.ts';
import { localDate } from '../calendar/calendar.ts';
import { type AssessmentRule, type AssessmentStatus, assess } from './assessment.ts';
import type { IndicatorRow, ValueRow } from './indicators.repo.ts';
import { isComputed, sourceOf } from './indicators.service.ts';
import { comparePeriods, periodRange } from './periods.ts';
import { sourceKind } from './sources.ts';

export interface ValueView {
  period: string;
  kind: 'outcome' | 'forecast' | 'target';
  value: number | null;
  computed: boolean;
  preliminary: boolean;
  imported: boolean;
  comment: string | null;
  enteredBy: string | null;
  enteredAt: string | null;
  changedAfterClose: boolean;
}

export interface AssessmentView {
  period: string;
  status: AssessmentStatus;
  reason: string;
}

export interface ValueContext {
  db: Db;
  actor: Actor;
  today?: string;
  /** Shared between indicators of one request: the same source and period is computed once. */
  cache?: Map<string, Promise<number | null>>;
  /** Only these periods' outcomes are computed (a report shows three); stored values are all kept. */
  periods?: readonly string[];
}

function storedView(r: ValueRow, today: string): ValueView {
  const range = periodRange(r.period);
  return {
    period: r.period,
    kind: r.kind,
    value: r.value,
    computed: false,
    preliminary: r.kind === 'outcome' && range !== null && range.to >= today && !r.imported,
    imported: r.imported,
    comment: r.comment,
    enteredBy: r.entered_by_label,
    enteredAt: new Date(r.entered_at).toISOString(),
    changedAfterClose: r.changed_after_close,
  };
}

/** Years a computed source is asked about when the indicator has no earlier values: this one and two before. */
const DEFAULT_YEARS_BACK = 2;

/**
 * The periods a computed source is asked about: every stored period, and the year and both delår
 * of every year from the earliest stored (at most two years back by default) to this one.
 */
function computedPeriods(stored: readonly ValueRow[], today: string): string[] {
  const thisYear = Number(today.slice(0, 4));
  const first = Math.min(thisYear - DEFAULT_YEARS_BACK, ...stored.map((r) => Number(r.period.slice(0, 4))));
  const periods = new Set(stored.map((r) => r.period));
  for (let y = first; y <= thisYear; y++) for (const p of [`${y}`, `${y}-D1`, `${y}-D2`]) periods.add(p);
  return [...periods].filter((p) => {
    const r = periodRange(p);
    return r !== null && r.from <= today;
  });
}

export async function indicatorValues(ctx: ValueContext, indicator: IndicatorRow, stored: readonly ValueRow[]): Promise<ValueView[]> {
  const today = ctx.today ?? localDate(new Date());
  const views = stored.filter((r) => r.kind !== 'outcome').map((r) => storedView(r, today));
  const outcomes = new Map(stored.filter((r) => r.kind === 'outcome').map((r) => [r.period, r]));
  if (!isComputed(indicator)) {
    for (const r of outcomes.values()) views.push(storedView(r, today));
  } else {
    const source = sourceOf(indicator);
    const kind = sourceKind(source.type);
    for (const period of computedPeriods(stored, today)) {
      if (ctx.periods && !ctx.periods.includes(period)) continue;
      const range = periodRange(period);
      if (!range || !kind?.compute) continue;
      const key = `${JSON.stringify(source)}/${period}`;
      let value = ctx.cache?.get(key);
      if (!value) {
        value = kind.compute({ db: ctx.db, actor: ctx.actor, shared: ctx.cache }, source, range);
        ctx.cache?.set(key, value);
      }
      const computed = await value;
      const note = outcomes.get(period);
      if (computed === null) {
        // Before Insyn had data: the imported history stands, marked as imported.
        if (note && (note.value !== null || note.comment)) views.push(storedView(note, today));
        continue;
      }
      views.push({
        period,
        kind: 'outcome',
        value: computed,
        computed: true,
        preliminary: range.to >= today,
        imported: false,
        comment: note?.comment ?? null,
        enteredBy: note?.comment ? note.entered_by_label : null,
        enteredAt: note?.comment ? new Date(note.entered_at).toISOString() : null,
        changedAfterClose: note?.changed_after_close ?? false,
      });
    }
  }
  return views.sort((a, b) => comparePeriods(a.period, b.period) || a.kind.localeCompare(b.kind));
}

/** A verdict for every period with a target (an interim period without its own uses the year's). */
export function indicatorAssessments(indicator: IndicatorRow, values: readonly ValueView[], rule: AssessmentRule): AssessmentView[] {
  const byKind = (kind: string) => new Map(values.filter((v) => v.kind === kind).map((v) => [v.period, v.value]));
  const targets = byKind('target');
  const outcomes = byKind('outcome');
  const periods = new Set<string>(indicator.direction === 'interval' ? [...outcomes.keys()] : [...targets.keys()]);
  for (const p of outcomes.keys()) if (periodRange(p)?.kind === 'interim' && targets.has(p.slice(0, 4))) periods.add(p);
  return [...periods].sort(comparePeriods).map((period) => {
    const target = targets.get(period) ?? (periodRange(period)?.kind === 'interim' ? targets.get(period.slice(0, 4)) : undefined) ?? null;
    const a = assess(
      {
        direction: indicator.direction,
        outcome: outcomes.get(period) ?? null,
        target,
        intervalMin: indicator.interval_min,
        intervalMax: indicator.interval_max,
        tolerance: indicator.tolerance,
        unit: indicator.unit,
        decimals: indicator.decimals,
      },
      rule,
    );
    return { period, ...a };
  });
}
