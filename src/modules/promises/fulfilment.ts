// How well a promise is kept: pure functions over plain rows, no database. Loading lives in
// promises.results.ts; interim and annual reports reuse these functions on the same rows.
//
// Rules:
// - A promise is measured only while a DECIDED version is in force. Versions are consecutive:
//   a version is in force from its validFrom until the day before the next version's validFrom,
//   its own validTo, or the promise's retirement day, whichever comes first.
// - A case is judged by the version in force on the day it was received (the promise made to
//   the resident then) with that version's working days, filter and target. Its DEADLINE decides
//   which period it belongs to. A case not answered by its deadline is missed; if it is still
//   open after the deadline it is also "open overdue". A case whose deadline has not passed and
//   that has no answer yet is pending and not measured.
// - A meeting is judged by the version in force on its deadline.
// - A measured series value for a month belongs to the month's last day and to the latest
//   version in force during that month.
// - Shares ("share" series, e.g. availability 0.998) are averaged; counts are summed.
import type { LocalDate } from '../calendar/calendar.ts';
import { addCalendarDays } from '../calendar/calendar.ts';

export const METRIC_TYPES = ['case_first_response', 'case_resolution', 'meeting_documents', 'meeting_minutes', 'measured_series'] as const;
export type MetricType = (typeof METRIC_TYPES)[number];

export interface CaseFilter {
  categories?: string[];
  types?: string[];
  channels?: string[];
  /** The unit and every unit below it. */
  unitId?: string;
}

export type MetricDef =
  | { type: 'case_first_response'; workingDays: number; filter?: CaseFilter }
  | { type: 'case_resolution'; workingDays: number; filter?: CaseFilter }
  | { type: 'meeting_documents'; daysBefore: number; boardUnitIds?: string[] }
  | { type: 'meeting_minutes'; workingDays: number; boardUnitIds?: string[] }
  | { type: 'measured_series'; valueKind: 'counts' | 'share'; unit?: string };

export type FulfilmentStatus = 'met' | 'not_met' | 'too_few';

/** What the computation needs of a version. */
export interface VersionRule {
  version: number;
  validFrom: LocalDate;
  validTo: LocalDate | null;
  decided: boolean;
  target: number | null;
  metric: MetricDef | null;
}

/** A version and the days it is in force (to: null = open-ended). */
export interface Segment {
  version: number;
  from: LocalDate;
  to: LocalDate | null;
  target: number;
  metric: MetricDef;
}

const minDate = (a: LocalDate | null, b: LocalDate | null): LocalDate | null => (a === null ? b : b === null ? a : a < b ? a : b);

/** The decided versions as consecutive, non-overlapping windows of validity. */
export function segmentsInForce(versions: readonly VersionRule[], retiredOn: LocalDate | null = null): Segment[] {
  const sorted = [...versions].filter((v) => v.decided).sort((a, b) => a.version - b.version);
  const segments: Segment[] = [];
  sorted.forEach((v, i) => {
    if (v.target === null || v.metric === null) return;
    const next = sorted[i + 1];
    const to = minDate(minDate(v.validTo, next ? addCalendarDays(next.validFrom, -1) : null), retiredOn);
    if (to !== null && to < v.validFrom) return;
    segments.push({ version: v.version, from: v.validFrom, to, target: v.target, metric: v.metric });
  });
  return segments;
}

export function segmentOn(segments: readonly Segment[], date: LocalDate): Segment | undefined {
  return segments.find((s) => s.from <= date && (s.to === null || date <= s.to));
}

/** The parts of [from, to] each version is in force, in order. */
export function splitRange(
  segments: readonly Segment[],
  from: LocalDate,
  to: LocalDate,
): { segment: Segment; from: LocalDate; to: LocalDate }[] {
  const parts: { segment: Segment; from: LocalDate; to: LocalDate }[] = [];
  for (const s of segments) {
    const a = s.from > from ? s.from : from;
    const b = s.to === null || s.to > to ? to : s.to;
    if (a <= b) parts.push({ segment: s, from: a, to: b });
  }
  return parts;
}

/** One judged thing (a case, a meeting, a month of a series), dated by its deadline. */
export interface Observation {
  date: LocalDate;
  version: number;
  met: number;
  missed: number;
  /** Part of `missed`: still not done after the deadline. */
  openOverdue: number;
  /** For share series: the measured share (0–1); met/missed then say whether it reached the target. */
  value?: number;
}

