import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { CalendarDate, yearParam } from '../../http/input.ts';
import { renderPage } from '../../web/render.ts';
import { addStaffNav, html, staffContext, takeFlash } from '../../web/staff.ts';
import { localDate } from '../calendar/calendar.ts';
import { toLocalInput } from '../calendar/local-time.ts';
import { uuidOr404 } from '../org/org.routes.ts';
import { listUnits } from '../org/org.service.ts';
import { importMeetingsCsv } from './meetings.import.ts';
import { registerPublicMeetingRoutes } from './meetings.public.routes.ts';
import {
  boardsWritableBy,
  createMeeting,
  getMeeting,
  listMeetings,
  type MeetingView,
  meetingYears,
  updateMeeting,
} from './meetings.service.ts';
import { MeetingFormPage, type MeetingFormValues, MeetingImportPage, MeetingsListPage } from './meetings.views.tsx';

// Null first: with type coercion on, Ajv would otherwise turn null into "" for the string branch.
const NullableString = (options: Parameters<typeof Type.String>[0] = {}) => Type.Union([Type.Null(), Type.String(options)]);
const Outcome = Type.Enum(['met', 'missed', 'pending'] as const);

const MeetingOut = Type.Object({
  id: Type.String({ format: 'uuid' }),
  boardUnitId: Type.String({ format: 'uuid' }),
  boardName: Type.String(),
  meetingDate: Type.String({ description: 'Local date YYYY-MM-DD' }),
  startsAt: NullableString({ description: 'Local time HH:MM' }),
  title: NullableString(),
  registrationNumber: NullableString(),
  documentsPublishedAt: NullableString({ format: 'date-time' }),
  minutesApprovedDate: NullableString({ description: 'Date of approval (justering), YYYY-MM-DD' }),
  minutesPublishedAt: NullableString({ format: 'date-time' }),
  documents: Type.Object({
    deadline: NullableString({ description: 'Last local date on which publication is on time' }),
    outcome: Outcome,
    publishedDate: NullableString(),
    daysBefore: Type.Union([Type.Integer(), Type.Null()]),
  }),
  minutes: Type.Object({
    deadline: NullableString(),
    outcome: Outcome,
    publishedDate: NullableString(),
    workingDaysAfter: Type.Union([Type.Integer(), Type.Null()]),
  }),
});

const PUBLICATION = 'ISO 8601 instant (2026-03-10T13:00:00Z) or Stockholm local time (2026-03-10 14:00); null clears';
const bodyFields = {
  boardUnitId: Type.String({ format: 'uuid', description: 'An org unit of kind board' }),
  // The service checks the date (CalendarDate) with the other fields, so every error is reported at once.
  meetingDate: Type.String({ description: 'YYYY-MM-DD' }),
  startsAt: Type.Optional(NullableString({ description: 'Local time HH:MM' })),
  title: Type.Optional(NullableString({ maxLength: 200 })),
  registrationNumber: Type.Optional(NullableString({ maxLength: 60 })),
  documentsPublishedAt: Type.Optional(NullableString({ description: PUBLICATION })),
  minutesApprovedDate: Type.Optional(NullableString({ description: 'YYYY-MM-DD' })),
  minutesPublishedAt: Type.Optional(NullableString({ description: PUBLICATION })),
};
const MeetingBody = Type.Object(bodyFields, { additionalProperties: false });
const MeetingPatch = Type.Object(
  { ...bodyFields, boardUnitId: Type.Optional(bodyFields.boardUnitId), meetingDate: Type.Optional(bodyFields.meetingDate) },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

function present(m: MeetingView) {
  return {
    ...m,
    documentsPublishedAt: m.documentsPublishedAt?.toISOString() ?? null,
    minutesPublishedAt: m.minutesPublishedAt?.toISOString() ?? null,
  };
}

/** Form fields as the service wants them: blank means "not set". */
function fromForm(body: Record<string, string>): MeetingFormValues {
  const pick = (k: keyof MeetingFormValues) => (typeof body[k] === 'string' ? body[k] : '');
  return {
    boardUnitId: pick('boardUnitId'),
    meetingDate: pick('meetingDate'),
    startsAt: pick('startsAt'),
    title: pick('title'),
    registrationNumber: pick('registrationNumber'),
    documentsPublishedAt: pick('documentsPublishedAt'),
    minutesApprovedDate: pick('minutesApprovedDate'),
    minutesPublishedAt: pick('minutesPublishedAt'),
  };
}

function toInput(values: MeetingFormValues) {
  const orNull = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : null);
  return {
    boardUnitId: values.boardUnitId ?? '',
    meetingDate: values.meetingDate ?? '',
    startsAt: orNull(values.startsAt),
    title: orNull(values.title),
    registrationNumber: orNull(values.registrationNumber),
    documentsPublishedAt: orNull(values.documentsPublishedAt),
    minutesApprovedDate: orNull(values.minutesApprovedDate),
    minutesPublishedAt: orNull(values.minutesPublishedAt),
  };
}

