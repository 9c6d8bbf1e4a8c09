// Board meetings: when documents and minutes were published, and whether that kept the rules
// of meetings.rules.ts. Other modules (promises) measure through meetingDocumentOutcomes and
// meetingMinutesOutcomes.
import { Type } from 'typebox';
import type { Db } from '../../db/database.ts';
import { AppError, type FieldError, forbidden, invalid, notFound } from '../../http/errors.ts';
import { Text } from '../../http/input.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { ROLES } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { type TenantCalendar, tenantCalendar } from '../calendar/calendar.service.ts';
import { isValidLocalDate, type LocalDate, localDate } from '../calendar/calendar.ts';
import { parsePublicationTime, parseTimeOfDay } from '../calendar/local-time.ts';
import { listUnits, type OrgUnit } from '../org/org.service.ts';
import { canWriteBoard } from './meetings.access.ts';
import * as repo from './meetings.repo.ts';
import {
  DEFAULT_DOCUMENT_DAYS_BEFORE,
  DEFAULT_MINUTES_WORKING_DAYS,
  documentsDaysBefore,
  documentsVerdict,
  minutesVerdict,
  type Verdict,
} from './meetings.rules.ts';

export { boardsWritableBy, canWriteBoard } from './meetings.access.ts';
// The promises module measures meetings through these two; they live in meetings.outcomes.ts.
export { type MeetingOutcomeRow, meetingDocumentOutcomes, meetingMinutesOutcomes, type OutcomeRange } from './meetings.outcomes.ts';
export type { Meeting } from './meetings.repo.ts';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]));

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';

export const MeetingInput = Type.Object(
  {
    boardUnitId: Type.String({ format: 'uuid' }),
    // Dates are checked against the calendar in checkMeeting, with the other fields, so every error comes at once.
    meetingDate: Type.String({ pattern: DATE }),
    startsAt: nullable(Type.String({ pattern: '^\\d{1,2}:\\d{2}(:\\d{2})?$' })),
    title: nullable(Text({ max: 200 })),
    registrationNumber: nullable(Text({ max: 60 })),
    documentsPublishedAt: nullable(Text({ max: 40 })),
    minutesApprovedDate: nullable(Type.String({ pattern: DATE })),
    minutesPublishedAt: nullable(Text({ max: 40 })),
  },
  { additionalProperties: false },
);
export type MeetingInput = Type.Static<typeof MeetingInput>;

export const MESSAGES: Record<string, string> = {
  boardUnitId: 'Välj vilken nämnd sammanträdet hör till.',
  meetingDate: 'Ange sammanträdesdatum som ÅÅÅÅ-MM-DD.',
  startsAt: 'Ange starttid som TT:MM, till exempel 13:00.',
  title: 'Rubriken får ha högst 200 tecken.',
  registrationNumber: 'Diarienumret får ha högst 60 tecken.',
  documentsPublishedAt: 'Ange när handlingarna publicerades som ÅÅÅÅ-MM-DD TT:MM.',
  minutesApprovedDate: 'Ange justeringsdatum som ÅÅÅÅ-MM-DD.',
  minutesPublishedAt: 'Ange när protokollet publicerades som ÅÅÅÅ-MM-DD TT:MM.',
};

const NO_BOARD = 'Välj vilken nämnd sammanträdet hör till.';
const FUTURE_DOCUMENTS = 'Tidpunkten ligger i framtiden. Ange när handlingarna faktiskt publicerades, eller lämna fältet tomt.';
const FUTURE_MINUTES = 'Tidpunkten ligger i framtiden. Ange när protokollet faktiskt publicerades, eller lämna fältet tomt.';
const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface MeetingView extends repo.Meeting {
  documents: Verdict & { daysBefore: number | null };
  minutes: Verdict & { workingDaysAfter: number | null };
}

export interface Rules {
  daysBefore: number;
  workingDays: number;
  today: LocalDate;
  calendar: TenantCalendar;
}

export async function loadRules(db: Db, tenantId: string, today: LocalDate = localDate(new Date())): Promise<Rules> {
  return {
    daysBefore: DEFAULT_DOCUMENT_DAYS_BEFORE,
    workingDays: DEFAULT_MINUTES_WORKING_DAYS,
    today,
    calendar: await tenantCalendar(db, tenantId),
  };
}

export function withVerdicts(meeting: repo.Meeting, rules: Rules): MeetingView {
  const documents = documentsVerdict(meeting, rules);
  const minutes = minutesVerdict(meeting, rules);
  return {
    ...meeting,
    documents: {
      ...documents,
      daysBefore: meeting.documentsPublishedAt ? documentsDaysBefore(meeting.meetingDate, meeting.documentsPublishedAt) : null,
    },
    minutes: {
      ...minutes,
      workingDaysAfter:
        meeting.minutesApprovedDate && minutes.publishedDate
          ? rules.calendar.workingDaysBetween(meeting.minutesApprovedDate, minutes.publishedDate)
          : null,
    },
  };
}

