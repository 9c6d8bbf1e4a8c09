// Measurement of first feedback: over the cases whose deadline falls in a period, how many were
// answered on time, late, or are still open past the deadline (missed). Cases whose deadline has
// not passed yet (today included) are left out of the rate and the counts, answered or not:
// the same rule as the promise results, so both give one total for one period.
import type { Db } from '../../db/database.ts';
import { invalid } from '../../http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { type TenantCalendar, tenantCalendar } from '../calendar/calendar.service.ts';
import { isValidLocalDate, localDate } from '../calendar/calendar.ts';
import { unitSubtree } from '../org/org.service.ts';
import * as repo from './cases.repo.ts';
import { CASE_CHANNEL_NAMES, CASE_TYPE_NAMES } from './cases.schemas.ts';

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

export async function firstResponseStats(actor: Actor, query: StatsQuery, { db }: { db: Db }): Promise<FirstResponseStats> {
  const today = localDate(new Date());
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
  const [rows, calendar] = await Promise.all([
    repo.caseTimings(db, actor.tenantId, { dueFrom: period.from, dueTo: period.to, unitIds }),
    tenantCalendar(db, actor.tenantId),
  ]);
  return buildStats(rows, today, calendar, { from: period.from, to: period.to, unitId: query.unitId ?? null });
}
