// The public portal "Kvalitet och resultat": server-rendered, works without JavaScript, sets no
// cookie on a plain GET (the feedback form, which carries a CSRF token, is the exception).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { Type } from 'typebox';
import { csrfToken } from '../../http/auth.ts';
import { type App, type AppContext, publicReads } from '../../http/context.ts';
import { type OpenDataCell, toOpenDataCsv } from '../../http/csv.ts';
import { AppError, type FieldError, notFound } from '../../http/errors.ts';
import type { Lang } from '../../web/i18n.ts';
import { renderPage } from '../../web/render.ts';
import { html } from '../../web/staff.ts';
import { localDate } from '../calendar/calendar.ts';
import { createCase } from '../cases/cases.service.ts';
import { listCategories } from '../cases/categories.service.ts';
import type { PublicIndicator, PublicPlan } from '../goals/index.ts';
import { promisePath } from '../promises/promises.public.data.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import { listTenants } from '../tenants/tenants.repo.ts';
import { requireTenant } from '../tenants/tenants.service.ts';
import { type BlockContext, portalBlocks } from './portal.blocks.tsx';
import { allIndicators, cachedPage, loadPortal, type PortalData, publicUnits, subtreeOf } from './portal.data.ts';
import { sendPage } from './portal.http.ts';
import { publicLang } from './portal.lang.ts';
import {
  datasets,
  dcatCatalogue,
  goalsCsv,
  goalsJson,
  INDICATOR_CSV_HEADER,
  indicatorCsvRows,
  indicatorJson,
  indicatorsCsv,
  summaryCsv,
  summaryJson,
} from './portal.opendata.ts';
import { registerPublicPageCache } from './portal.pagecache.ts';
import { createPageViewCounter, type PageViewCounter } from './portal.pageviews.ts';
import { ensureSearchIndex, type SearchDocument, searchSite } from './portal.search.ts';
import { getLogo, getPortalSettings } from './portal.settings.ts';
import { registerPortalStaffRoutes } from './portal.staff.routes.ts';
import { A11Y, T } from './portal.texts.ts';
import { darkerShade } from './portal.theme.ts';
import {
  AccessibilityPage,
  BoardPage,
  BoardsPage,
  DataPage,
  EmbedIndicator,
  EmbedPromise,
  EmbedSummary,
  FeedbackPage,
  type FeedbackValues,
  GoalAreaPage,
  GoalsPage,
  IndicatorPage,
  type PageBase,
  SearchPage,
  StartPage,
  TenantHomePage,
} from './portal.views.tsx';

export { publicLang } from './portal.lang.ts';

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The public pages whose views are counted (never a tracking page: its URL holds a secret). */
const COUNTED = new RegExp(
  `^/(${SLUG.source.slice(1, -1)})(|/promises|/promises/[0-9a-f-]{36}|/goals|/goals/[0-9a-f-]{36}|/indicators/[0-9a-f-]{36}|/boards|/boards/[0-9a-f-]{36}|/meetings|/data|/accessibility|/search|/embed/summary|/embed/promises/[0-9a-f-]{36}|/embed/indicators/[0-9a-f-]{36})$`,
);

/** Embeds may be framed by any site (frame-ancestors *); every other page by none. */
const EMBED_HELMET = {
  frameguard: false,
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      styleSrc: ["'self'"],
      scriptSrc: ["'none'"],
      objectSrc: ["'none'"],
      imgSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      frameAncestors: ['*'],
      upgradeInsecureRequests: null,
    },
  },
} as const;

const FEEDBACK_LIMIT = { rateLimit: { max: 10, timeWindow: '10 minutes' } };

