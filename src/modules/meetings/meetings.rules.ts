// The publication rules of board meetings, as pure functions (no database, no clock).
//
// Norrtälje's service policy: "Senast 6 dagar före nämndernas sammanträden publiceras
// handlingarna" and "Senast 1 arbetsdag efter justering publiceras protokoll". Both are
// measured on LOCAL (Europe/Stockholm) dates: what counts is the calendar day in Sweden on
// which something was published, not the UTC instant.
import { addCalendarDays, type LocalDate, localDate } from '../calendar/calendar.ts';

/** Norrtälje's policy: documents at least 6 days before the meeting. */
export const DEFAULT_DOCUMENT_DAYS_BEFORE = 6;
/** Norrtälje's policy: minutes at most 1 working day after approval (justering). */
export const DEFAULT_MINUTES_WORKING_DAYS = 1;

/**
 * met: published by the deadline. missed: published late, or not published and the deadline
 * has passed. pending: not published and the deadline is today or later (not measured yet).
 */
export type Outcome = 'met' | 'missed' | 'pending';

export interface Verdict {
  /** Last local date on which publication is on time; null when it cannot be known yet. */
  deadline: LocalDate | null;
  outcome: Outcome;
  /** Local date of publication, when published. */
  publishedDate: LocalDate | null;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The last local date on which the documents may be published. `daysBefore` counts CALENDAR
 * days, not working days: the policy says "sex dagar", and a meeting on a Thursday therefore
 * needs its documents published on the Friday of the week before at the latest.
 */
export function documentsDeadline(meetingDate: LocalDate, daysBefore: number): LocalDate {
  return addCalendarDays(meetingDate, -daysBefore);
}

/** How many calendar days before the meeting the documents came out (negative: after it). */
export function documentsDaysBefore(meetingDate: LocalDate, publishedAt: Date): number {
  return calendarDaysBetween(localDate(publishedAt), meetingDate);
}

function verdict(deadline: LocalDate, publishedAt: Date | null, today: LocalDate): Verdict {
  // A publication dated after today has not happened yet (forms refuse such times; older rows
  // may still have one): it is judged as not published, never as on time in advance.
  if (publishedAt && localDate(publishedAt) <= today) {
    const publishedDate = localDate(publishedAt);
    return { deadline, outcome: publishedDate <= deadline ? 'met' : 'missed', publishedDate };
  }
  // Unpublished: the deadline day itself still allows publication.
  return { deadline, outcome: today > deadline ? 'missed' : 'pending', publishedDate: null };
}

/** On time when the local date of publication is at least `daysBefore` calendar days before the meeting. */
export function documentsVerdict(
  meeting: { meetingDate: LocalDate; documentsPublishedAt: Date | null },
  options: { daysBefore: number; today: LocalDate },
): Verdict {
  return verdict(documentsDeadline(meeting.meetingDate, options.daysBefore), meeting.documentsPublishedAt, options.today);
}

/** The working-day arithmetic the minutes rule needs (a TenantCalendar fits). */
export interface WorkingDayCalendar {
  addWorkingDays(date: LocalDate, days: number): LocalDate;
}

/**
 * The last local date on which the minutes may be published: the `workingDays`-th working day
 * strictly after the approval date (0 = the approval date itself). Publishing on the approval
 * day itself is always on time.
 */
export function minutesDeadline(approvedDate: LocalDate, workingDays: number, calendar: WorkingDayCalendar): LocalDate {
  return calendar.addWorkingDays(approvedDate, workingDays);
}

/**
 * On time when the local date of publication is at most `workingDays` working days after the
 * approval (justering). Without an approval date there is no deadline yet: pending.
 */
export function minutesVerdict(
  meeting: { minutesApprovedDate: LocalDate | null; minutesPublishedAt: Date | null },
  options: { workingDays: number; today: LocalDate; calendar: WorkingDayCalendar },
): Verdict {
  if (!meeting.minutesApprovedDate) {
    return {
      deadline: null,
      outcome: 'pending',
      publishedDate: meeting.minutesPublishedAt ? localDate(meeting.minutesPublishedAt) : null,
    };
  }
  const deadline = minutesDeadline(meeting.minutesApprovedDate, options.workingDays, options.calendar);
  return verdict(deadline, meeting.minutesPublishedAt, options.today);
}
