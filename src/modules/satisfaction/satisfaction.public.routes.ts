// Public pages without sign-in: the survey answer page (/:tenant/enkat/<token>), the after-contact
// question (/:tenant/nojdhet/svar/<token>) and the Insikt results (/:tenant/nojdhet). Forms are
// CSRF-checked like every browser post and rate-limited per client; token pages are kept out of
// caches, search engines and referrers.
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { csrfToken } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import type { Lang } from '../../web/i18n.ts';
import { renderPage } from '../../web/render.ts';
import { html } from '../../web/staff.ts';
import { publicLang } from '../portal/portal.routes.ts';
import { requireTenant } from '../tenants/tenants.service.ts';
import { ALREADY_ANSWERED, answerRequest, declineRequests, findRequest, QUESTION } from './after-contact.service.ts';
import { readResults } from './insikt.service.ts';
import { nkiChart } from './satisfaction.chart.ts';
import { AfterContactPage, PublicResultsPage, SurveyPage, ThanksPage } from './satisfaction.public.views.tsx';
import { ANSWERED, CLOSED, openSurvey, submitAnswers } from './surveys.service.ts';

const SLUG = '^[a-z0-9][a-z0-9-]{1,62}$';
const TenantParams = Type.Object({ tenant: Type.String({ pattern: SLUG }) });
const TokenParams = Type.Object({ tenant: Type.String({ pattern: SLUG }), token: Type.String({ maxLength: 200 }) });
const SUBMIT_LIMIT = { rateLimit: { max: 30, timeWindow: '10 minutes' } };

const NOT_FOUND: Record<Lang, string> = {
  sv: 'Länken gäller inte. Kontrollera att du har kopierat hela länken.',
  fi: 'Linkki ei ole voimassa. Tarkista, että kopioit koko linkin.',
  en: 'The link is not valid. Check that you copied the whole link.',
};

function privatePage(reply: FastifyReply): void {
  reply.header('Referrer-Policy', 'same-origin');
  reply.header('X-Robots-Tag', 'noindex, nofollow');
  reply.header('Cache-Control', 'no-store');
}

const formBody = (body: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  return out;
};

