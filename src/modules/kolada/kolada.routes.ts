// HTTP of the kolada module: the KPI search (GET /api/v1/kolada/kpis), an indicator's refresh
// (POST /api/v1/indicators/:id/refresh and the page's button), linking an indicator to a KPI from
// its page, and the quality strategist's list of revisions (/staff/kolada).
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { AppError, type FieldError, notFound } from '../../http/errors.ts';
import { Text } from '../../http/input.ts';
import { renderPage } from '../../web/render.ts';
import { addStaffNav, html, staffContext, takeFlash } from '../../web/staff.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { localDate } from '../calendar/calendar.ts';
import { getIndicatorRow, listIndicatorRows, sourceOf, updateIndicator } from '../goals/index.ts';
import { closedYears, presentRevision, sourceNote } from './kolada.read.ts';
import * as repo from './kolada.repo.ts';
import { KpiOut } from './kolada.schemas.ts';
import { configureKolada, genderOf, isKoladaSource, municipalityCode, refreshSource, searchKpis } from './kolada.service.ts';
import { KOLADA_PAGE, KpiSearchPage, type RevisionRow, RevisionsPage } from './kolada.views.tsx';

const ManageRoles = ['quality', 'admin'] as const;
const ErrorOut = Type.Object({ error: Type.String(), message: Type.String() }, { additionalProperties: true });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idParam(request: FastifyRequest): string {
  const id = (request.params as { id?: string }).id ?? '';
  if (!UUID.test(id)) throw notFound('Indikatorn');
  return id;
}

async function refreshIndicator(actor: Actor, id: string, db: AppContext['db'], now: Date) {
  requireAnyRole(actor, ManageRoles);
  const row = await getIndicatorRow(actor, id, { db });
  const source = sourceOf(row);
  if (!isKoladaSource(source)) throw new AppError('conflict', 'Indikatorn hämtas inte från Kolada. Koppla den till ett nyckeltal först.');
  const result = await refreshSource(actor, source, { db, now });
  const code = await municipalityCode(actor, db);
  const fetched = code ? await repo.lastFetched(db, source.kpi, [code]) : null;
  return { ...result, fetchedAt: fetched ? fetched.toISOString() : null, sourceNote: sourceNote(fetched) };
}