// ---- cases ----------------------------------------------------------------------------------

export interface CaseTiming {
  id: string;
  type: string;
  channel: string;
  categoryCode: string | null;
  unitId: string;
  receivedDate: LocalDate;
  firstResponseDue: LocalDate;
  firstResponseDate: LocalDate | null;
  resolvedDate: LocalDate | null;
  status: string;
  resolvedAtFirstContact: boolean;
}

export type CaseOutcome = 'met' | 'missed' | 'open_overdue' | 'pending';

export interface WorkingDayCalendar {
  addWorkingDays(date: LocalDate, days: number): LocalDate;
}

/** The deadline of one case under a promise of N working days, and how it went as of `today`. */
export function judgeCase(
  c: CaseTiming,
  kind: 'case_first_response' | 'case_resolution',
  workingDays: number,
  calendar: WorkingDayCalendar,
  today: LocalDate,
): { deadline: LocalDate; outcome: CaseOutcome } {
  const deadline = calendar.addWorkingDays(c.receivedDate, workingDays);
  // A case resolved without a separate first feedback got its feedback when it was resolved.
  const done = kind === 'case_first_response' ? (c.firstResponseDate ?? c.resolvedDate) : c.resolvedDate;
  if (done !== null) return { deadline, outcome: done <= deadline ? 'met' : 'missed' };
  return { deadline, outcome: today > deadline ? 'open_overdue' : 'pending' };
}

export function matchesFilter(c: CaseTiming, filter: CaseFilter | undefined, unitsBelow: ReadonlySet<string> | undefined): boolean {
  if (!filter) return true;
  if (filter.categories?.length && !(c.categoryCode !== null && filter.categories.includes(c.categoryCode))) return false;
  if (filter.types?.length && !filter.types.includes(c.type)) return false;
  if (filter.channels?.length && !filter.channels.includes(c.channel)) return false;
  if (filter.unitId && !(unitsBelow ?? new Set([filter.unitId])).has(c.unitId)) return false;
  return true;
}

/**
 * Observations of a case metric. `unitsBelow(unitId)` gives the subtree used by a filter's unitId.
 */
export function caseObservations(
  cases: readonly CaseTiming[],
  segments: readonly Segment[],
  calendar: WorkingDayCalendar,
  today: LocalDate,
  unitsBelow: (unitId: string) => ReadonlySet<string> | undefined = () => undefined,
): Observation[] {
  const out: Observation[] = [];
  for (const c of cases) {
    const segment = segmentOn(segments, c.receivedDate);
    if (!segment) continue;
    const metric = segment.metric;
    if (metric.type !== 'case_first_response' && metric.type !== 'case_resolution') continue;
    const below = metric.filter?.unitId ? unitsBelow(metric.filter.unitId) : undefined;
    if (!matchesFilter(c, metric.filter, below)) continue;
    const { deadline, outcome } = judgeCase(c, metric.type, metric.workingDays, calendar, today);
    if (outcome === 'pending') continue;
    out.push({
      date: deadline,
      version: segment.version,
      met: outcome === 'met' ? 1 : 0,
      missed: outcome === 'met' ? 0 : 1,
      openOverdue: outcome === 'open_overdue' ? 1 : 0,
    });
  }
  return out;
}

// ---- meetings --------------------------------------------------------------------------------

export interface MeetingOutcomeRow {
  meetingId: string;
  deadline: LocalDate;
  outcome: 'met' | 'missed' | 'pending';
  publishedDate: LocalDate | null;
}

/** Observations of meeting rows loaded for one version's part of the range. */
export function meetingObservations(rows: readonly MeetingOutcomeRow[], version: number): Observation[] {
  return rows
    .filter((r) => r.outcome !== 'pending')
    .map((r) => ({
      date: r.deadline,
      version,
      met: r.outcome === 'met' ? 1 : 0,
      missed: r.outcome === 'missed' ? 1 : 0,
      openOverdue: r.outcome === 'missed' && r.publishedDate === null ? 1 : 0,
    }));
}

// ---- measured series -------------------------------------------------------------------------

