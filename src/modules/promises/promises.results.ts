// Loads what a promise is measured from (cases, meetings, entered values, claims) and hands it to
// the pure computations in fulfilment.ts. One loader per request shares loads between promises.
import type { Db } from '../../db/database.ts';
import { type TenantCalendar, tenantCalendar } from '../calendar/calendar.service.ts';
import { type LocalDate, localDate } from '../calendar/calendar.ts';
import { caseOutcomeCounts, type OutcomeCountFilter } from '../cases/cases.service.ts';
import { meetingDocumentOutcomes, meetingMinutesOutcomes } from '../meetings/meetings.service.ts';
import { unitSubtree } from '../org/org.service.ts';
import { type CaseCount, caseCountObservations, countFilter } from './fulfilment.cases.ts';
import {
  type ClaimRow,
  type Fulfilment,
  type MetricDef,
  meetingObservations,
  monthPeriod,
  type Observation,
  type PeriodResult,
  type Segment,
  segmentsInForce,
  seriesObservations,
  splitRange,
  summarize,
  type VersionRule,
  yearResults,
} from './fulfilment.ts';
import * as repo from './promises.repo.ts';
import { getPromise, minCount, type PromiseView } from './promises.service.ts';

export interface ResultsLoader {
  db: Db;
  tenantId: string;
  today: LocalDate;
  calendar(): Promise<TenantCalendar>;
  caseCounts(filter: OutcomeCountFilter): Promise<CaseCount[]>;
  subtree(unitId: string): Promise<ReadonlySet<string>>;
  minCount(): Promise<number>;
}

/**
 * Appends without spreading: `push(...items)` passes every item as an argument and throws
 * RangeError (maximum call stack size) beyond about 125 000 items.
 */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function memo<T>(fn: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let hit = cache.get(key);
    if (!hit) {
      hit = fn(key);
      cache.set(key, hit);
    }
    return hit;
  };
}

// Public pages are read by many and may be a minute behind: their case counts are shared for a
// short while. Staff pages and the API always load fresh.
const SHARED_TTL_MS = 60_000;
const sharedCounts = new Map<string, { at: number; rows: Promise<CaseCount[]> }>();

function sharedLoad(db: Db, tenantId: string, key: string, filter: OutcomeCountFilter): Promise<CaseCount[]> {
  const now = Date.now();
  const hit = sharedCounts.get(key);
  if (hit && now - hit.at < SHARED_TTL_MS) return hit.rows;
  for (const [k, v] of sharedCounts) if (now - v.at >= SHARED_TTL_MS) sharedCounts.delete(k);
  const rows = caseOutcomeCounts(db, tenantId, filter);
  rows.catch(() => sharedCounts.delete(key));
  sharedCounts.set(key, { at: now, rows });
  return rows;
}

export function createResultsLoader(
  db: Db,
  tenantId: string,
  today: LocalDate = localDate(new Date()),
  options: { shared?: boolean } = {},
): ResultsLoader {
  const calendar = memo(() => tenantCalendar(db, tenantId));
  const filters = new Map<string, OutcomeCountFilter>();
  const counts = memo(async (key) => {
    const filter = filters.get(key) as OutcomeCountFilter;
    return options.shared ? sharedLoad(db, tenantId, `${tenantId}/${today}/${key}`, filter) : caseOutcomeCounts(db, tenantId, filter);
  });
  const subtree = memo(async (unitId) => new Set(await unitSubtree(db, tenantId, unitId)) as ReadonlySet<string>);
  const min = memo(() => minCount(db, tenantId));
  return {
    db,
    tenantId,
    today,
    calendar: () => calendar(''),
    caseCounts: (filter) => {
      const key = JSON.stringify(filter);
      filters.set(key, filter);
      return counts(key);
    },
    subtree,
    minCount: () => min(''),
  };
}

/**
 * Observations of a promise's case metric over deadlines in [from, to]: per version in force,
 * the cases received on the days whose deadline under THAT version's working days can fall in
 * the range, selected and counted in SQL with the version's own filter.
 */
async function caseMetricObservations(loader: ResultsLoader, segments: readonly Segment[], from: LocalDate, to: LocalDate) {
  const calendar = await loader.calendar();
  const out: Observation[] = [];
  for (const segment of segments) {
    const selection = countFilter(segment, { from, to }, calendar);
    if (!selection) continue;
    const f = selection.filter;
    const unitIds = f?.unitId ? [...(await loader.subtree(f.unitId))] : undefined;
    const groups = await loader.caseCounts({
      receivedFrom: selection.receivedFrom,
      receivedTo: selection.receivedTo,
      done: selection.done,
      ...(unitIds ? { unitIds } : {}),
      ...(f?.types?.length ? { types: f.types } : {}),
      ...(f?.channels?.length ? { channels: f.channels } : {}),
      ...(f?.categories?.length ? { categoryCodes: f.categories } : {}),
    });
    append(out, caseCountObservations(groups, segment, calendar, loader.today));
  }
  return out;
}

export function versionRules(promise: PromiseView): VersionRule[] {
  return promise.versions.map((v) => ({
    version: v.version,
    validFrom: v.validFrom,
    validTo: v.validTo,
    decided: v.decided,
    target: v.target,
    metric: (v.metric as MetricDef | null) ?? null,
  }));
}

export interface Measured {
  observations: Observation[];
  segments: Segment[];
  claims: ClaimRow[];
  /** Share series: averaged values. */
  share: boolean;
}