/** The codes typed in the link form: "0000, G12345 0180" → ['0000', 'G12345', '0180']. */
export function parseCompareWith(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((s) => s.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

export function registerKoladaRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;
  const now = () => ctx.now?.() ?? new Date();
  configureKolada(ctx.config);
  addStaffNav({ href: KOLADA_PAGE, label: 'Kolada', order: 45, roles: ManageRoles });

  app.get(
    '/api/v1/kolada/kpis',
    {
      schema: {
        summary: 'Search Kolada’s KPIs by title (proxied and cached for a day); shows title and description to confirm a link',
        tags: ['goals'],
        security: [{ bearer: [] }],
        querystring: Type.Object({ title: Text({ min: 2, max: 200 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ kpis: Type.Array(KpiOut), fetchedAt: Type.String({ format: 'date-time' }), source: Type.String() }),
          400: ErrorOut,
          401: ErrorOut,
          403: ErrorOut,
          503: ErrorOut,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (actor.grants.length === 0) throw new AppError('forbidden', 'Du har ingen roll i organisationen.');
      const r = await searchKpis(request.query.title, { db, now: now() });
      return { kpis: r.kpis, fetchedAt: r.fetchedAt.toISOString(), source: `Källa: Kolada, hämtad ${localDate(r.fetchedAt)}` };
    },
  );

  app.post(
    '/api/v1/indicators/:id/refresh',
    {
      schema: {
        summary: 'Fetch an indicator’s Kolada KPI again (quality or admin); values Kolada changed are recorded as revisions',
        tags: ['goals'],
        security: [{ bearer: [] }],
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: {
          200: Type.Object({
            stored: Type.Integer(),
            revised: Type.Integer(),
            fetchedAt: Type.Union([Type.Null(), Type.String({ format: 'date-time' })]),
            sourceNote: Type.String(),
          }),
          400: ErrorOut,
          401: ErrorOut,
          403: ErrorOut,
          404: ErrorOut,
          409: ErrorOut,
          503: ErrorOut,
        },
      },
    },
    async (request) => refreshIndicator(requireActor(request), request.params.id, db, now()),
  );

  // The button on an indicator's page (indicatorId) and on the Kolada page (every indicator of the municipality).
  app.post('/staff/kolada/refresh', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    requireAnyRole(actor, ManageRoles);
    const raw = (request.body as { indicatorId?: unknown } | undefined)?.indicatorId;
    const one = typeof raw === 'string' && raw.trim() ? raw.trim() : undefined;
    if (one && !UUID.test(one)) throw notFound('Indikatorn');
    const ids = one
      ? [one]
      : (await listIndicatorRows(actor, {}, { db })).filter((row) => isKoladaSource(sourceOf(row))).map((row) => row.id);
    let stored = 0;
    let revised = 0;
    try {
      for (const id of ids) {
        const r = await refreshIndicator(actor, id, db, now());
        stored += r.stored;
        revised += r.revised;
      }
      request.session.flash = `Hämtat från Kolada: ${stored} värden${revised ? `, ${revised} ändrade av Kolada (se listan på sidan Kolada)` : ''}.`;
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'not_found') throw error;
      request.session.flash = `Kunde inte hämta från Kolada: ${error.message}`;
    }
    return reply.redirect(one ? `/staff/goals/indicators/${one}` : KOLADA_PAGE, 303);
  });

  const linkPage = async (
    request: FastifyRequest,
    reply: Parameters<typeof html>[0],
    errors: FieldError[] = [],
    values: Record<string, string> = {},
  ) => {
    const { actor, session } = staffContext(request, reply);
    requireAnyRole(actor, ManageRoles);
    const row = await getIndicatorRow(actor, idParam(request), { db });
    const title = String((request.query as { title?: unknown }).title ?? values.title ?? '').slice(0, 200);
    let hits = null;
    let fetchedAt: string | null = null;
    if (title.trim()) {
      try {
        const r = await searchKpis(title, { db, now: now() });
        hits = r.kpis;
        fetchedAt = localDate(r.fetchedAt);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        errors = [...errors, { field: 'title', message: error.message }];
      }
    }
    const page = KpiSearchPage({ session, indicator: { id: row.id, title: row.title }, title, hits, fetchedAt, errors, values });
    return html(reply, renderPage(page), errors.length ? 400 : 200);
  };

  app.get('/staff/kolada/indicators/:id/link', (request, reply) => linkPage(request, reply));

  app.post('/staff/kolada/indicators/:id/link', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = idParam(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const values = { kpi: text('kpi'), gender: text('gender'), compareWith: text('compareWith') };
    try {
      const source = {
        type: 'kolada',
        kpi: values.kpi.trim(),
        gender: values.gender || 'T',
        compareWith: parseCompareWith(values.compareWith),
      };
      await updateIndicator(actor, id, { source }, { db });
      request.session.flash = `Indikatorn hämtas nu från Kolada (${source.kpi}).`;
      return reply.redirect(`/staff/goals/indicators/${id}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || !['validation', 'unavailable', 'conflict'].includes(error.code)) throw error;
      const errors = error.fields.length
        ? error.fields.map((f) => ({ field: 'title', message: f.message }))
        : [{ field: 'title', message: error.message }];
      return linkPage(request, reply, errors, values);
    }
  });

  app.get(KOLADA_PAGE, async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    requireAnyRole(actor, ManageRoles);
    const code = await municipalityCode(actor, db);
    const indicators = (await listIndicatorRows(actor, {}, { db })).flatMap((row) => {
      const s = sourceOf(row);
      return isKoladaSource(s) ? [{ id: row.id, title: row.title, kpi: s.kpi, gender: genderOf(s) }] : [];
    });
    const series = code
      ? [...new Map(indicators.map((i) => [`${i.kpi}/${i.gender}`, { kpi: i.kpi, municipality: code, gender: i.gender }])).values()]
      : [];
    const closed = await closedYears(actor, db);
    const revisions: RevisionRow[] = (await repo.listRevisions(db, series)).map((r) => ({
      ...presentRevision(r, closed),
      indicators: indicators.filter((i) => i.kpi === r.kpi && i.gender === r.gender).map((i) => ({ id: i.id, title: i.title })),
    }));
    const run = await repo.lastRun(db);
    const lastRun = run
      ? { key: run.key, finishedAt: run.finished_at ? localDate(new Date(run.finished_at)) : null, error: run.error }
      : null;
    return html(reply, renderPage(RevisionsPage({ session, municipalityCode: code, revisions, lastRun, flash: takeFlash(request) })));
  });
}