const FeedbackBody = Type.Object(
  {
    _csrf: Type.Optional(Type.String()),
    message: Type.Optional(Type.String()),
    page: Type.Optional(Type.String()),
    email: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

function sendCsv(reply: FastifyReply, name: string, rows: OpenDataCell[][]) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('access-control-allow-origin', '*')
    .header('content-disposition', `inline; filename="${name}"`)
    .send(toOpenDataCsv(rows));
}

function sendJson(reply: FastifyReply, body: unknown, type = 'application/json; charset=utf-8') {
  return reply.type(type).header('access-control-allow-origin', '*').send(JSON.stringify(body));
}

/** ".csv", ".json" or a page, from the last path segment. */
function formatOf(raw: string): { id: string; format: 'html' | 'csv' | 'json' } {
  if (raw.endsWith('.csv')) return { id: raw.slice(0, -4), format: 'csv' };
  if (raw.endsWith('.json')) return { id: raw.slice(0, -5), format: 'json' };
  return { id: raw, format: 'html' };
}

export interface PortalRouteOptions {
  /** The page-view counter (tests pass their own to flush it). */
  counter?: PageViewCounter;
}

let sharedCounter: PageViewCounter | undefined;

/** The counter of this process (the staff page flushes it before reading). */
export function portalCounter(): PageViewCounter | undefined {
  return sharedCounter;
}

export function registerPortalRoutes(app: App, ctx: AppContext, options: PortalRouteOptions = {}): void {
  registerPortalStaffRoutes(app, ctx);
  registerPublicPageCache(app, ctx);
  const { config } = ctx;
  // The pages read from the replica when there is one; the page counter, the search index and the
  // accessibility feedback (a case) write, and so use the primary (ctx.db).
  const db = publicReads(ctx);
  const today = () => (ctx.now ? localDate(ctx.now()) : localDate(new Date()));
  const counter = options.counter ?? createPageViewCounter(ctx.db);
  sharedCounter = counter;
  app.addHook('onClose', async () => counter.stop());

  const tenantIds = new Map<string, string>();
  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' || reply.statusCode !== 200) return;
    const path = request.url.split('?')[0];
    const m = COUNTED.exec(path);
    if (!m) return;
    let tenantId = tenantIds.get(m[1]);
    if (!tenantId) {
      const tenant = await requireTenant(db, m[1]).catch(() => undefined);
      if (!tenant) return;
      tenantId = tenant.id;
      if (tenantIds.size > 10_000) tenantIds.clear();
      tenantIds.set(m[1], tenantId);
    }
    counter.count({ tenantId, path, day: today(), clientAddress: request.ip, userAgent: request.headers['user-agent'] });
  });

  async function tenantOf(slug: string): Promise<Tenant> {
    if (!SLUG.test(slug)) throw new AppError('not_found', 'Sidan finns inte.');
    return requireTenant(db, slug);
  }

  async function load(request: FastifyRequest): Promise<{ data: PortalData; base: PageBase }> {
    const { tenant: slug } = request.params as { tenant: string };
    const tenant = await tenantOf(slug);
    const lang = publicLang(request, undefined, tenant.defaultLanguage);
    const data = await loadPortal(db, tenant, lang, today());
    return { data, base: { lang, tenant, settings: data.settings } };
  }

  async function blockSections(data: PortalData, base: PageBase): Promise<{ sections: VNode[]; key: string }> {
    const bctx: BlockContext = { db, tenant: base.tenant, lang: base.lang, data };
    const keys: string[] = [];
    const sections: VNode[] = [];
    for (const block of portalBlocks()) {
      if (block.fingerprint) keys.push(`${block.id}:${await block.fingerprint(bctx)}`);
      const node = await block.render(bctx);
      if (node) sections.push(node);
    }
    return { sections, key: keys.join('|') };
  }

  app.get('/', async (request, reply) => {
    const lang = publicLang(request, reply);
    return sendPage(request, reply, renderPage(StartPage({ lang, tenants: await listTenants(db) })));
  });

  app.get('/:tenant', async (request, reply) => {
    const { tenant: slug } = request.params as { tenant: string };
    if (!SLUG.test(slug)) return reply.callNotFound();
    const { data, base } = await load(request);
    const { sections, key } = await blockSections(data, base);
    const page = cachedPage(`home|${data.fingerprint}|${key}`, () => renderPage(TenantHomePage({ base, sections })));
    return sendPage(request, reply, page);
  });

  // ---- goals, indicators, boards ----

  app.get('/:tenant/goals', async (request, reply) => {
    const { data, base } = await load(request);
    return sendPage(
      request,
      reply,
      cachedPage(`goals|${data.fingerprint}`, () => renderPage(GoalsPage({ base, plans: data.plans }))),
    );
  });

  app.get('/:tenant/goals.json', async (request, reply) => sendJson(reply, goalsJson((await load(request)).data)));
  app.get('/:tenant/goals.csv', async (request, reply) => {
    const { data } = await load(request);
    return sendCsv(reply, `${data.tenant.slug}-goals.csv`, goalsCsv(data));
  });

  function findArea(plans: PublicPlan[], id: string) {
    for (const plan of plans) for (const area of plan.goalAreas) if (area.id === id) return { plan, area };
    return undefined;
  }

  app.get('/:tenant/goals/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const { data, base } = await load(request);
    const found = UUID.test(id) ? findArea(data.plans, id) : undefined;
    if (!found) throw notFound('Målområdet');
    const page = cachedPage(`area|${id}|${data.fingerprint}`, () => renderPage(GoalAreaPage({ base, ...found, units: data.units })));
    return sendPage(request, reply, page);
  });

  function indicatorOf(data: PortalData, raw: string): PublicIndicator {
    const ind = UUID.test(raw) ? allIndicators(data.plans).find((i) => i.id === raw) : undefined;
    if (!ind) throw notFound('Måttet');
    return ind;
  }

  app.get('/:tenant/indicators.json', async (request, reply) => {
    const { data } = await load(request);
    return sendJson(reply, {
      municipality: data.settings.displayName ?? data.tenant.name,
      licence: data.settings.licence,
      indicators: allIndicators(data.plans).map((i) => indicatorJson(i, data.tenant.slug)),
    });
  });
  app.get('/:tenant/indicators.csv', async (request, reply) => {
    const { data } = await load(request);
    return sendCsv(reply, `${data.tenant.slug}-indicators.csv`, indicatorsCsv(data));
  });

  app.get('/:tenant/indicators/:id', async (request, reply) => {
    const { id: raw } = request.params as { id: string };
    const { id, format } = formatOf(raw);
    const { data, base } = await load(request);
    const ind = indicatorOf(data, id);
    if (format === 'json') return sendJson(reply, indicatorJson(ind, data.tenant.slug));
    if (format === 'csv') return sendCsv(reply, `${data.tenant.slug}-${ind.id}.csv`, [INDICATOR_CSV_HEADER, ...indicatorCsvRows(ind)]);
    const goals = data.plans.flatMap((p) =>
      p.goalAreas.flatMap((a) =>
        a.goals.filter((g) => ind.goalIds.includes(g.id)).map((g) => ({ id: g.id, number: g.number, title: g.title, areaId: a.id })),
      ),
    );
    const owner = data.units.get(ind.ownerUnitId)?.name ?? '';
    const page = cachedPage(`ind|${id}|${data.fingerprint}`, () =>
      renderPage(IndicatorPage({ base, ind, goals, owner, baseUrl: config.baseUrl })),
    );
    return sendPage(request, reply, page);
  });

  app.get('/:tenant/boards', async (request, reply) => {
    const { data, base } = await load(request);
    const page = cachedPage(`boards|${data.fingerprint}`, () => renderPage(BoardsPage({ base, units: publicUnits(data.units) })));
    return sendPage(request, reply, page);
  });

  app.get('/:tenant/boards/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const { data, base } = await load(request);
    const unit = UUID.test(id) ? data.units.get(id) : undefined;
    if (!unit || (unit.kind !== 'board' && unit.kind !== 'administration')) throw notFound('Nämnden');
    const scope = subtreeOf(data.units, unit.id);
    const page = cachedPage(`board|${id}|${data.fingerprint}`, () => {
      const promises = data.promises.filter((p) => scope.has(p.unitId) || p.boardUnitId === unit.id);
      const indicators = allIndicators(data.plans).filter((i) => scope.has(i.ownerUnitId));
      const assignments = data.plans.flatMap((p) => p.assignments).filter((a) => scope.has(a.responsibleUnitId));
      const goals = data.plans.flatMap((p) =>
        p.goalAreas.flatMap((a) =>
          a.goals
            .filter(
              (g) =>
                (g.boardUnitId !== null && scope.has(g.boardUnitId)) ||
                g.indicatorIds.some((id) => indicators.some((i) => i.id === id)) ||
                g.assignmentIds.some((id) => assignments.some((a) => a.id === id)),
            )
            .map((g) => ({ id: g.id, number: g.number, title: g.title, areaId: a.id, status: g.latest?.status ?? null })),
        ),
      );
      return renderPage(BoardPage({ base, unit, promises, indicators, assignments, goals, units: data.units }));
    });
    return sendPage(request, reply, page);
  });

  // ---- the summary as open data, the catalogue ----

  app.get('/:tenant/summary.json', async (request, reply) => sendJson(reply, summaryJson((await load(request)).data)));
  app.get('/:tenant/summary.csv', async (request, reply) => {
    const { data } = await load(request);
    return sendCsv(reply, `${data.tenant.slug}-summary.csv`, summaryCsv(data));
  });

  app.get('/:tenant/data', async (request, reply) => {
    const { data, base } = await load(request);
    const page = cachedPage(`data|${data.fingerprint}`, () =>
      renderPage(DataPage({ base, datasets: datasets(data.tenant.slug, base.lang).map((d) => ({ ...d })) })),
    );
    return sendPage(request, reply, page);
  });

  app.get('/:tenant/data/catalog.jsonld', async (request, reply) =>
    sendJson(reply, dcatCatalogue((await load(request)).data, config.baseUrl), 'application/ld+json; charset=utf-8'),
  );

  // ---- accessibility statement and feedback ----

  app.get('/:tenant/accessibility', async (request, reply) => {
    const { data, base } = await load(request);
    return sendPage(
      request,
      reply,
      cachedPage(`a11y|${data.fingerprint}`, () => renderPage(AccessibilityPage({ base }))),
    );
  });

  async function feedbackCategory(tenant: Tenant, configured: string | null): Promise<string | undefined> {
    const active = await listCategories(db, tenant.id, { activeOnly: true });
    if (configured && active.some((c) => c.code === configured)) return configured;
    return active[0]?.code;
  }

  async function feedbackBase(request: FastifyRequest): Promise<PageBase> {
    const tenant = await tenantOf((request.params as { tenant: string }).tenant);
    const lang = publicLang(request, undefined, tenant.defaultLanguage);
    return { lang, tenant, settings: await getPortalSettings(db, tenant.id) };
  }

  app.get('/:tenant/accessibility/feedback', async (request, reply) => {
    const base = await feedbackBase(request);
    const unavailable = !(await feedbackCategory(base.tenant, base.settings.feedbackCategory));
    const values: FeedbackValues = { page: '', message: '', email: '' };
    return html(reply, renderPage(FeedbackPage({ base, csrfToken: csrfToken(reply), values, errors: [], unavailable })));
  });

  app.post('/:tenant/accessibility/feedback', { schema: { body: FeedbackBody }, config: FEEDBACK_LIMIT }, async (request, reply) => {
    const base = await feedbackBase(request);
    const { lang, tenant } = base;
    const body = request.body as { message?: string; page?: string; email?: string };
    const values: FeedbackValues = { message: body.message ?? '', page: body.page ?? '', email: body.email ?? '' };
    const errors = feedbackErrors(values, lang);
    const category = await feedbackCategory(tenant, base.settings.feedbackCategory);
    if (!category) {
      return html(reply, renderPage(FeedbackPage({ base, csrfToken: csrfToken(reply), values, errors: [], unavailable: true })), 409);
    }
    if (errors.length > 0) {
      return html(reply, renderPage(FeedbackPage({ base, csrfToken: csrfToken(reply), values, errors })), 400);
    }
    const page = values.page.trim();
    const message = `${{ sv: 'Brist i webbplatsens tillgänglighet', fi: 'Saavutettavuuspuute', en: 'Accessibility problem' }[lang]}${page ? ` – ${page}` : ''}\n\n${values.message.trim()}`;
    try {
      const created = await createCase(
        null,
        {
          type: 'error_report',
          category,
          subject: { sv: 'Tillgänglighet', fi: 'Saavutettavuus', en: 'Accessibility' }[lang],
          message,
          contact: values.email.trim() ? { email: values.email.trim() } : undefined,
          language: lang,
        },
        {
          db: ctx.db,
          tenantId: tenant.id,
          messagesLang: lang,
          trackingUrl: (token) => `${config.baseUrl}/${tenant.slug}/cases/track/${token}?lang=${lang}`,
        },
      );
      return reply.redirect(`/${tenant.slug}/cases/track/${created.trackingToken}?new=1&lang=${lang}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const mapped = error.fields.map((f) => ({ field: f.field.startsWith('contact') ? 'email' : 'message', message: f.message }));
      return html(reply, renderPage(FeedbackPage({ base, csrfToken: csrfToken(reply), values, errors: mapped })), 400);
    }
  });

  // ---- search ----

  app.get('/:tenant/search', async (request, reply) => {
    const { data, base } = await load(request);
    const raw = (request.query as { q?: unknown }).q;
    const q = typeof raw === 'string' ? raw : '';
    if (q.length > 200)
      return sendPage(
        request,
        reply,
        renderPage(SearchPage({ base, q: q.slice(0, 200), hits: null, error: T.searchTooLong[base.lang] })),
        400,
      );
    if (!q.trim()) return sendPage(request, reply, renderPage(SearchPage({ base, q, hits: null })));
    const sv = base.lang === 'sv' ? data : await loadPortal(db, data.tenant, 'sv', data.today);
    await ensureSearchIndex(ctx.db, data.tenant.id, sv.fingerprint, async () => searchDocuments(sv));
    const hits = await searchSite(ctx.db, data.tenant.id, q);
    return sendPage(request, reply, renderPage(SearchPage({ base, q, hits })));
  });

  // ---- embeds ----

  app.get('/:tenant/embed/summary', { helmet: EMBED_HELMET }, async (request, reply) => {
    const { data, base } = await load(request);
    const { sections, key } = await blockSections(data, base);
    const href = `${config.baseUrl}/${data.tenant.slug}?lang=${base.lang}`;
    const page = cachedPage(`embed-summary|${data.fingerprint}|${key}`, () =>
      renderPage(
        EmbedSummary({ base, sections: sections.filter((s) => (s.props as { class?: string }).class !== 'portal-block portal-ask'), href }),
      ),
    );
    return sendPage(request, reply, page);
  });

  app.get('/:tenant/embed/promises/:id', { helmet: EMBED_HELMET }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { data, base } = await load(request);
    const promise = data.promises.find((p) => p.id === id);
    if (!promise) throw notFound('Löftet');
    const href = `${config.baseUrl}${promisePath(data.tenant.slug, id)}?lang=${base.lang}`;
    return sendPage(
      request,
      reply,
      cachedPage(`embed-p|${id}|${data.fingerprint}`, () => renderPage(EmbedPromise({ base, promise, href }))),
    );
  });

  app.get('/:tenant/embed/indicators/:id', { helmet: EMBED_HELMET }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { data, base } = await load(request);
    const ind = indicatorOf(data, id);
    const href = `${config.baseUrl}/${data.tenant.slug}/indicators/${id}?lang=${base.lang}`;
    return sendPage(
      request,
      reply,
      cachedPage(`embed-i|${id}|${data.fingerprint}`, () => renderPage(EmbedIndicator({ base, ind, href }))),
    );
  });

  // ---- theme and logo ----

  // Browsers ask for /favicon.ico on their own; a 404 there is a console error (Lighthouse best
  // practices). A transparent 1×1 PNG, kept by the browser for a day.
  const FAVICON = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  app.get('/favicon.ico', async (_request, reply) =>
    reply.type('image/png').header('cache-control', 'public, max-age=86400').send(FAVICON),
  );

  app.get('/:tenant/theme.css', async (request, reply) => {
    const tenant = await tenantOf((request.params as { tenant: string }).tenant);
    const settings = await getPortalSettings(db, tenant.id);
    const etag = `"theme-${settings.version}"`;
    reply.header('etag', etag).header('cache-control', 'no-cache').type('text/css; charset=utf-8');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    if (!settings.accentColour) return reply.send('/* Insyn: no theme */\n');
    const a = settings.accentColour;
    return reply.send(
      `/* Insyn theme of ${tenant.slug}; contrast checked when saved */\n:root { --accent: ${a}; --accent-dark: ${darkerShade(a)}; }\n`,
    );
  });

  app.get('/:tenant/logo', async (request, reply) => {
    const tenant = await tenantOf((request.params as { tenant: string }).tenant);
    const row = await getLogo(db, tenant.id);
    if (!row?.logo || !row.logo_type) throw notFound('Logotypen');
    return reply
      .type(row.logo_type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-security-policy', "default-src 'none'")
      .send(row.logo);
  });
}

function feedbackErrors(values: FeedbackValues, lang: Lang): FieldError[] {
  const errors: FieldError[] = [];
  const bad = (s: string) => s.includes('\u0000') || /\p{Cs}/u.test(s);
  if (!values.message.trim() || bad(values.message)) errors.push({ field: 'message', message: A11Y.messageMissing[lang] });
  else if (values.message.length > 5000) errors.push({ field: 'message', message: A11Y.messageTooLong[lang] });
  if (values.page.length > 500 || bad(values.page)) errors.push({ field: 'page', message: A11Y.pageTooLong[lang] });
  const email = values.email.trim();
  if (email && (email.length > 254 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || bad(email))) {
    errors.push({ field: 'email', message: A11Y.emailInvalid[lang] });
  }
  return errors;
}

/** One search document per public page, in Swedish (the municipality's texts are Swedish). */
export function searchDocuments(d: PortalData): SearchDocument[] {
  const slug = d.tenant.slug;
  const docs: SearchDocument[] = [];
  for (const p of d.promises)
    docs.push({ path: promisePath(slug, p.id), kind: 'promise', title: p.title, body: `${p.groupName}. ${p.sentence}` });
  for (const plan of d.plans) {
    for (const a of plan.goalAreas) {
      docs.push({
        path: `/${slug}/goals/${a.id}`,
        kind: 'area',
        title: `${a.number}. ${a.title}`,
        body: [a.ambition, a.inPractice, ...a.goals.map((g) => `${g.number} ${g.title}. ${g.text}`)].join(' '),
      });
    }
  }
  for (const i of allIndicators(d.plans)) {
    docs.push({
      path: `/${slug}/indicators/${i.id}`,
      kind: 'indicator',
      title: i.title,
      body: [i.definition, i.dataSource, i.sourceText].filter(Boolean).join(' '),
    });
  }
  for (const u of publicUnits(d.units)) docs.push({ path: `/${slug}/boards/${u.id}`, kind: 'board', title: u.name, body: '' });
  return docs;
}