/** Everything a promise was measured by over [from, to]. */
export async function measure(loader: ResultsLoader, promise: PromiseView, from: LocalDate, to: LocalDate): Promise<Measured> {
  const segments = segmentsInForce(versionRules(promise), promise.retiredOn);
  const claims = (await repo.listClaims(loader.db, loader.tenantId, promise.id)).map((c) => ({
    claimedOn: c.claimedOn,
    costSek: c.costSek,
  }));
  const type = (promise.current.metric as MetricDef | null)?.type;
  const share = segments.some((s) => s.metric.type === 'measured_series' && s.metric.valueKind === 'share');
  const observations: Observation[] = [];
  if (segments.length === 0) return { observations, segments, claims, share };
  const kinds = new Set(segments.map((s) => s.metric.type));
  if (kinds.has('case_first_response') || kinds.has('case_resolution')) {
    append(observations, await caseMetricObservations(loader, segments, from, to));
  }
  for (const part of splitRange(segments, from, to)) {
    const m = part.segment.metric;
    const boardUnitIds = 'boardUnitIds' in m && m.boardUnitIds?.length ? m.boardUnitIds : undefined;
    if (m.type === 'meeting_documents') {
      const rows = await meetingDocumentOutcomes(loader.db, loader.tenantId, {
        from: part.from,
        to: part.to,
        boardUnitIds,
        daysBefore: m.daysBefore,
        today: loader.today,
      });
      append(observations, meetingObservations(rows, part.segment.version));
    } else if (m.type === 'meeting_minutes') {
      const rows = await meetingMinutesOutcomes(loader.db, loader.tenantId, {
        from: part.from,
        to: part.to,
        boardUnitIds,
        workingDays: m.workingDays,
        today: loader.today,
      });
      append(observations, meetingObservations(rows, part.segment.version));
    }
  }
  if (kinds.has('measured_series') || type === 'measured_series') {
    const values = await repo.listMeasurements(loader.db, loader.tenantId, promise.id, { from: `${from.slice(0, 7)}-01`, to });
    append(observations, seriesObservations(values, segments));
  }
  // The one rule of when something counts (also the staff statistics'): once its deadline has
  // passed. Until then an early answer is not yet counted either, so a period that has just
  // begun is not judged on the few things already done.
  return { observations: observations.filter((o) => o.date < loader.today), segments, claims, share };
}

export interface FulfilmentReport extends Fulfilment {
  from: LocalDate;
  to: LocalDate;
  claims: { count: number; costSek: number };
}

/** Fulfilment of one promise over [from, to]: the cases/meetings/months whose deadline falls there. */
export async function promiseFulfilment(
  db: Db,
  tenantId: string,
  id: string,
  range: { from: LocalDate; to: LocalDate; today?: LocalDate },
  loader: ResultsLoader = createResultsLoader(db, tenantId, range.today),
): Promise<FulfilmentReport> {
  const promise = await getPromise(db, tenantId, id);
  return fulfilmentOf(loader, promise, range.from, range.to);
}

export async function fulfilmentOf(loader: ResultsLoader, promise: PromiseView, from: LocalDate, to: LocalDate): Promise<FulfilmentReport> {
  const m = await measure(loader, promise, from, to);
  const f = summarize(m.observations, m.segments, from, to, { minCount: await loader.minCount(), share: m.share });
  const inRange = m.claims.filter((c) => c.claimedOn >= from && c.claimedOn <= to);
  return { ...f, from, to, claims: { count: inRange.length, costSek: inRange.reduce((s, c) => s + c.costSek, 0) } };
}

export interface YearResults {
  year: number;
  share: boolean;
  minCount: number;
  results: PeriodResult[];
}

/** Months, delår 1 and 2 and the year, each with the same period of earlier years. */
export async function promiseYearResults(loader: ResultsLoader, promise: PromiseView, year: number, trendYears = 2): Promise<YearResults> {
  const m = await measure(loader, promise, `${year - trendYears}-01-01`, `${year}-12-31`);
  const min = await loader.minCount();
  const results = yearResults(year, {
    observations: m.observations,
    segments: m.segments,
    claims: m.claims,
    options: { minCount: min, share: m.share },
    today: loader.today,
    trendYears,
  });
  return { year, share: m.share, minCount: min, results };
}

export interface MonthRow {
  month: number;
  /** This year's month, or null when it has not started. */
  current: Fulfilment | null;
  /** The month is still running: its figures are so far. */
  ongoing: boolean;
  previous: Fulfilment;
}

export interface PromiseSummary {
  year: number;
  share: boolean;
  thisYear: Fulfilment;
  lastYear: Fulfilment;
  months: MonthRow[];
  claimsThisYear: { count: number; costSek: number };
}

/** This year so far and last year, month by month: what the public pages show. */
export async function promiseSummary(loader: ResultsLoader, promise: PromiseView, year: number): Promise<PromiseSummary> {
  const m = await measure(loader, promise, `${year - 1}-01-01`, `${year}-12-31`);
  const options = { minCount: await loader.minCount(), share: m.share };
  const sumOf = (from: LocalDate, to: LocalDate) => summarize(m.observations, m.segments, from, to, options);
  const months: MonthRow[] = [];
  for (let month = 1; month <= 12; month++) {
    const cur = monthPeriod(year, month);
    const prev = monthPeriod(year - 1, month);
    months.push({
      month,
      current: cur.from > loader.today ? null : sumOf(cur.from, cur.to),
      ongoing: cur.from <= loader.today && loader.today <= cur.to,
      previous: sumOf(prev.from, prev.to),
    });
  }
  const claims = m.claims.filter((c) => c.claimedOn >= `${year}-01-01` && c.claimedOn <= `${year}-12-31`);
  return {
    year,
    share: m.share,
    thisYear: sumOf(`${year}-01-01`, `${year}-12-31`),
    lastYear: sumOf(`${year - 1}-01-01`, `${year - 1}-12-31`),
    months,
    claimsThisYear: { count: claims.length, costSek: claims.reduce((s, c) => s + c.costSek, 0) },
  };
}
