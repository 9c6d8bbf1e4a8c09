// The public portal "Kvalitet och resultat": server-rendered, works without JavaScript.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../http/context.ts';
import { isLang, LANG_COOKIE, type Lang, pickLang } from '../../web/i18n.ts';
import { renderPage } from '../../web/render.ts';
import { html } from '../../web/staff.ts';
import { listTenants } from '../tenants/tenants.repo.ts';
import { requireTenant } from '../tenants/tenants.service.ts';
import { StartPage, TenantHomePage } from './portal.views.tsx';

/** The language of a public page: ?lang= (remembered in a cookie), the cookie, or the tenant's default. */
export function publicLang(request: FastifyRequest, reply: FastifyReply, fallback: Lang = 'sv'): Lang {
  const query = (request.query as { lang?: string } | undefined)?.lang;
  const lang = pickLang(query, request.cookies[LANG_COOKIE], fallback);
  if (isLang(query) && query !== request.cookies[LANG_COOKIE]) {
    reply.setCookie(LANG_COOKIE, query, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
  }
  return lang;
}

export function registerPortalRoutes(app: App, { db }: AppContext): void {
  app.get('/', async (request, reply) => {
    const lang = publicLang(request, reply);
    return html(reply, renderPage(StartPage({ lang, tenants: await listTenants(db) })));
  });

  app.get('/:tenant', async (request, reply) => {
    const { tenant: slug } = request.params as { tenant: string };
    if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(slug)) return reply.callNotFound();
    const tenant = await requireTenant(db, slug);
    const lang = publicLang(request, reply, tenant.defaultLanguage);
    return html(reply, renderPage(TenantHomePage({ lang, tenant })));
  });
}
