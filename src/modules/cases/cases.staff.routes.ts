// Staff pages of cases: inbox, intake ("Ny kontakt"), case page with actions, categories and
// statistics. Plain forms, post → redirect → get; errors re-render the form with status 400.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../http/context.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { addStaffNav, html, staffContext, takeFlash } from '../../web/staff.ts';
import { listUsers } from '../accounts/accounts.service.ts';
import { hasAnyRole } from '../accounts/policy.ts';
import { tenantCalendar } from '../calendar/calendar.service.ts';
import { addCalendarDays } from '../calendar/calendar.ts';
import { uuidOr404 } from '../org/org.routes.ts';
import { listUnits, unitPath } from '../org/org.service.ts';
import { CategoriesPage, StatsPage } from './cases.admin.views.tsx';
import { CasePage } from './cases.case.views.tsx';
import { dueState } from './cases.deadline.ts';
import { CASE_CHANNELS, CASE_STATUSES } from './cases.schemas.ts';
import {
  addCaseEvent,
  canActOnCase,
  createCase,
  firstResponseDaysByCategory,
  getCase,
  listCases,
  listUnitFirstResponseDays,
  setUnitFirstResponseDays,
  today,
} from './cases.service.ts';
import { instantToStockholmLocal, stockholmLocalToInstant } from './cases.time.ts';
import { InboxPage, IntakePage, type Values } from './cases.views.tsx';
import { createCategory, getCategory, listCategories, updateCategory } from './categories.service.ts';
import { onTimeChartSvg, statsCsv } from './stats.chart.ts';
import { defaultPeriod, firstResponseStats } from './stats.service.ts';

const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, string>;
const fieldErrorsOf = (error: unknown): FieldError[] => {
  if (error instanceof AppError && (error.fields.length > 0 || error.code === 'conflict')) {
    return error.fields.length > 0 ? error.fields : [{ field: 'kind', message: error.message }];
  }
  throw error;
};

