// The resident's way in: the public form, the receipt and tracking page, and a JSON endpoint
// for other sites' forms. No sign-in; posts are rate-limited per client and (forms) CSRF-checked.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { csrfToken } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import type { Lang } from '../../web/i18n.ts';
import { renderPage } from '../../web/render.ts';
import { html } from '../../web/staff.ts';
import { publicLang } from '../portal/portal.routes.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import { requireTenant } from '../tenants/tenants.service.ts';
import { CaseFormPage, type CaseFormValues, EMPTY_FORM, TRACK_MESSAGES, TrackingPage } from './cases.public.views.tsx';
import { CASE_LANGUAGES, CASE_TYPES, ContactInput } from './cases.schemas.ts';
import { addResidentMessage, createCase, findCaseByTrackingToken, firstResponseDaysByCategory } from './cases.service.ts';
import { listCategories } from './categories.service.ts';
import { intakeTenantBySlug } from './intake-settings.ts';
import { publicFormLimiter } from './public-form-limit.ts';

const SLUG = '^[a-z0-9][a-z0-9-]{1,62}$';
const TenantParams = Type.Object({ tenant: Type.String({ pattern: SLUG }) });
const TrackParams = Type.Object({ tenant: Type.String({ pattern: SLUG }), token: Type.String({ maxLength: 200 }) });
const SUBMIT_LIMIT = { rateLimit: { max: 10, timeWindow: '10 minutes' } };

const PublicCaseBody = Type.Object(
  {
    type: Type.Enum(CASE_TYPES),
    category: Type.String({ minLength: 2, maxLength: 40, description: 'Category code (see /open311/v2/services.json)' }),
    message: Type.String({ minLength: 1, maxLength: 10000 }),
    subject: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    contact: Type.Optional(ContactInput),
    language: Type.Optional(Type.Enum(CASE_LANGUAGES)),
  },
  { additionalProperties: false },
);
const PublicCaseCreated = Type.Object({
  caseNumber: Type.String(),
  firstResponseDue: Type.String({ description: 'Local date (YYYY-MM-DD) by which first feedback is given' }),
  trackingUrl: Type.String({ description: 'The resident’s private link to follow the case' }),
});

/** The tracking page is reachable by anyone holding the link: keep it out of referrers, caches and search engines. */
function privatePage(reply: FastifyReply): void {
  reply.header('Referrer-Policy', 'same-origin');
  reply.header('X-Robots-Tag', 'noindex, nofollow');
  reply.header('Cache-Control', 'no-store');
}

/** A category's name in the page's language, or its Swedish name (and so lang "sv") when it has none. */
function categoryName(c: { name: string; nameFi: string | null; nameEn: string | null }, lang: Lang): { name: string; lang: Lang } {
  const translated = lang === 'fi' ? c.nameFi : lang === 'en' ? c.nameEn : c.name;
  return translated ? { name: translated, lang } : { name: c.name, lang: 'sv' };
}

function formValues(body: unknown): CaseFormValues {
  const b = (body ?? {}) as Record<string, unknown>;
  const text = (key: keyof CaseFormValues) => (typeof b[key] === 'string' ? (b[key] as string) : '');
  return {
    type: text('type'),
    category: text('category'),
    subject: text('subject'),
    message: text('message'),
    'contact.name': text('contact.name'),
    'contact.email': text('contact.email'),
    'contact.phone': text('contact.phone'),
  };
}

