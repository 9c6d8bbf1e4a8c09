// Outcomes of the publication rules per meeting, for the promises module (re-exported from
// meetings.service.ts). Rows are selected by DEADLINE, so a period's fulfilment counts the
// meetings whose publication was due in it.
import type { Db } from '../../db/database.ts';
import { tenantCalendar } from '../calendar/calendar.service.ts';
import { addCalendarDays, type LocalDate, localDate } from '../calendar/calendar.ts';
import * as repo from './meetings.repo.ts';
import { documentsVerdict, minutesVerdict, type Outcome, type Verdict } from './meetings.rules.ts';

export interface MeetingOutcomeRow {
  meetingId: string;
  boardUnitId: string;
  boardName: string;
  meetingDate: LocalDate;
  /** Last local date on which publication was on time. */
  deadline: LocalDate;
  outcome: Outcome;
  /** Local date of publication, or null when not published. */
  publishedDate: LocalDate | null;
}

export interface OutcomeRange {
  /** Local dates, inclusive: rows whose deadline falls in [from, to]. */
  from: LocalDate;
  to: LocalDate;
  boardUnitIds?: readonly string[];
  /** "Today" for pending/missed; default localDate(new Date()). */
  today?: LocalDate;
}

/** Documents rule per meeting whose deadline (meeting date − daysBefore calendar days) falls in [from, to]. */
export async function meetingDocumentOutcomes(
  db: Db,
  tenantId: string,
  { from, to, boardUnitIds, daysBefore, today = localDate(new Date()) }: OutcomeRange & { daysBefore: number },
): Promise<MeetingOutcomeRow[]> {
  const meetings = await repo.listMeetings(db, tenantId, {
    boardUnitIds,
    from: addCalendarDays(from, daysBefore),
    to: addCalendarDays(to, daysBefore),
  });
  return meetings
    .map((m) => ({ m, v: documentsVerdict(m, { daysBefore, today }) }))
    .map(({ m, v }) => outcomeRow(m, v))
    .filter((r): r is MeetingOutcomeRow => r !== null && r.deadline >= from && r.deadline <= to)
    .sort(byDeadline);
}

/** Minutes rule per meeting whose deadline (approval + workingDays working days) falls in [from, to]. */
export async function meetingMinutesOutcomes(
  db: Db,
  tenantId: string,
  { from, to, boardUnitIds, workingDays, today = localDate(new Date()) }: OutcomeRange & { workingDays: number },
): Promise<MeetingOutcomeRow[]> {
  const calendar = await tenantCalendar(db, tenantId);
  // N working days never span more than ~7N + a long holiday calendar days; filter exactly below.
  const meetings = await repo.listMeetings(db, tenantId, {
    boardUnitIds,
    approvedFrom: addCalendarDays(from, -(7 * workingDays + 30)),
    approvedTo: to,
  });
  return meetings
    .map((m) => outcomeRow(m, minutesVerdict(m, { workingDays, today, calendar })))
    .filter((r): r is MeetingOutcomeRow => r !== null && r.deadline >= from && r.deadline <= to)
    .sort(byDeadline);
}

function outcomeRow(m: repo.Meeting, v: Verdict): MeetingOutcomeRow | null {
  if (v.deadline === null) return null;
  return {
    meetingId: m.id,
    boardUnitId: m.boardUnitId,
    boardName: m.boardName,
    meetingDate: m.meetingDate,
    deadline: v.deadline,
    outcome: v.outcome,
    publishedDate: v.publishedDate,
  };
}

function byDeadline(a: MeetingOutcomeRow, b: MeetingOutcomeRow): number {
  return a.deadline.localeCompare(b.deadline) || a.boardName.localeCompare(b.boardName, 'sv');
}
