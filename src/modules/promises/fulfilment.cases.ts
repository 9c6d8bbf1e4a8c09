// Case promises measured from counts: which received dates a period's deadlines can come from
// under a promise's own rule, and the observations of counted cases. Pure, like fulfilment.ts.
import { addCalendarDays, type LocalDate } from '../calendar/calendar.ts';
import type { CaseFilter, Observation, Segment, WorkingDayCalendar } from './fulfilment.ts';

/** Cases received on one day and done (or not) on one day, with how many there were. */
export interface CaseCount {
  receivedDate: LocalDate;
  /** First feedback (or resolution) date for first-response promises; resolution date for resolution promises. */
  doneDate: LocalDate | null;
  count: number;
}

/**
 * The earliest day of receipt whose deadline, `workingDays` working days later, falls on or
 * after `deadlineFrom`. Deadlines only move forward with the day of receipt, so a binary search
 * over a window that N working days can never exceed (a week has 5, a Swedish holiday run adds
 * fewer than 30 calendar days) finds it exactly.
 */
export function earliestReceivedFor(deadlineFrom: LocalDate, workingDays: number, calendar: WorkingDayCalendar): LocalDate {
  if (workingDays === 0) return deadlineFrom;
  let lo = -(2 * workingDays + 30);
  let hi = 0;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (calendar.addWorkingDays(addCalendarDays(deadlineFrom, mid), workingDays) >= deadlineFrom) hi = mid;
    else lo = mid + 1;
  }
  return addCalendarDays(deadlineFrom, lo);
}

/** What a segment's case metric selects, in the cases module's words. */
export function countFilter(
  segment: Segment,
  range: { from: LocalDate; to: LocalDate },
  calendar: WorkingDayCalendar,
): { receivedFrom: LocalDate; receivedTo: LocalDate; done: 'first_response' | 'resolution'; filter: CaseFilter | undefined } | null {
  const m = segment.metric;
  if (m.type !== 'case_first_response' && m.type !== 'case_resolution') return null;
  const lower = earliestReceivedFor(range.from, m.workingDays, calendar);
  const receivedFrom = segment.from > lower ? segment.from : lower;
  // A deadline is never before the day of receipt, so nothing received after the range counts.
  const receivedTo = segment.to !== null && segment.to < range.to ? segment.to : range.to;
  if (receivedFrom > receivedTo) return null;
  return { receivedFrom, receivedTo, done: m.type === 'case_first_response' ? 'first_response' : 'resolution', filter: m.filter };
}

/**
 * Observations of counted cases under one segment: each group is judged by the segment's own
 * working days from its day of receipt, dated by that deadline. Not done and not yet past the
 * deadline: pending, left out.
 */
export function caseCountObservations(
  groups: readonly CaseCount[],
  segment: Segment,
  calendar: WorkingDayCalendar,
  today: LocalDate,
): Observation[] {
  const m = segment.metric;
  if (m.type !== 'case_first_response' && m.type !== 'case_resolution') return [];
  const deadlines = new Map<LocalDate, LocalDate>();
  const out: Observation[] = [];
  for (const g of groups) {
    if (g.receivedDate < segment.from || (segment.to !== null && g.receivedDate > segment.to)) continue;
    let deadline = deadlines.get(g.receivedDate);
    if (deadline === undefined) {
      deadline = calendar.addWorkingDays(g.receivedDate, m.workingDays);
      deadlines.set(g.receivedDate, deadline);
    }
    if (g.doneDate !== null) {
      const met = g.doneDate <= deadline;
      out.push({ date: deadline, version: segment.version, met: met ? g.count : 0, missed: met ? 0 : g.count, openOverdue: 0 });
    } else if (today > deadline) {
      out.push({ date: deadline, version: segment.version, met: 0, missed: g.count, openOverdue: g.count });
    }
  }
  return out;
}