export function registerPublicCaseRoutes(app: App, { db, config }: AppContext): void {
  const trackingPath = (tenant: Tenant, token: string) => `/${tenant.slug}/cases/track/${token}`;
  // The link in the receipt page and e-mail opens the case in its own language, on any device.
  const trackingUrl = (tenant: Tenant, token: string, lang: Lang) => `${config.baseUrl}${trackingPath(tenant, token)}?lang=${lang}`;

  // Each area with the working days its cases get (the cases service's one rule), so the form
  // promises what the receipt will say.
  async function categoryOptions(tenantId: string, lang: Lang) {
    const [categories, days] = await Promise.all([
      listCategories(db, tenantId, { activeOnly: true }),
      firstResponseDaysByCategory(db, tenantId),
    ]);
    return categories
      .map((c) => ({ code: c.code, ...categoryName(c, lang), days: days.get(c.id) }))
      .sort((a, b) => a.name.localeCompare(b.name, lang));
  }

  app.get('/:tenant/cases/new', { schema: { params: TenantParams } }, async (request, reply) => {
    const tenant = await requireTenant(db, request.params.tenant);
    const lang = publicLang(request, reply, tenant.defaultLanguage);
    const categories = await categoryOptions(tenant.id, lang);
    const page = CaseFormPage({ lang, tenant, categories, csrfToken: csrfToken(reply), values: EMPTY_FORM, errors: [] });
    return html(reply, renderPage(page));
  });

  const formLimit = publicFormLimiter(app);
  app.post('/:tenant/cases/new', { schema: { params: TenantParams } }, async (request, reply) => {
    const tenant = await requireTenant(db, request.params.tenant);
    const lang = publicLang(request, reply, tenant.defaultLanguage);
    const values = formValues(request.body);
    const refused = await formLimit.refusal(request, lang);
    if (refused) {
      const categories = await categoryOptions(tenant.id, lang);
      const errors = [{ field: 'message', message: refused.message }];
      reply.header('Retry-After', String(refused.retryAfterSeconds));
      return html(reply, renderPage(CaseFormPage({ lang, tenant, categories, csrfToken: csrfToken(reply), values, errors })), 429);
    }
    const input = {
      type: values.type,
      category: values.category,
      message: values.message,
      subject: values.subject.trim() || null,
      contact: { name: values['contact.name'], email: values['contact.email'].trim(), phone: values['contact.phone'] },
      language: lang,
    };
    try {
      const created = await createCase(null, input, {
        db,
        tenantId: tenant.id,
        messagesLang: lang,
        trackingUrl: (token) => trackingUrl(tenant, token, lang),
      });
      await formLimit.accepted(request);
      return reply.redirect(`${trackingPath(tenant, created.trackingToken)}?new=1&lang=${lang}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const categories = await categoryOptions(tenant.id, lang);
      const page = CaseFormPage({ lang, tenant, categories, csrfToken: csrfToken(reply), values, errors: error.fields });
      return html(reply, renderPage(page), 400);
    }
  });

  async function renderTracking(
    request: FastifyRequest,
    reply: FastifyReply,
    tenant: Tenant,
    token: string,
    extra: { justCreated?: boolean; justAdded?: boolean; text?: string; errors?: AppError['fields'] },
    status = 200,
  ) {
    privatePage(reply);
    const view = await findCaseByTrackingToken(db, tenant.id, token);
    if (!view) return reply.callNotFound();
    // Without ?lang= or a remembered choice, the page speaks the case's language.
    const lang = publicLang(request, reply, view.language);
    const category = (await listCategories(db, tenant.id)).find((c) => c.code === view.categoryCode);
    const page = TrackingPage({
      lang,
      tenant,
      view,
      trackingUrl: trackingUrl(tenant, token, view.language),
      path: trackingPath(tenant, token),
      csrfToken: csrfToken(reply),
      justCreated: extra.justCreated ?? false,
      justAdded: extra.justAdded ?? false,
      text: extra.text ?? '',
      errors: extra.errors ?? [],
      category: category ? categoryName(category, lang) : { name: view.categoryName, lang: 'sv' },
    });
    return html(reply, renderPage(page), status);
  }

  app.get(
    '/:tenant/cases/track/:token',
    {
      schema: {
        params: TrackParams,
        querystring: Type.Object({
          new: Type.Optional(Type.String()),
          added: Type.Optional(Type.String()),
          lang: Type.Optional(Type.String()),
        }),
      },
    },
    async (request, reply) => {
      privatePage(reply);
      const tenant = await requireTenant(db, request.params.tenant);
      const { token } = request.params;
      return renderTracking(request, reply, tenant, token, {
        justCreated: request.query.new === '1',
        justAdded: request.query.added === '1',
      });
    },
  );

  app.post('/:tenant/cases/track/:token', { schema: { params: TrackParams }, config: SUBMIT_LIMIT }, async (request, reply) => {
    privatePage(reply);
    const tenant = await requireTenant(db, request.params.tenant);
    const lang = publicLang(request, reply, tenant.defaultLanguage);
    const { token } = request.params;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const text = typeof body.text === 'string' ? body.text : '';
    try {
      await addResidentMessage(db, tenant.id, token, text, { baseUrl: config.baseUrl });
      return reply.redirect(`${trackingPath(tenant, token)}?added=1&lang=${lang}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const errors = error.fields.map((f) => ({ field: 'text', message: f.field === 'text' ? TRACK_MESSAGES[lang] : f.message }));
      return renderTracking(request, reply, tenant, token, { text, errors }, 400);
    }
  });

  app.post(
    '/api/v1/public/cases',
    {
      schema: {
        summary: 'Submit a question or feedback as a resident (no sign-in)',
        description:
          'For a municipality’s own web forms. Anonymous is allowed; with contact.email the resident gets a receipt by e-mail. Rate-limited per client.',
        tags: ['cases'],
        querystring: Type.Object({ tenant: Type.String({ pattern: SLUG, description: 'The municipality’s slug' }) }),
        body: PublicCaseBody,
        response: { 201: PublicCaseCreated },
      },
      config: SUBMIT_LIMIT,
    },
    async (request, reply) => {
      const tenant = await intakeTenantBySlug(db, request.query.tenant);
      const lang = request.body.language ?? tenant.defaultLanguage;
      const created = await createCase(
        null,
        { ...request.body, language: lang },
        {
          db,
          tenantId: tenant.id,
          messagesLang: lang,
          trackingUrl: (token) => trackingUrl(tenant, token, lang),
        },
      );
      return reply.status(201).send({
        caseNumber: created.case.caseNumber,
        firstResponseDue: created.case.firstResponseDue,
        trackingUrl: trackingUrl(tenant, created.trackingToken, lang),
      });
    },
  );
}
