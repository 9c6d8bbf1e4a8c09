// Loads what a promise is measured from (cases, meetings, entered values, claims) and hands it to
// the pure computations in fulfilment.ts. One loader per request shares loads between promises.
import type { Db } from '../../db/database.ts';
import { type TenantCalendar, tenantCalendar } from '../calendar/calendar.service.ts';
import { addCalendarDays, type LocalDate, localDate } from '../calendar/calendar.ts';
import { caseTimings } from '../cases/cases.service.ts';
import { meetingDocumentOutcomes, meetingMinutesOutcomes } from '../meetings/meetings.service.ts';
import { unitSubtree } from '../org/org.service.ts';
import {
  type CaseTiming,
  type ClaimRow,
  caseObservations,
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
  cases(from: LocalDate, to: LocalDate): Promise<CaseTiming[]>;
  subtree(unitId: string): Promise<ReadonlySet<string>>;
  minCount(): Promise<number>;
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

// Cases are found by the cases module's own first-response deadline; a promise counts its own
// deadline (its own N working days after receipt), so load a margin around the range.
const CASE_MARGIN_BEFORE = 120;
const CASE_MARGIN_AFTER = 45;

// Public pages are read by many and may be a minute behind: their case loads are shared for a
// short while (loading two years of a large municipality's cases takes seconds on the embedded
// database). Staff pages and the API always load fresh.
const SHARED_TTL_MS = 60_000;
const sharedCases = new Map<string, { at: number; rows: Promise<CaseTiming[]> }>();

function loadCases(db: Db, tenantId: string, from: LocalDate, to: LocalDate): Promise<CaseTiming[]> {
  return caseTimings(db, tenantId, {
    dueFrom: addCalendarDays(from, -CASE_MARGIN_BEFORE),
    dueTo: addCalendarDays(to, CASE_MARGIN_AFTER),
  }) as Promise<CaseTiming[]>;
}

function sharedLoad(db: Db, tenantId: string, from: LocalDate, to: LocalDate, today: LocalDate): Promise<CaseTiming[]> {
  const key = `${tenantId}/${from}/${to}/${today}`;
  const now = Date.now();
  const hit = sharedCases.get(key);
  if (hit && now - hit.at < SHARED_TTL_MS) return hit.rows;
  for (const [k, v] of sharedCases) if (now - v.at >= SHARED_TTL_MS) sharedCases.delete(k);
  const rows = loadCases(db, tenantId, from, to);
  rows.catch(() => sharedCases.delete(key));
  sharedCases.set(key, { at: now, rows });
  return rows;
}

export function createResultsLoader(
  db: Db,
  tenantId: string,
  today: LocalDate = localDate(new Date()),
  options: { shared?: boolean } = {},
): ResultsLoader {
  const calendar = memo(() => tenantCalendar(db, tenantId));
  const cases = memo(async (key) => {
    const [from, to] = key.split('/');
    return options.shared ? sharedLoad(db, tenantId, from, to, today) : loadCases(db, tenantId, from, to);
  });
  const subtree = memo(async (unitId) => new Set(await unitSubtree(db, tenantId, unitId)) as ReadonlySet<string>);
  const min = memo(() => minCount(db, tenantId));
  return {
    db,
    tenantId,
    today,
    calendar: () => calendar(''),
    cases: (from, to) => cases(`${from}/${to}`),
    subtree,
    minCount: () => min(''),
  };
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
    const [calendar, cases] = await Promise.all([loader.calendar(), loader.cases(from, to)]);
    const units = new Map<string, ReadonlySet<string>>();
    for (const s of segments) {
      const unitId = 'filter' in s.metric ? s.metric.filter?.unitId : undefined;
      if (unitId && !units.has(unitId)) units.set(unitId, await loader.subtree(unitId));
    }
    observations.push(...caseObservations(cases, segments, calendar, loader.today, (id) => units.get(id)));
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
      observations.push(...meetingObservations(rows, part.segment.version));
    } else if (m.type === 'meeting_minutes') {
      const rows = await meetingMinutesOutcomes(loader.db, loader.tenantId, {
        from: part.from,
        to: part.to,
        boardUnitIds,
        workingDays: m.workingDays,
        today: loader.today,
      });
      observations.push(...meetingObservations(rows, part.segment.version));
    }
  }
  if (kinds.has('measured_series') || type === 'measured_series') {
    const values = await repo.listMeasurements(loader.db, loader.tenantId, promise.id, { from: `${from.slice(0, 7)}-01`, to });
    observations.push(...seriesObservations(values, segments));
  }
  return { observations, segments, claims, share };
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
    months.push({ month, current: cur.from > loader.today ? null : sumOf(cur.from, cur.to), previous: sumOf(prev.from, prev.to) });
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
