// Measurement of first feedback: over the cases whose deadline falls in a period, how many were
// answered on time, late, or are still open past the deadline (missed). Cases whose deadline has
// not passed yet (today included) are left out of the rate and the counts, answered or not:
// the same rule as the promise results, so both give one total for one period.
import type { Db } from '../../db/database.ts';
import { invalid } from '../../http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { type TenantCalendar, tenantCalendar } from '../calendar/calendar.service.ts';
import { addCalendarDays, holidaysOfYear, isValidLocalDate, localDate, weekdayOf } from '../calendar/calendar.ts';
import { unitSubtree } from '../org/org.service.ts';
import type * as repo from './cases.repo.ts';
import { CASE_CHANNEL_NAMES, CASE_TYPE_NAMES } from './cases.schemas.ts';
import { listCategories } from './categories.service.ts';
import { type AggregateRow, dateSpan, firstResponseAggregates } from './stats.repo.ts';
import { foldStatsDays, rollupAggregates } from './stats.rollup.repo.ts';

export type TimingRow = Awaited<ReturnType<typeof repo.caseTimings>>[number];

export interface Measures {
  received: number;
  onTime: number;
  late: number;
  openOverdue: number;
  notYetDue: number;
  /** onTime / (onTime + late + openOverdue); null when nothing is due. */
  onTimeRate: number | null;
  /** Median working days from the received date to first feedback, over the answered cases counted. */
  medianWorkingDays: number | null;
  resolvedAtFirstContact: number;
  /** resolvedAtFirstContact / received; null when nothing was received. */
  firstContactRate: number | null;
}

export interface Split extends Measures {
  key: string;
  label: string;
}

