// Staff pages for case categories (admin), unit deadlines and first-feedback statistics.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { App } from '../../http/context.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { html, staffContext, takeFlash } from '../../web/staff.ts';
import { hasAnyRole } from '../accounts/policy.ts';
import { uuidOr404 } from '../org/org.routes.ts';
import { listUnits } from '../org/org.service.ts';
import { CategoriesPage, StatsPage } from './cases.admin.views.tsx';
import { listUnitFirstResponseDays, setUnitFirstResponseDays, today } from './cases.service.ts';
import type { Values } from './cases.views.tsx';
import { createCategory, getCategory, listCategories, updateCategory } from './categories.service.ts';
import { onTimeChartSvg, statsCsv } from './stats.chart.ts';
import { defaultPeriod, firstResponseStats } from './stats.service.ts';

const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, string>;

/** Field errors of a failed form post; anything else propagates. */
export function fieldErrorsOf(error: unknown): FieldError[] {
  if (error instanceof AppError && (error.fields.length > 0 || error.code === 'conflict')) {
    return error.fields.length > 0 ? error.fields : [{ field: 'kind', message: error.message }];
  }
  throw error;
}

/** The status of a form shown again after an error: 409 when another change came first, else 400. */
export function formStatus(error: unknown): 400 | 409 {
  return error instanceof AppError && error.code === 'conflict' ? 409 : 400;
}

export function registerCaseAdminRoutes(app: App, { db }: { db: Db }): void {
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
    status = 400,
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
    return html(reply, renderPage(page), errors.length > 0 || (unitDays?.errors.length ?? 0) > 0 ? status : 200);
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
      return categoriesPage(request, reply, values, fieldErrorsOf(error), undefined, undefined, formStatus(error));
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
      return categoriesPage(request, reply, values, fieldErrorsOf(error), id, undefined, formStatus(error));
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