export function registerSatisfactionPublicRoutes(app: App, { db }: AppContext): void {
  async function surveyFor(tenantSlug: string, token: string) {
    const tenant = await requireTenant(db, tenantSlug);
    const opened = await openSurvey(db, token);
    if (!opened || opened.survey.tenantId !== tenant.id) throw new AppError('not_found', NOT_FOUND.sv);
    return { tenant, opened };
  }

  app.get('/:tenant/enkat/tack', { schema: { params: TenantParams } }, async (request, reply) => {
    const tenant = await requireTenant(db, request.params.tenant);
    const lang = publicLang(request, reply, tenant.defaultLanguage);
    return html(reply, renderPage(ThanksPage({ lang, tenant, path: `/${tenant.slug}/enkat/tack` })));
  });

  app.get('/:tenant/enkat/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    privatePage(reply);
    const { tenant, opened } = await surveyFor(request.params.tenant, request.params.token);
    const lang = publicLang(request, reply, tenant.defaultLanguage);
    const message = opened.answered ? ANSWERED[lang] : opened.survey.closed ? CLOSED[lang] : undefined;
    const path = `/${tenant.slug}/enkat/${request.params.token}`;
    const page = SurveyPage({ lang, tenant, ...opened, path, csrfToken: csrfToken(reply), values: {}, errors: [], message });
    return html(reply, renderPage(page));
  });

  app.post('/:tenant/enkat/:token', { schema: { params: TokenParams }, config: SUBMIT_LIMIT }, async (request, reply) => {
    privatePage(reply);
    const { tenant, opened } = await surveyFor(request.params.tenant, request.params.token);
    const lang = publicLang(request, reply, tenant.defaultLanguage);
    const values = formBody(request.body);
    const answers = opened.questions.map((q) => ({ questionId: q.id, value: values[`q-${q.id}`] ?? null }));
    const path = `/${tenant.slug}/enkat/${request.params.token}`;
    try {
      await submitAnswers(db, request.params.token, answers, lang);
      return reply.redirect(`/${tenant.slug}/enkat/tack?lang=${lang}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'validation' && error.code !== 'conflict')) throw error;
      const message = error.code === 'conflict' ? error.message : undefined;
      const page = SurveyPage({ lang, tenant, ...opened, path, csrfToken: csrfToken(reply), values, errors: error.fields, message });
      return html(reply, renderPage(page), error.status);
    }
  });

  // ---- after-contact question -----------------------------------------------------------------

  app.get('/:tenant/nojdhet/tack', { schema: { params: TenantParams } }, async (request, reply) => {
    const tenant = await requireTenant(db, request.params.tenant);
    const lang = publicLang(request, reply, tenant.defaultLanguage);
    const declined = (request.query as { nej?: string }).nej === '1';
    return html(reply, renderPage(ThanksPage({ lang, tenant, path: `/${tenant.slug}/nojdhet/tack`, declined })));
  });

  async function requestFor(tenantSlug: string, token: string) {
    const tenant = await requireTenant(db, tenantSlug);
    const found = await findRequest(db, tenant.id, token);
    if (!found) throw new AppError('not_found', NOT_FOUND.sv);
    return { tenant, found };
  }

  app.get('/:tenant/nojdhet/svar/:token', { schema: { params: TokenParams } }, async (request, reply) => {
    privatePage(reply);
    const { tenant, found } = await requestFor(request.params.tenant, request.params.token);
    const lang = publicLang(request, reply, found.language);
    const page = AfterContactPage({
      lang,
      tenant,
      path: `/${tenant.slug}/nojdhet/svar/${request.params.token}`,
      question: QUESTION[lang],
      csrfToken: csrfToken(reply),
      values: { score: '', comment: '' },
      errors: [],
      message: found.answered ? ALREADY_ANSWERED[lang] : undefined,
    });
    return html(reply, renderPage(page));
  });

  app.post('/:tenant/nojdhet/svar/:token', { schema: { params: TokenParams }, config: SUBMIT_LIMIT }, async (request, reply) => {
    privatePage(reply);
    const { tenant, found } = await requestFor(request.params.tenant, request.params.token);
    const lang = publicLang(request, reply, found.language);
    const b = formBody(request.body);
    const values = { score: b.score ?? '', comment: b.comment ?? '' };
    try {
      await answerRequest(db, tenant.id, request.params.token, values, lang);
      return reply.redirect(`/${tenant.slug}/nojdhet/tack?lang=${lang}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || (error.code !== 'validation' && error.code !== 'conflict')) throw error;
      const page = AfterContactPage({
        lang,
        tenant,
        path: `/${tenant.slug}/nojdhet/svar/${request.params.token}`,
        question: QUESTION[lang],
        csrfToken: csrfToken(reply),
        values,
        errors: error.fields,
        message: error.code === 'conflict' ? error.message : undefined,
      });
      return html(reply, renderPage(page), error.status);
    }
  });

  app.post('/:tenant/nojdhet/svar/:token/nej', { schema: { params: TokenParams }, config: SUBMIT_LIMIT }, async (request, reply) => {
    privatePage(reply);
    const { tenant, found } = await requestFor(request.params.tenant, request.params.token);
    const lang = publicLang(request, reply, found.language);
    await declineRequests(db, tenant.id, request.params.token);
    return reply.redirect(`/${tenant.slug}/nojdhet/tack?nej=1&lang=${lang}`, 303);
  });

  // ---- public Insikt results ------------------------------------------------------------------

  app.get('/:tenant/nojdhet', { schema: { params: TenantParams } }, async (request, reply) => {
    const tenant = await requireTenant(db, request.params.tenant);
    const lang = publicLang(request, reply, tenant.defaultLanguage);
    const results = (await readResults(db, tenant.id, {})).filter((r) => r.period === '');
    const total = results.filter((r) => r.area === 'total' && r.nki !== null).map((r) => ({ year: r.year, value: r.nki as number }));
    const label: Record<Lang, string> = {
      sv: 'Diagram: totalt NKI per år. Värdena finns i tabellerna nedan.',
      fi: 'Kaavio: kokonais-NKI vuosittain. Arvot ovat alla olevissa taulukoissa.',
      en: 'Chart: total NKI per year. The values are in the tables below.',
    };
    const chartSvg = total.length > 0 ? nkiChart(total, [], label[lang]) : null;
    return html(reply, renderPage(PublicResultsPage({ lang, tenant, path: `/${tenant.slug}/nojdhet`, results, chartSvg })));
  });
}