export interface SeriesValue {
  /** First day of the month, 'YYYY-MM-01'. */
  period: LocalDate;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export function lastDayOfMonth(firstDay: LocalDate): LocalDate {
  const [y, m] = firstDay.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addCalendarDays(next, -1);
}

export function seriesObservations(values: readonly SeriesValue[], segments: readonly Segment[]): Observation[] {
  const out: Observation[] = [];
  for (const v of values) {
    const end = lastDayOfMonth(v.period);
    const inMonth = splitRange(segments, v.period, end);
    const segment = inMonth[inMonth.length - 1]?.segment;
    if (!segment) continue;
    if (v.value !== null) {
      const met = v.value >= segment.target - 1e-9 ? 1 : 0;
      out.push({ date: end, version: segment.version, met, missed: 1 - met, openOverdue: 0, value: v.value });
    } else if (v.numerator !== null && v.denominator !== null) {
      out.push({ date: end, version: segment.version, met: v.numerator, missed: v.denominator - v.numerator, openOverdue: 0 });
    }
  }
  return out;
}

// ---- summaries -------------------------------------------------------------------------------

export interface VersionFulfilment {
  version: number;
  measured: number;
  met: number;
  missed: number;
  openOverdue: number;
  ratio: number | null;
  target: number;
}

export interface Fulfilment {
  measured: number;
  met: number;
  missed: number;
  openOverdue: number;
  /** Share met (counts), or the mean value (share series); null when nothing was measured. */
  ratio: number | null;
  /**
   * The target in force at the end of the period (of the latest version that measured anything,
   * else the latest in force); the period is judged against it, never against a blend.
   */
  target: number | null;
  /** The versions measured in the period had different targets: say so beside the target. */
  targetChanged: boolean;
  status: FulfilmentStatus;
  versions: VersionFulfilment[];
}

export interface SummaryOptions {
  /** Fewer measured than this (counts only): 'too_few'. */
  minCount: number;
  /** Share series: ratio is the mean of the values and the minimum count does not apply. */
  share?: boolean;
}

function statusOf(measured: number, ratio: number | null, target: number | null, options: SummaryOptions): FulfilmentStatus {
  if (measured === 0 || ratio === null || target === null) return 'too_few';
  if (!options.share && measured < options.minCount) return 'too_few';
  return ratio >= target - 1e-9 ? 'met' : 'not_met';
}

/** Fulfilment over the observations whose date falls in [from, to]. */
export function summarize(
  observations: readonly Observation[],
  segments: readonly Segment[],
  from: LocalDate,
  to: LocalDate,
  options: SummaryOptions,
): Fulfilment {
  const byVersion = new Map<number, { met: number; missed: number; openOverdue: number; values: number[] }>();
  for (const o of observations) {
    if (o.date < from || o.date > to) continue;
    let acc = byVersion.get(o.version);
    if (!acc) {
      acc = { met: 0, missed: 0, openOverdue: 0, values: [] };
      byVersion.set(o.version, acc);
    }
    acc.met += o.met;
    acc.missed += o.missed;
    acc.openOverdue += o.openOverdue;
    if (o.value !== undefined) acc.values.push(o.value);
  }
  const targetOf = new Map(segments.map((s) => [s.version, s.target]));
  const versions: VersionFulfilment[] = [...byVersion.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([version, acc]) => {
      const measured = acc.met + acc.missed;
      const ratio = options.share ? mean(acc.values) : measured > 0 ? acc.met / measured : null;
      return {
        version,
        measured,
        met: acc.met,
        missed: acc.missed,
        openOverdue: acc.openOverdue,
        ratio,
        target: targetOf.get(version) ?? 0,
      };
    });
  const met = sum(versions.map((v) => v.met));
  const missed = sum(versions.map((v) => v.missed));
  const openOverdue = sum(versions.map((v) => v.openOverdue));
  const measured = met + missed;
  let ratio: number | null;
  if (options.share) {
    const all = [...byVersion.values()].flatMap((a) => a.values);
    ratio = mean(all);
  } else {
    ratio = measured > 0 ? met / measured : null;
  }
  const measuredVersions = versions.filter((v) => v.measured > 0);
  const latest = measuredVersions[measuredVersions.length - 1];
  const parts = splitRange(segments, from, to);
  const target = latest ? latest.target : parts.length ? parts[parts.length - 1].segment.target : null;
  const targetChanged = new Set(measuredVersions.map((v) => v.target)).size > 1;
  return { measured, met, missed, openOverdue, ratio, target, targetChanged, status: statusOf(measured, ratio, target, options), versions };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function mean(xs: number[]): number | null {
  return xs.length ? sum(xs) / xs.length : null;
}

// ---- periods ---------------------------------------------------------------------------------

export type PeriodKind = 'month' | 'interim1' | 'interim2' | 'year';

export interface Period {
  /** '2025-03', '2025-D1', '2025-D2', '2025'. */
  key: string;
  kind: PeriodKind;
  year: number;
  month?: number;
  from: LocalDate;
  to: LocalDate;
}

export function monthPeriod(year: number, month: number): Period {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  return { key: first.slice(0, 7), kind: 'month', year, month, from: first, to: lastDayOfMonth(first) };
}

/** Delår 1 = January–April, delår 2 = January–August (cumulative, as the reports count them). */
export function interimPeriod(year: number, which: 1 | 2): Period {
  return {
    key: `${year}-D${which}`,
    kind: which === 1 ? 'interim1' : 'interim2',
    year,
    from: `${year}-01-01`,
    to: which === 1 ? `${year}-04-30` : `${year}-08-31`,
  };
}

export function yearPeriod(year: number): Period {
  return { key: String(year), kind: 'year', year, from: `${year}-01-01`, to: `${year}-12-31` };
}

export function periodsOfYear(year: number): Period[] {
  return [
    ...Array.from({ length: 12 }, (_, i) => monthPeriod(year, i + 1)),
    interimPeriod(year, 1),
    interimPeriod(year, 2),
    yearPeriod(year),
  ];
}

/** The same period in another year. */
export function samePeriodIn(period: Period, year: number): Period {
  if (period.kind === 'month') return monthPeriod(year, period.month ?? 1);
  if (period.kind === 'interim1') return interimPeriod(year, 1);
  if (period.kind === 'interim2') return interimPeriod(year, 2);
  return yearPeriod(year);
}

export interface ClaimRow {
  claimedOn: LocalDate;
  costSek: number;
}

export interface TrendPoint {
  year: number;
  ratio: number | null;
  status: FulfilmentStatus;
}

export interface PeriodResult {
  period: Period;
  /** The period has not started yet (as of today). */
  future: boolean;
  /** The period is still running (as of today): its figures are so far. */
  ongoing: boolean;
  fulfilment: Fulfilment;
  claims: { count: number; costSek: number };
  /** The same period in earlier years, most recent first. */
  trend: TrendPoint[];
  /** Ratio compared with the same period last year. */
  change: 'up' | 'down' | 'same' | null;
}

export interface ResultsInput {
  observations: readonly Observation[];
  segments: readonly Segment[];
  claims: readonly ClaimRow[];
  options: SummaryOptions;
  today: LocalDate;
  /** How many earlier years to compare with (default 2). */
  trendYears?: number;
}

export function claimsIn(claims: readonly ClaimRow[], from: LocalDate, to: LocalDate): { count: number; costSek: number } {
  const inRange = claims.filter((c) => c.claimedOn >= from && c.claimedOn <= to);
  return { count: inRange.length, costSek: sum(inRange.map((c) => c.costSek)) };
}

export function periodResult(period: Period, input: ResultsInput): PeriodResult {
  const fulfilment = summarize(input.observations, input.segments, period.from, period.to, input.options);
  const trend: TrendPoint[] = [];
  for (let i = 1; i <= (input.trendYears ?? 2); i++) {
    const earlier = samePeriodIn(period, period.year - i);
    const f = summarize(input.observations, input.segments, earlier.from, earlier.to, input.options);
    trend.push({ year: earlier.year, ratio: f.ratio, status: f.status });
  }
  const last = trend[0]?.ratio ?? null;
  const change =
    fulfilment.ratio === null || last === null
      ? null
      : Math.abs(fulfilment.ratio - last) < 0.005
        ? 'same'
        : fulfilment.ratio > last
          ? 'up'
          : 'down';
  return {
    period,
    future: period.from > input.today,
    ongoing: period.from <= input.today && input.today <= period.to,
    fulfilment,
    claims: claimsIn(input.claims, period.from, period.to),
    trend,
    change,
  };
}

/** Months, delår 1 and 2 and the whole year, each with its trend against earlier years. */
export function yearResults(year: number, input: ResultsInput): PeriodResult[] {
  return periodsOfYear(year).map((p) => periodResult(p, input));
}