export function registerCaseStaffRoutes(app: App, { db }: AppContext): void {
  addStaffNav({ href: '/staff/cases', label: 'Ärenden', order: 10, roles: ['agent', 'officer', 'quality', 'admin'] });
  addStaffNav({ href: '/staff/cases/new', label: 'Ny kontakt', order: 11, roles: ['agent', 'officer', 'admin'] });
  addStaffNav({ href: '/staff/stats', label: 'Statistik', order: 20 });
  addStaffNav({ href: '/staff/categories', label: 'Kategorier', order: 70, roles: ['admin'] });

  app.get('/staff/cases', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const q = request.query as Record<string, string | undefined>;
    const filters: Values = {
      scope: q.scope === 'mine' ? 'mine' : 'units',
      unit: q.unit && /^[0-9a-f-]{36}$/i.test(q.unit) ? q.unit : '',
      status: q.status === 'all' || (CASE_STATUSES as readonly string[]).includes(q.status ?? '') ? (q.status as string) : 'open',
      category: q.category ?? '',
      channel: (CASE_CHANNELS as readonly string[]).includes(q.channel ?? '') ? (q.channel as string) : '',
    };
    const page = Math.max(1, Number.parseInt(q.page ?? '1', 10) || 1);
    const [result, units, categories, calendar] = await Promise.all([
      listCases(
        actor,
        {
          unitId: filters.unit || undefined,
          status: filters.status === 'all' ? undefined : (filters.status as 'open'),
          assignee: filters.scope === 'mine' ? (actor.userId ?? undefined) : undefined,
          category: filters.category || undefined,
          channel: filters.channel || undefined,
          page,
          pageSize: 50,
        },
        { db },
      ),
      listUnits(db, actor.tenantId),
      listCategories(db, actor.tenantId),
      tenantCalendar(db, actor.tenantId),
    ]);
    const now = today();
    const rows = result.items.map((c) => ({ c, state: dueState(c, now, calendar) }));
    const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
    return html(
      reply,
      renderPage(
        InboxPage({
          session,
          rows,
          total: result.total,
          page,
          pageSize: result.pageSize,
          filters,
          units,
          categories,
          flash: takeFlash(request),
          query,
        }),
      ),
    );
  });

  const intake = async (request: FastifyRequest, reply: FastifyReply, values: Values, errors: FieldError[], status = 200) => {
    const { actor, session } = staffContext(request, reply);
    const [categories, units, days] = await Promise.all([
      listCategories(db, actor.tenantId, { activeOnly: true }),
      listUnits(db, actor.tenantId),
      firstResponseDaysByCategory(db, actor.tenantId),
    ]);
    const options = categories.map((category) => ({
      category,
      unitName: units.find((u) => u.id === category.unitId)?.name ?? '–',
      days: days.get(category.id) ?? 2,
    }));
    return html(reply, renderPage(IntakePage({ session, categories: options, values, errors, flash: takeFlash(request) })), status);
  };

  app.get('/staff/cases/new', async (request, reply) =>
    intake(request, reply, { channel: 'phone', type: 'question', language: 'sv', receivedAt: instantToStockholmLocal(new Date()) }, []),
  );

  app.post('/staff/cases/new', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const b = body(request);
    const values: Values = {
      channel: b.channel ?? '',
      type: b.type ?? '',
      category: b.category ?? '',
      subject: b.subject ?? '',
      message: b.message ?? '',
      'contact.name': b['contact.name'] ?? '',
      'contact.email': b['contact.email'] ?? '',
      'contact.phone': b['contact.phone'] ?? '',
      language: b.language ?? 'sv',
      receivedAt: b.receivedAt ?? '',
      resolved: b.resolved === 'yes' ? 'yes' : '',
      answer: b.answer ?? '',
    };
    const receivedAt = values.receivedAt ? stockholmLocalToInstant(values.receivedAt) : new Date();
    if (!receivedAt)
      return intake(request, reply, values, [{ field: 'receivedAt', message: 'Ange datum och tid då kontakten kom in.' }], 400);
    if (values.resolved && !values.answer.trim()) {
      return intake(request, reply, values, [{ field: 'answer', message: 'Skriv svaret som gavs vid första kontakten.' }], 400);
    }
    const input = {
      type: values.type,
      channel: values.channel,
      category: values.category,
      subject: values.subject || null,
      message: values.message,
      contact: { name: values['contact.name'] || null, email: values['contact.email'] || null, phone: values['contact.phone'] || null },
      language: values.language,
      receivedAt: receivedAt.toISOString(),
      ...(values.resolved ? { resolvedAtFirstContact: { answer: values.answer } } : {}),
    };
    try {
      const { case: c } = await createCase(actor, input, { db });
      const path = await unitPath(db, actor.tenantId, c.unitId);
      request.session.flash = `Ärende ${c.caseNumber} har registrerats${c.status === 'resolved' ? ' och avslutats' : ''}. Återkoppling senast ${c.firstResponseDue} (${c.unitName}).`;
      // The agent may not cover the owning unit; then the next contact follows.
      return reply.redirect(canActOnCase(actor, path) || hasAnyRole(actor, ['agent']) ? `/staff/cases/${c.id}` : '/staff/cases/new', 303);
    } catch (error) {
      const errors = fieldErrorsOf(error).map((e) => ({ ...e, field: e.field === 'resolvedAtFirstContact.answer' ? 'answer' : e.field }));
      return intake(request, reply, values, errors, 400);
    }
  });

  const casePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    failed?: { kind: string; errors: FieldError[]; values: Values },
  ) => {
    const { actor, session } = staffContext(request, reply);
    const c = await getCase(actor, id, { db });
    const [units, users, calendar, path] = await Promise.all([
      listUnits(db, actor.tenantId),
      listUsers(db, actor.tenantId),
      tenantCalendar(db, actor.tenantId),
      unitPath(db, actor.tenantId, c.unitId),
    ]);
    const now = today();
    const start = [c.receivedDate, now].sort()[1]; // the later of two dates
    const workingDays: string[] = [];
    for (let d = addCalendarDays(start, 1); workingDays.length < 30; d = addCalendarDays(d, 1))
      if (calendar.isWorkingDay(d)) workingDays.push(d);
    const page = CasePage({
      session,
      c,
      state: dueState(c, now, calendar),
      units,
      users: users.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name })),
      canAct: canActOnCase(actor, path),
      canChangeDeadline: canActOnCase(actor, path) && hasAnyRole(actor, ['admin', 'quality']),
      workingDays,
      flash: takeFlash(request),
      failed,
    });
    return html(reply, renderPage(page), failed ? 400 : 200);
  };

  app.get('/staff/cases/:id', async (request, reply) => casePage(request, reply, uuidOr404((request.params as { id: string }).id)));

  app.post('/staff/cases/:id/events', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = uuidOr404((request.params as { id: string }).id);
    const b = body(request);
    const kind = b.kind ?? '';
    const input: Record<string, unknown> = { kind };
    if (b.body !== undefined) input.body = b.body;
    if (b.nextFeedbackDate) input.nextFeedbackDate = b.nextFeedbackDate;
    if (b.reason !== undefined) input.reason = b.reason;
    if (b.newDueDate !== undefined) input.newDueDate = b.newDueDate;
    if (kind === 'referred') input.authority = (b.otherAuthority ?? '').trim() || b.authority || '';
    if (kind === 'reassigned') {
      if (b.unitId) input.unitId = b.unitId;
      input.assigneeUserId = b.assigneeUserId || null;
    }
    if (kind === 'next_feedback_promised' && !b.nextFeedbackDate) {
      return casePage(request, reply, id, { kind, errors: [{ field: 'nextFeedbackDate', message: 'Välj en arbetsdag.' }], values: b });
    }
    try {
      await addCaseEvent(actor, id, input, { db });
      request.session.flash = 'Åtgärden har sparats.';
      return reply.redirect(`/staff/cases/${id}`, 303);
    } catch (error) {
      return casePage(request, reply, id, { kind, errors: fieldErrorsOf(error), values: b });
    }
  });

  // Categories (admin).
  const categoryValues = (b: Record<string, string>): Values => ({
    code: (b.code ?? '').trim(),
    name: b.name ?? '',
    nameFi: b.nameFi ?? '',
    nameEn: b.nameEn ?? '',
    unitId: b.unitId ?? '',
    firstResponseDays: (b.firstResponseDays ?? '').trim(),
    active: b.active === 'yes' ? 'yes' : 'no',
  });
  const categoryInput = (v: Values) => ({
    code: v.code,
    name: v.name,
    nameFi: v.nameFi || null,
    nameEn: v.nameEn || null,
    unitId: v.unitId,
    firstResponseDays:
      v.firstResponseDays === '' ? null : /^\d+$/.test(v.firstResponseDays) ? Number(v.firstResponseDays) : v.firstResponseDays,
    active: v.active === 'yes',
  });
  const categoriesPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Values,
    errors: FieldError[],
    editingId?: string,
    unitDays?: { values: Values; errors: FieldError[] },
  ) => {
    const { actor, session } = staffContext(request, reply);
    if (!hasAnyRole(actor, ['admin'])) throw new AppError('forbidden', 'Du har inte behörighet att göra detta.');
    const [categories, units, overrides] = await Promise.all([
      listCategories(db, actor.tenantId),
      listUnits(db, actor.tenantId),
      listUnitFirstResponseDays(db, actor.tenantId),
    ]);
    const editing = editingId ? await getCategory(db, actor.tenantId, editingId) : undefined;
    const page = CategoriesPage({
      session,
      categories,
      units,
      values,
      errors: [...errors, ...(unitDays?.errors ?? [])],
      flash: takeFlash(request),
      editing,
      overrides,
      unitDays: unitDays ?? { values: {}, errors: [] },
    });
    return html(reply, renderPage(page), errors.length > 0 || (unitDays?.errors.length ?? 0) > 0 ? 400 : 200);
  };

  app.get('/staff/categories', async (request, reply) => categoriesPage(request, reply, { active: 'yes' }, []));
  app.post('/staff/categories', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const values = categoryValues(body(request));
    try {
      const c = await createCategory(actor, categoryInput(values), { db });
      request.session.flash = `${c.name} har lagts till.`;
      return reply.redirect('/staff/categories', 303);
    } catch (error) {
      return categoriesPage(request, reply, values, fieldErrorsOf(error));
    }
  });
  app.post('/staff/categories/unit-days', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const b = body(request);
    const values: Values = { unitDaysUnit: b.unitDaysUnit ?? '', unitDays: (b.unitDays ?? '').trim() };
    const errors: FieldError[] = [];
    if (!/^[0-9a-f-]{36}$/i.test(values.unitDaysUnit)) errors.push({ field: 'unitDaysUnit', message: 'Välj en enhet.' });
    if (values.unitDays !== '' && !/^\d{1,2}$/.test(values.unitDays)) {
      errors.push({ field: 'unitDays', message: 'Ange antal arbetsdagar som ett heltal 0–60, eller lämna tomt.' });
    }
    try {
      if (errors.length === 0) {
        await setUnitFirstResponseDays(actor, values.unitDaysUnit, values.unitDays === '' ? null : Number(values.unitDays), { db });
        request.session.flash = 'Enhetens tidsfrist har sparats. Den gäller ärenden som kommer in från och med nu.';
        return reply.redirect('/staff/categories', 303);
      }
    } catch (error) {
      errors.push(...fieldErrorsOf(error).map((e) => ({ ...e, field: e.field === 'firstResponseDays' ? 'unitDays' : e.field })));
    }
    return categoriesPage(request, reply, { active: 'yes' }, [], undefined, { values, errors });
  });

  app.get('/staff/categories/:id', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = uuidOr404((request.params as { id: string }).id);
    const c = await getCategory(db, actor.tenantId, id);
    const values: Values = {
      code: c.code,
      name: c.name,
      nameFi: c.nameFi ?? '',
      nameEn: c.nameEn ?? '',
      unitId: c.unitId,
      firstResponseDays: c.firstResponseDays === null ? '' : String(c.firstResponseDays),
      active: c.active ? 'yes' : 'no',
    };
    return categoriesPage(request, reply, values, [], id);
  });
  app.post('/staff/categories/:id', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = uuidOr404((request.params as { id: string }).id);
    const values = categoryValues(body(request));
    try {
      const c = await updateCategory(actor, id, categoryInput(values), { db });
      request.session.flash = `${c.name} har sparats.`;
      return reply.redirect('/staff/categories', 303);
    } catch (error) {
      return categoriesPage(request, reply, values, fieldErrorsOf(error), id);
    }
  });

  // Statistics.
  const statsFor = async (request: FastifyRequest, reply: FastifyReply) => {
    const { actor, session } = staffContext(request, reply);
    const q = request.query as Record<string, string | undefined>;
    const period = defaultPeriod(today());
    const values: Values = {
      unit: q.unit && /^[0-9a-f-]{36}$/i.test(q.unit) ? q.unit : '',
      from: q.from || period.from,
      to: q.to || period.to,
    };
    const units = await listUnits(db, actor.tenantId);
    try {
      const stats = await firstResponseStats(actor, { unitId: values.unit || undefined, from: values.from, to: values.to }, { db });
      return { actor, session, values, units, stats, errors: [] as FieldError[] };
    } catch (error) {
      return { actor, session, values, units, stats: null, errors: fieldErrorsOf(error) };
    }
  };

  app.get('/staff/stats', async (request, reply) => {
    const { session, values, units, stats, errors } = await statsFor(request, reply);
    const chartSvg = stats ? onTimeChartSvg(stats.byCategory, 'Andel besvarade i tid per kategori') : '';
    const csvHref = `/staff/stats.csv?${new URLSearchParams(Object.entries(values).filter(([, v]) => v))}`;
    return html(reply, renderPage(StatsPage({ session, stats, units, values, errors, chartSvg, csvHref })), errors.length > 0 ? 400 : 200);
  });

  app.get('/staff/stats.csv', async (request, reply) => {
    const { stats, errors } = await statsFor(request, reply);
    if (!stats) throw new AppError('validation', errors[0]?.message ?? 'Ogiltig period.', { fields: errors });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="aterkoppling-${stats.from}-${stats.to}.csv"`)
      .send(statsCsv(stats));
  });
}
