// Public page of the boards' meetings and the same data as open data (JSON, CSV). The static
// second segment ("meetings", "meetings.json") wins over the portal's `/:tenant` in Fastify.
import { Type } from 'typebox';
import { type App, type AppContext, publicReads, todayOf } from '../../http/context.ts';
import { toCsv } from '../../http/csv.ts';
import { Year } from '../../http/input.ts';
import { renderPage } from '../../web/render.ts';
import { html } from '../../web/staff.ts';
import { publicLang } from '../portal/portal.routes.ts';
import { requireTenant } from '../tenants/tenants.service.ts';
import { PublicMeetingsPage } from './meetings.public.tsx';
import { DEFAULT_DOCUMENT_DAYS_BEFORE, DEFAULT_MINUTES_WORKING_DAYS } from './meetings.rules.ts';
import { type MeetingView, meetingYears, publicMeetingsOfYear } from './meetings.service.ts';

// Null first: with type coercion on, Ajv would otherwise turn null into "" for the string branch.
const NullableString = () => Type.Union([Type.Null(), Type.String()]);
const Outcome = Type.Enum(['met', 'missed', 'pending'] as const);
const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;
const PublicQuery = Type.Object({
  year: Type.Optional(Year()),
  lang: Type.Optional(Type.String()),
});
const TenantParams = Type.Object({ tenant: Type.String() });

export function registerPublicMeetingRoutes(app: App, ctx: AppContext): void {
  const db = publicReads(ctx);
  async function publicData(params: { tenant: string }, query: { year?: number }) {
    if (!SLUG.test(params.tenant)) return undefined;
    const tenant = await requireTenant(db, params.tenant);
    const year = query.year ?? Number(todayOf(ctx).slice(0, 4));
    const [boards, years] = await Promise.all([publicMeetingsOfYear(db, tenant.id, year), meetingYears(db, tenant.id)]);
    return { tenant, year, years, boards };
  }

  app.get('/:tenant/meetings', { schema: { params: TenantParams, querystring: PublicQuery } }, async (request, reply) => {
    const data = await publicData(request.params, request.query);
    if (!data) return reply.callNotFound();
    const lang = publicLang(request, reply, data.tenant.defaultLanguage);
    return html(reply, renderPage(PublicMeetingsPage({ lang, ...data })));
  });

  const OpenMeeting = Type.Object({
    id: Type.String(),
    date: Type.String(),
    startsAt: NullableString(),
    title: NullableString(),
    documentsPublishedAt: NullableString(),
    documentsDeadline: NullableString(),
    documentsDaysBefore: Type.Union([Type.Integer(), Type.Null()]),
    documentsOutcome: Outcome,
    minutesApprovedDate: NullableString(),
    minutesDeadline: NullableString(),
    minutesPublishedAt: NullableString(),
    minutesWorkingDaysAfter: Type.Union([Type.Integer(), Type.Null()]),
    minutesOutcome: Outcome,
  });
  const openMeeting = (m: MeetingView) => ({
    id: m.id,
    date: m.meetingDate,
    startsAt: m.startsAt,
    title: m.title,
    documentsPublishedAt: m.documentsPublishedAt?.toISOString() ?? null,
    documentsDeadline: m.documents.deadline,
    documentsDaysBefore: m.documents.daysBefore,
    documentsOutcome: m.documents.outcome,
    minutesApprovedDate: m.minutesApprovedDate,
    minutesDeadline: m.minutes.deadline,
    minutesPublishedAt: m.minutesPublishedAt?.toISOString() ?? null,
    minutesWorkingDaysAfter: m.minutes.workingDaysAfter,
    minutesOutcome: m.minutes.outcome,
  });

  app.get(
    '/:tenant/meetings.json',
    {
      schema: {
        params: TenantParams,
        querystring: PublicQuery,
        response: {
          200: Type.Object({
            municipality: Type.String(),
            year: Type.Integer(),
            rules: Type.Object({ documentsDaysBefore: Type.Integer(), minutesWorkingDaysAfterApproval: Type.Integer() }),
            boards: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), meetings: Type.Array(OpenMeeting) })),
          }),
        },
      },
    },
    async (request, reply) => {
      const data = await publicData(request.params, request.query);
      if (!data) return reply.callNotFound();
      reply.header('access-control-allow-origin', '*');
      return {
        municipality: data.tenant.name,
        year: data.year,
        rules: { documentsDaysBefore: DEFAULT_DOCUMENT_DAYS_BEFORE, minutesWorkingDaysAfterApproval: DEFAULT_MINUTES_WORKING_DAYS },
        boards: data.boards.map((b) => ({ id: b.board.id, name: b.board.name, meetings: b.meetings.map(openMeeting) })),
      };
    },
  );

  app.get('/:tenant/meetings.csv', { schema: { params: TenantParams, querystring: PublicQuery } }, async (request, reply) => {
    const data = await publicData(request.params, request.query);
    if (!data) return reply.callNotFound();
    const rows = data.boards.flatMap((b) => b.meetings.map((m) => ({ board: b.board.name, boardId: b.board.id, ...openMeeting(m) })));
    const csv = toCsv(rows, {
      header: true,
      columns: [
        'board',
        'boardId',
        'id',
        'date',
        'startsAt',
        'title',
        'documentsPublishedAt',
        'documentsDeadline',
        'documentsDaysBefore',
        'documentsOutcome',
        'minutesApprovedDate',
        'minutesDeadline',
        'minutesPublishedAt',
        'minutesWorkingDaysAfter',
        'minutesOutcome',
      ],
    });
    return reply
      .header('access-control-allow-origin', '*')
      .header('content-disposition', `inline; filename="${data.tenant.slug}-meetings-${data.year}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(csv);
  });
}