export interface FirstResponseStats {
  from: string;
  to: string;
  unitId: string | null;
  today: string;
  total: Measures;
  byChannel: Split[];
  byType: Split[];
  byCategory: Split[];
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Pure: the measures of a set of case timings as of `today`. */
export function measure(rows: readonly TimingRow[], today: string, calendar: TenantCalendar): Measures {
  let onTime = 0;
  let late = 0;
  let openOverdue = 0;
  let notYetDue = 0;
  let firstContact = 0;
  const days: number[] = [];
  for (const r of rows) {
    if (r.resolvedAtFirstContact) firstContact++;
    // The rule the promise results share: a case counts once its deadline has passed, answered
    // or not, so a period that is still running is not judged on its early answers alone.
    if (r.firstResponseDue >= today) notYetDue++;
    else if (r.firstResponseDate !== null) {
      if (r.firstResponseDate <= r.firstResponseDue) onTime++;
      else late++;
      days.push(calendar.workingDaysBetween(r.receivedDate, r.firstResponseDate));
    } else openOverdue++;
  }
  const due = onTime + late + openOverdue;
  return {
    received: rows.length,
    onTime,
    late,
    openOverdue,
    notYetDue,
    onTimeRate: due === 0 ? null : onTime / due,
    medianWorkingDays: median(days),
    resolvedAtFirstContact: firstContact,
    firstContactRate: rows.length === 0 ? null : firstContact / rows.length,
  };
}

function split(
  rows: readonly TimingRow[],
  keyOf: (r: TimingRow) => string,
  labelOf: (r: TimingRow) => string,
  today: string,
  cal: TenantCalendar,
): Split[] {
  const groups = new Map<string, { label: string; rows: TimingRow[] }>();
  for (const r of rows) {
    const key = keyOf(r);
    const g = groups.get(key) ?? { label: labelOf(r), rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  return [...groups]
    .map(([key, g]) => ({ key, label: g.label, ...measure(g.rows, today, cal) }))
    .sort((a, b) => b.received - a.received || a.label.localeCompare(b.label, 'sv'));
}

export function buildStats(
  rows: readonly TimingRow[],
  today: string,
  calendar: TenantCalendar,
  period: { from: string; to: string; unitId: string | null },
): FirstResponseStats {
  // Every row is measured four times (total and three splits); count its working days once.
  const memo = new Map<string, number>();
  const cal: TenantCalendar = {
    ...calendar,
    workingDaysBetween: (from, to) => {
      const key = `${from}|${to}`;
      let days = memo.get(key);
      if (days === undefined) {
        days = calendar.workingDaysBetween(from, to);
        memo.set(key, days);
      }
      return days;
    },
  };
  return {
    ...period,
    today,
    total: measure(rows, today, cal),
    byChannel: split(
      rows,
      (r) => r.channel,
      (r) => CASE_CHANNEL_NAMES[r.channel],
      today,
      cal,
    ),
    byType: split(
      rows,
      (r) => r.type,
      (r) => CASE_TYPE_NAMES[r.type],
      today,
      cal,
    ),
    byCategory: split(
      rows,
      (r) => r.categoryCode,
      (r) => r.categoryName,
      today,
      cal,
    ),
  };
}

export interface StatsQuery {
  unitId?: string;
  from?: string;
  to?: string;
}

/** Default period: from the first of January of this year to today. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/**
 * The statistics over the cases whose deadline falls in [from, to], counted by the database
 * (stats.repo.ts). `buildStats` above is the same computation over rows in the process: it is
 * the test oracle (stats.property.test.ts compares the two to the case).
 */
export async function firstResponseStats(
  actor: Actor,
  query: StatsQuery,
  { db, today: givenToday }: { db: Db; today?: string },
): Promise<FirstResponseStats> {
  const today = givenToday ?? localDate(new Date());
  const period = {
    ...defaultPeriod(today),
    ...Object.fromEntries(Object.entries({ from: query.from, to: query.to }).filter(([, v]) => v)),
  };
  const errors = [];
  if (!isValidLocalDate(period.from)) errors.push({ field: 'from', message: 'Ange startdatum som ÅÅÅÅ-MM-DD.' });
  if (!isValidLocalDate(period.to)) errors.push({ field: 'to', message: 'Ange slutdatum som ÅÅÅÅ-MM-DD.' });
  if (errors.length === 0 && period.from > period.to)
    errors.push({ field: 'to', message: 'Slutdatumet måste vara samma som eller efter startdatumet.' });
  if (errors.length > 0) throw invalid(errors);
  const unitIds = query.unitId ? await unitSubtree(db, actor.tenantId, query.unitId) : undefined;
  if (unitIds && unitIds.length === 0) throw invalid([{ field: 'unit', message: 'Enheten finns inte.' }]);
  const [calendar, categories] = await Promise.all([tenantCalendar(db, actor.tenantId), listCategories(db, actor.tenantId)]);
  const out = { from: period.from, to: period.to, unitId: query.unitId ?? null };
  // The day table covers a year before the period to a year after it (or after today): every
  // case received before its deadline and answered by now falls inside. A case outside (data
  // entered by hand, a clock far off) is counted by the statement; then the table is widened to
  // exactly what the rows touch and the statement asked again.
  const later = period.to > today ? period.to : today;
  let span = { from: addCalendarDays(period.from, -366), to: addCalendarDays(later, 366) };
  const filter = { dueFrom: period.from, dueTo: period.to, today, ...(unitIds ? { unitIds } : {}) };
  // A whole tenant is counted from the per-day rollup (migration 0082), a unit's subtree from its
  // cases (the rollup has no unit). The tenant's pending deltas are folded first, outside a
  // caller's transaction only: exact either way, folded only to keep the read short.
  const fromRollup = !unitIds;
  if (fromRollup && !db.isTransaction) await foldStatsDays(db, actor.tenantId);
  for (let attempt = 0; ; attempt++) {
    const f = { ...filter, daysFrom: span.from, cum: workingDayIndex(span, calendar) };
    const rows = fromRollup ? await rollupAggregates(db, actor.tenantId, f) : await firstResponseAggregates(db, actor.tenantId, f);
    const outside = rows.find((r) => r.set === 'total')?.outside ?? 0;
    if (outside > 0 && attempt === 0) {
      const touched = await dateSpan(db, actor.tenantId, filter);
      if (touched.lo && touched.hi) {
        span = { from: touched.lo < span.from ? touched.lo : span.from, to: touched.hi > span.to ? touched.hi : span.to };
        continue;
      }
    }
    const names = new Map(categories.map((c) => [c.id, { code: c.code, name: c.name }]));
    return statsFromAggregates(rows, today, out, names);
  }
}

/** cum[i]: working days from span.from up to and including span.from + i (span.from itself counted when it is one). */
export function workingDayIndex(span: { from: string; to: string }, calendar: TenantCalendar): number[] {
  const cum: number[] = [];
  let n = 0;
  for (let d = span.from; d <= span.to; d = addCalendarDays(d, 1)) {
    if (calendar.isWorkingDay(d)) n++;
    cum.push(n);
  }
  return cum;
}

/** Weekdays of the years [lo, hi] that are not working days: holidays, eves, the tenant's closed days. */
export function offWeekdays(lo: number, hi: number, calendar: TenantCalendar): string[] {
  const days = new Set<string>();
  for (let y = lo; y <= hi; y++) for (const d of holidaysOfYear(y)) days.add(d.date);
  for (const d of calendar.closedDays) days.add(d);
  return [...days].filter((d) => {
    const w = weekdayOf(d);
    return w !== 0 && w !== 6;
  });
}

/** The median of a histogram of working days (value → count): the same as median() of the values. */
export function histogramMedian(histogram: ReadonlyMap<number, number>): number | null {
  const entries = [...histogram].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const [value, n] of entries) {
      seen += n;
      if (index < seen) return value;
    }
    return entries[entries.length - 1][0];
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

function measuresOf(row: AggregateRow | undefined, histogram: ReadonlyMap<number, number> | undefined): Measures {
  const r = row ?? { received: 0, onTime: 0, late: 0, openOverdue: 0, notYetDue: 0, firstContact: 0 };
  const due = r.onTime + r.late + r.openOverdue;
  return {
    received: r.received,
    onTime: r.onTime,
    late: r.late,
    openOverdue: r.openOverdue,
    notYetDue: r.notYetDue,
    onTimeRate: due === 0 ? null : r.onTime / due,
    medianWorkingDays: histogram ? histogramMedian(histogram) : null,
    resolvedAtFirstContact: r.firstContact,
    firstContactRate: r.received === 0 ? null : r.firstContact / r.received,
  };
}

export function statsFromAggregates(
  rows: readonly AggregateRow[],
  today: string,
  period: { from: string; to: string; unitId: string | null },
  categories: ReadonlyMap<string, { code: string; name: string }>,
): FirstResponseStats {
  const histograms = new Map<string, Map<number, number>>();
  const counts = new Map<string, AggregateRow>();
  for (const r of rows) {
    const [base, days] = r.set.split(':');
    const id = `${base}|${r.key ?? ''}`;
    if (days) {
      if (r.workingDays === null) continue;
      const h = histograms.get(id) ?? new Map<number, number>();
      histograms.set(id, h);
      h.set(r.workingDays, r.received);
    } else counts.set(id, r);
  }
  const splits = (base: string, keyOf: (key: string) => string, labelOf: (key: string) => string): Split[] =>
    rows
      .filter((r) => r.set === base && r.key !== null)
      .map((r) => {
        const key = r.key as string;
        return { key: keyOf(key), label: labelOf(key), ...measuresOf(r, histograms.get(`${base}|${key}`)) };
      })
      .sort((a, b) => b.received - a.received || a.label.localeCompare(b.label, 'sv'));
  return {
    ...period,
    today,
    total: measuresOf(counts.get('total|'), histograms.get('total|')),
    byChannel: splits(
      'channel',
      (k) => k,
      (k) => CASE_CHANNEL_NAMES[k as keyof typeof CASE_CHANNEL_NAMES] ?? k,
    ),
    byType: splits(
      'type',
      (k) => k,
      (k) => CASE_TYPE_NAMES[k as keyof typeof CASE_TYPE_NAMES] ?? k,
    ),
    byCategory: splits(
      'category',
      (k) => categories.get(k)?.code ?? k,
      (k) => categories.get(k)?.name ?? k,
    ),
  };
}