function formValues(m: MeetingView): MeetingFormValues {
  return {
    boardUnitId: m.boardUnitId,
    meetingDate: m.meetingDate,
    startsAt: m.startsAt ?? '',
    title: m.title ?? '',
    registrationNumber: m.registrationNumber ?? '',
    documentsPublishedAt: m.documentsPublishedAt ? toLocalInput(m.documentsPublishedAt) : '',
    minutesApprovedDate: m.minutesApprovedDate ?? '',
    minutesPublishedAt: m.minutesPublishedAt ? toLocalInput(m.minutesPublishedAt) : '',
  };
}

export function registerMeetingRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;
  addStaffNav({ href: '/staff/meetings', label: 'Sammanträden', order: 40, roles: ['secretary', 'admin', 'quality'] });

  // JSON API.
  app.get(
    '/api/v1/meetings',
    {
      schema: {
        summary: 'Board meetings with publication verdicts (any staff role)',
        tags: ['meetings'],
        security: [{ bearer: [] }],
        querystring: Type.Object({
          board: Type.Optional(Type.String({ format: 'uuid', description: 'Board (org unit) id' })),
          from: Type.Optional(CalendarDate({ description: 'Meeting date from, inclusive' })),
          to: Type.Optional(CalendarDate({ description: 'Meeting date to, inclusive' })),
        }),
        response: { 200: Type.Object({ meetings: Type.Array(MeetingOut) }) },
      },
    },
    async (request) => {
      const { board, from, to } = request.query;
      const meetings = await listMeetings(requireActor(request), { boardUnitId: board, from, to }, { db });
      return { meetings: meetings.map(present) };
    },
  );

  app.get(
    '/api/v1/meetings/:id',
    {
      schema: {
        summary: 'One meeting (any staff role)',
        tags: ['meetings'],
        security: [{ bearer: [] }],
        params: IdParams,
        response: { 200: MeetingOut },
      },
    },
    async (request) => present(await getMeeting(requireActor(request), request.params.id, { db })),
  );

  app.post(
    '/api/v1/meetings',
    {
      schema: {
        summary: 'Register a meeting (role secretary for the board, or admin)',
        tags: ['meetings'],
        security: [{ bearer: [] }],
        body: MeetingBody,
        response: { 201: MeetingOut },
      },
    },
    async (request, reply) => reply.status(201).send(present(await createMeeting(requireActor(request), request.body, { db }))),
  );

  app.patch(
    '/api/v1/meetings/:id',
    {
      schema: {
        summary: 'Change a meeting: record publication of documents, approval and publication of minutes (role secretary or admin)',
        tags: ['meetings'],
        security: [{ bearer: [] }],
        params: IdParams,
        body: MeetingPatch,
        response: { 200: MeetingOut },
      },
    },
    async (request) => present(await updateMeeting(requireActor(request), request.params.id, request.body, { db })),
  );

  // Staff pages.
  app.get('/staff/meetings', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const query = request.query as { board?: string; year?: string };
    const year = yearParam(query.year) ?? Number(localDate(new Date()).slice(0, 4));
    const units = await listUnits(db, actor.tenantId);
    const boards = units.filter((u) => u.kind === 'board');
    const boardId = boards.some((b) => b.id === query.board) ? (query.board ?? '') : '';
    const [meetings, years] = await Promise.all([
      listMeetings(actor, { boardUnitId: boardId || undefined, from: `${year}-01-01`, to: `${year}-12-31` }, { db }),
      meetingYears(db, actor.tenantId),
    ]);
    const writableBoardIds = boardsWritableBy(actor, units).map((b) => b.id);
    return html(
      reply,
      renderPage(MeetingsListPage({ session, boards, writableBoardIds, boardId, year, years, meetings, flash: takeFlash(request) })),
    );
  });

  const writable = async (request: FastifyRequest) => {
    const actor = requireActor(request);
    return boardsWritableBy(actor, await listUnits(db, actor.tenantId));
  };

  app.get('/staff/meetings/new', async (request, reply) => {
    const { session } = staffContext(request, reply);
    const boards = await writable(request);
    const board = (request.query as { board?: string }).board;
    // Only a board chosen on the list page is preselected: a meeting is never filed under a board
    // the secretary did not pick (the form used to preselect the only writable board).
    const values: MeetingFormValues = { boardUnitId: boards.some((b) => b.id === board) ? board : '' };
    return html(reply, renderPage(MeetingFormPage({ session, boards, errors: [], values })));
  });

  app.post('/staff/meetings/new', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const values = fromForm((request.body ?? {}) as Record<string, string>);
    try {
      const meeting = await createMeeting(actor, toInput(values), { db });
      request.session.flash = `Sammanträdet ${meeting.boardName} ${meeting.meetingDate} har registrerats.`;
      return reply.redirect(`/staff/meetings?board=${meeting.boardUnitId}&year=${meeting.meetingDate.slice(0, 4)}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const boards = await writable(request);
      return html(reply, renderPage(MeetingFormPage({ session, boards, errors: error.fields, values })), error.status);
    }
  });

  app.get('/staff/meetings/import', async (request, reply) => {
    const { session } = staffContext(request, reply);
    return html(reply, renderPage(MeetingImportPage({ session, errors: [], text: '' })));
  });

  app.post('/staff/meetings/import', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const text = String((request.body as { csv?: unknown } | undefined)?.csv ?? '');
    try {
      const { created, updated } = await importMeetingsCsv(actor, text, { db });
      request.session.flash = `Importen är klar: ${created} nya och ${updated} uppdaterade sammanträden.`;
      return reply.redirect('/staff/meetings', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      return html(reply, renderPage(MeetingImportPage({ session, errors: error.fields, text })), error.status);
    }
  });

  app.get('/staff/meetings/:id', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const meeting = await getMeeting(actor, uuidOr404((request.params as { id: string }).id), { db });
    const boards = await writable(request);
    if (!boards.some((b) => b.id === meeting.boardUnitId))
      throw new AppError('forbidden', 'Du får inte ändra sammanträden för den här nämnden.');
    return html(reply, renderPage(MeetingFormPage({ session, meeting, boards, errors: [], values: formValues(meeting) })));
  });

  app.post('/staff/meetings/:id', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const meeting = await getMeeting(actor, uuidOr404((request.params as { id: string }).id), { db });
    const values = fromForm((request.body ?? {}) as Record<string, string>);
    try {
      const saved = await updateMeeting(actor, meeting.id, toInput(values), { db });
      request.session.flash = `Sammanträdet ${saved.boardName} ${saved.meetingDate} har sparats.`;
      return reply.redirect(`/staff/meetings?board=${saved.boardUnitId}&year=${saved.meetingDate.slice(0, 4)}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const boards = await writable(request);
      return html(reply, renderPage(MeetingFormPage({ session, meeting, boards, errors: error.fields, values })), error.status);
    }
  });
  registerPublicMeetingRoutes(app, ctx);
}
