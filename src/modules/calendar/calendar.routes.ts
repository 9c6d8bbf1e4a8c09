import { Type } from 'typebox';
import type { App, AppContext } from '../../http/context.ts';
import type { FieldError } from '../../http/errors.ts';
import { AppError } from '../../http/errors.ts';
import { CalendarDate, Year } from '../../http/input.ts';
import { renderPage } from '../../web/render.ts';
import { html, staffContext, takeFlash } from '../../web/staff.ts';
import { requireTenant } from '../tenants/tenants.service.ts';
import { addClosedDay, daysOffOfYear, listClosedDays, removeClosedDay, tenantCalendar } from './calendar.service.ts';
import { isValidLocalDate } from './calendar.ts';
import { CalendarPage } from './calendar.views.tsx';

const TenantSlug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$', description: 'Tenant slug: adds its closed days' });
const DayOff = Type.Object({ date: Type.String(), name: Type.String() });

function badDate(field: string): AppError {
  return new AppError('validation', `${field} är inget giltigt datum (ÅÅÅÅ-MM-DD).`, {
    fields: [{ field, message: `${field} är inget giltigt datum (ÅÅÅÅ-MM-DD)` }],
  });
}

export function registerCalendarRoutes(app: App, { db }: AppContext): void {
  app.get(
    '/api/v1/calendar/holidays',
    {
      schema: {
        summary: 'Swedish public holidays and eves of a year (and a tenant’s closed days)',
        tags: ['calendar'],
        querystring: Type.Object({
          year: Year(),
          tenant: Type.Optional(TenantSlug),
        }),
        response: { 200: Type.Object({ year: Type.Integer(), days: Type.Array(DayOff) }) },
      },
    },
    async (request) => {
      const { year, tenant } = request.query;
      const tenantId = tenant ? (await requireTenant(db, tenant)).id : undefined;
      return { year, days: await daysOffOfYear(db, year, tenantId) };
    },
  );

  app.get(
    '/api/v1/calendar/add-working-days',
    {
      schema: {
        summary: 'The N-th working day strictly after a date (N = 0: the date itself)',
        tags: ['calendar'],
        querystring: Type.Object({
          date: CalendarDate(),
          days: Type.Integer({ minimum: 0, maximum: 3650 }),
          tenant: Type.Optional(TenantSlug),
        }),
        response: { 200: Type.Object({ date: Type.String(), days: Type.Integer(), result: Type.String() }) },
      },
    },
    async (request) => {
      const { date, days, tenant } = request.query;
      if (!isValidLocalDate(date) || date < '1900-01-01' || date > '2200-12-31') throw badDate('date');
      const tenantId = tenant ? (await requireTenant(db, tenant)).id : undefined;
      const calendar = await tenantCalendar(db, tenantId);
      return { date, days, result: calendar.addWorkingDays(date, days) };
    },
  );

  app.get('/staff/calendar', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const year = new Date().getFullYear();
    const [closed, holidays] = await Promise.all([listClosedDays(db, actor.tenantId), daysOffOfYear(db, year)]);
    return html(
      reply,
      renderPage(CalendarPage({ session, actor, closed, holidays, year, flash: takeFlash(request), errors: [], values: {} })),
    );
  });

  app.post('/staff/calendar/closed-days', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const body = (request.body ?? {}) as Record<string, string>;
    const values = { date: body.date ?? '', name: body.name ?? '' };
    try {
      await addClosedDay(actor, values, { db });
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const year = new Date().getFullYear();
      const [closed, holidays] = await Promise.all([listClosedDays(db, actor.tenantId), daysOffOfYear(db, year)]);
      const errors: FieldError[] = error.fields;
      return html(reply, renderPage(CalendarPage({ session, actor, closed, holidays, year, errors, values })), 400);
    }
    request.session.flash = `${values.date} är nu en stängd dag.`;
    return reply.redirect('/staff/calendar', 303);
  });

  app.post('/staff/calendar/closed-days/:date/delete', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const { date } = request.params as { date: string };
    if (!isValidLocalDate(date)) throw badDate('date');
    await removeClosedDay(actor, date, { db });
    request.session.flash = `${date} är inte längre en stängd dag.`;
    return reply.redirect('/staff/calendar', 303);
  });
}