/** Boards (org units of kind 'board') of a tenant, by name. */
export async function listBoards(db: Db, tenantId: string): Promise<OrgUnit[]> {
  return (await listUnits(db, tenantId)).filter((u) => u.kind === 'board');
}

/** Any staff role may read meetings. */
function requireReader(actor: Actor): void {
  requireAnyRole(actor, ROLES);
}

export async function listMeetings(
  actor: Actor,
  filter: { boardUnitId?: string; from?: string; to?: string },
  { db, today }: { db: Db; today?: LocalDate },
): Promise<MeetingView[]> {
  requireReader(actor);
  const meetings = await repo.listMeetings(db, actor.tenantId, {
    boardUnitIds: filter.boardUnitId ? [filter.boardUnitId] : undefined,
    from: filter.from,
    to: filter.to,
  });
  const rules = await loadRules(db, actor.tenantId, today);
  return meetings.map((m) => withVerdicts(m, rules));
}

export async function getMeeting(actor: Actor, id: string, { db, today }: { db: Db; today?: LocalDate }): Promise<MeetingView> {
  requireReader(actor);
  const meeting = await repo.findMeeting(db, actor.tenantId, id);
  if (!meeting) throw notFound('Sammanträdet');
  return withVerdicts(meeting, await loadRules(db, actor.tenantId, today));
}

interface CheckedMeeting {
  boardUnitId: string;
  meetingDate: string;
  values: Required<repo.MeetingValues>;
}

const blankToNull = (value: string | null | undefined) =>
  value === undefined || value === null || value.trim() === '' ? null : value.trim();

/**
 * Everything about one meeting that a schema cannot say: real dates, a board of this tenant,
 * approval not before the meeting, minutes not published before approval. Returns field errors.
 */
export function checkMeeting(
  input: MeetingInput,
  boards: readonly OrgUnit[],
  now: Date = new Date(),
): { errors: FieldError[]; value?: CheckedMeeting } {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  // A publication is recorded after it happened; a time ahead of now would count as on time in advance.
  const future = (at: Date | null | undefined) => at instanceof Date && at.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS;
  if (blankToNull(input.boardUnitId) === null) fail('boardUnitId', NO_BOARD);
  else if (!boards.some((b) => b.id === input.boardUnitId)) fail('boardUnitId', 'Nämnden finns inte. Välj en styrelse eller nämnd.');
  if (!isValidLocalDate(input.meetingDate)) fail('meetingDate', 'Sammanträdesdatumet finns inte i kalendern.');
  const startsAtText = blankToNull(input.startsAt);
  const startsAt = startsAtText === null ? null : parseTimeOfDay(startsAtText);
  if (startsAt === undefined) fail('startsAt', MESSAGES.startsAt);
  const documentsText = blankToNull(input.documentsPublishedAt);
  const documentsPublishedAt = documentsText === null ? null : parsePublicationTime(documentsText);
  if (documentsPublishedAt === undefined) fail('documentsPublishedAt', MESSAGES.documentsPublishedAt);
  else if (future(documentsPublishedAt)) fail('documentsPublishedAt', FUTURE_DOCUMENTS);
  const approved = blankToNull(input.minutesApprovedDate);
  if (approved !== null && !isValidLocalDate(approved)) fail('minutesApprovedDate', 'Justeringsdatumet finns inte i kalendern.');
  else if (approved !== null && isValidLocalDate(input.meetingDate) && approved < input.meetingDate) {
    fail('minutesApprovedDate', 'Protokollet kan inte justeras före sammanträdet.');
  }
  const minutesText = blankToNull(input.minutesPublishedAt);
  const minutesPublishedAt = minutesText === null ? null : parsePublicationTime(minutesText);
  if (minutesPublishedAt === undefined) fail('minutesPublishedAt', MESSAGES.minutesPublishedAt);
  else if (future(minutesPublishedAt)) fail('minutesPublishedAt', FUTURE_MINUTES);
  else if (minutesPublishedAt && approved === null) {
    fail('minutesApprovedDate', 'Ange justeringsdatum när protokollet är publicerat.');
  } else if (minutesPublishedAt && approved !== null && isValidLocalDate(approved) && localDate(minutesPublishedAt) < approved) {
    fail('minutesPublishedAt', 'Protokollet kan inte publiceras före justeringen.');
  }
  if (errors.length > 0 || startsAt === undefined || documentsPublishedAt === undefined || minutesPublishedAt === undefined) {
    return { errors };
  }
  return {
    errors,
    value: {
      boardUnitId: input.boardUnitId,
      meetingDate: input.meetingDate,
      values: {
        startsAt,
        title: blankToNull(input.title),
        registrationNumber: blankToNull(input.registrationNumber),
        documentsPublishedAt,
        minutesApprovedDate: approved,
        minutesPublishedAt,
      },
    },
  };
}

function duplicate(cause?: unknown): AppError {
  return new AppError('conflict', 'Nämnden har redan ett sammanträde det datumet.', {
    fields: [{ field: 'meetingDate', message: 'Nämnden har redan ett sammanträde det datumet.' }],
    cause,
  });
}

export const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

async function prepare(actor: Actor, input: unknown, db: Db): Promise<CheckedMeeting> {
  requireAnyRole(actor, ['secretary', 'admin']);
  const value = validate(MeetingInput, input, MESSAGES);
  const units = await listUnits(db, actor.tenantId);
  const { errors, value: checked } = checkMeeting(
    value,
    units.filter((u) => u.kind === 'board'),
  );
  if (!checked) throw invalid(errors);
  if (!canWriteBoard(actor, checked.boardUnitId, units)) throw forbidden();
  return checked;
}

/** Registers a meeting (role secretary covering the board, or admin). */
export async function createMeeting(actor: Actor, input: unknown, { db }: { db: Db }): Promise<MeetingView> {
  const checked = await prepare(actor, input, db);
  if (await repo.findMeetingByBoardDate(db, actor.tenantId, checked.boardUnitId, checked.meetingDate)) throw duplicate();
  let id: string;
  try {
    id = await db.transaction().execute(async (trx) => {
      const newId = await repo.insertMeeting(trx, actor.tenantId, checked, checked.values);
      await recordAudit(trx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'create',
        entity: 'meeting',
        entityId: newId,
        data: { boardUnitId: checked.boardUnitId, meetingDate: checked.meetingDate, ...checked.values },
      });
      return newId;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(error);
    throw error;
  }
  return getMeeting(actor, id, { db });
}

/** The input a stored meeting would be sent as: the base a patch is applied to. */
function asInput(existing: repo.Meeting): MeetingInput {
  return {
    boardUnitId: existing.boardUnitId,
    meetingDate: existing.meetingDate,
    startsAt: existing.startsAt,
    title: existing.title,
    registrationNumber: existing.registrationNumber,
    documentsPublishedAt: existing.documentsPublishedAt?.toISOString() ?? null,
    minutesApprovedDate: existing.minutesApprovedDate,
    minutesPublishedAt: existing.minutesPublishedAt?.toISOString() ?? null,
  };
}

/**
 * Changes a meeting: `input` holds only the fields to change (null clears a field). The patch is
 * applied to the meeting as read under a row lock inside the transaction, so two secretaries
 * recording documents and minutes at the same time both keep their change; taking a board and
 * date another meeting holds is a 409.
 */
export async function updateMeeting(actor: Actor, id: string, input: unknown, { db }: { db: Db }): Promise<MeetingView> {
  requireAnyRole(actor, ['secretary', 'admin']);
  const patch = typeof input === 'object' && input !== null ? input : {};
  try {
    await db.transaction().execute(async (trx) => {
      if (!(await repo.lockMeeting(trx, actor.tenantId, id))) throw notFound('Sammanträdet');
      const existing = await repo.findMeeting(trx, actor.tenantId, id);
      if (!existing) throw notFound('Sammanträdet');
      const units = await listUnits(trx, actor.tenantId);
      if (!canWriteBoard(actor, existing.boardUnitId, units)) throw forbidden();
      const current = asInput(existing);
      const checked = await prepare(actor, { ...current, ...patch }, trx);
      const other = await repo.findMeetingByBoardDate(trx, actor.tenantId, checked.boardUnitId, checked.meetingDate);
      if (other && other.id !== id) throw duplicate();
      await repo.updateMeeting(trx, actor.tenantId, id, {
        ...checked.values,
        boardUnitId: checked.boardUnitId,
        meetingDate: checked.meetingDate,
      });
      await recordAudit(trx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'update',
        entity: 'meeting',
        entityId: id,
        data: { before: current, after: { boardUnitId: checked.boardUnitId, meetingDate: checked.meetingDate, ...checked.values } },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(error);
    throw error;
  }
  return getMeeting(actor, id, { db });
}

/** Years with meetings, newest first (for year pickers). */
export function meetingYears(db: Db, tenantId: string): Promise<number[]> {
  return repo.meetingYears(db, tenantId);
}

export interface BoardMeetings {
  board: { id: string; name: string };
  meetings: MeetingView[];
}

/** Public: every board's meetings of a year with their verdicts (meeting publication is public information). */
export async function publicMeetingsOfYear(db: Db, tenantId: string, year: number, today?: LocalDate): Promise<BoardMeetings[]> {
  const [boards, meetings, rules] = await Promise.all([
    listBoards(db, tenantId),
    repo.listMeetings(db, tenantId, { from: `${year}-01-01`, to: `${year}-12-31` }),
    loadRules(db, tenantId, today),
  ]);
  return boards
    .map((b) => ({
      board: { id: b.id, name: b.name },
      meetings: meetings.filter((m) => m.boardUnitId === b.id).map((m) => withVerdicts(m, rules)),
    }))
    .filter((b) => b.meetings.length > 0);
}
