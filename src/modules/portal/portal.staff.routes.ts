// Staff pages of the portal: /staff/portal (the public site's settings and logo, admins) and
// /staff/portal/readers ("Vad läser invånarna?", quality strategists and admins).
import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { addStaffNav, html, staffContext, takeFlash } from '../../web/staff.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { localDate } from '../calendar/calendar.ts';
import { listCategories } from '../cases/categories.service.ts';
import { requireTenant } from '../tenants/tenants.service.ts';
import { allIndicators, loadPortal } from './portal.data.ts';
import { boundaryOf, parseMultipart } from './portal.multipart.ts';
import { readingStats, unreadPaths } from './portal.pageviews.ts';
import { portalCounter } from './portal.routes.ts';
import { getPortalSettings, saveLogo, savePortalSettings } from './portal.settings.ts';
import { PortalSettingsPage, ReadersPage, type SettingsFormValues, settingsValues } from './portal.staff.views.tsx';
import { LOGO_MAX_BYTES } from './portal.theme.ts';

const SETTINGS_FIELDS = [
  'displayName',
  'accentColour',
  'adjustColour',
  'licence',
  'contactEmail',
  'feedbackCategory',
  'compliance',
  'knownIssues',
  'assessedOn',
] as const;

const uploads = new WeakMap<FastifyRequest, Buffer | null>();

export function registerPortalStaffRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;
  addStaffNav({ href: '/staff/portal', label: 'Öppna webbplatsen', order: 86, roles: ['admin'] });
  addStaffNav({ href: '/staff/portal/readers', label: 'Vad läser invånarna?', order: 87, roles: ['quality', 'admin'] });

  async function categories(tenantId: string) {
    return (await listCategories(db, tenantId, { activeOnly: true })).map((c) => ({ code: c.code, name: c.name }));
  }

  app.get('/staff/portal', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    requireAnyRole(actor, ['admin']);
    const settings = await getPortalSettings(db, actor.tenantId);
    const page = PortalSettingsPage({
      session,
      tenantSlug: actor.tenantSlug,
      settings,
      values: settingsValues(settings),
      errors: [],
      flash: takeFlash(request),
      categories: await categories(actor.tenantId),
    });
    return html(reply, renderPage(page));
  });

  app.post('/staff/portal', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    requireAnyRole(actor, ['admin']);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const input: Record<string, unknown> = {};
    for (const f of SETTINGS_FIELDS) if (f in body) input[f] = body[f];
    if (!('adjustColour' in body)) input.adjustColour = '';
    try {
      const { notice } = await savePortalSettings(actor, input, { db });
      request.session.flash = notice ?? 'Inställningarna är sparade.';
      return reply.redirect('/staff/portal', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const settings = await getPortalSettings(db, actor.tenantId);
      const values = { ...settingsValues(settings) } as SettingsFormValues;
      for (const f of SETTINGS_FIELDS) if (typeof body[f] === 'string') values[f] = body[f] as string;
      const page = PortalSettingsPage({
        session,
        tenantSlug: actor.tenantSlug,
        settings,
        values,
        errors: error.fields,
        categories: await categories(actor.tenantId),
      });
      return html(reply, renderPage(page), 400);
    }
  });

  // The logo form is multipart/form-data; its parser lives in this scope only.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: LOGO_MAX_BYTES + 64 * 1024 },
      (request, body, done) => {
        const boundary = boundaryOf(request.headers['content-type']);
        if (!boundary) return done(new AppError('validation', 'Formuläret kom fram skadat. Ladda om sidan och försök igen.'));
        const form = parseMultipart(body as Buffer, boundary);
        const file = form.files.logo;
        uploads.set(request, file && file.bytes.length > 0 ? file.bytes : null);
        done(null, form.fields);
      },
    );

    scope.post('/staff/portal/logo', async (request, reply) => {
      const { actor, session } = staffContext(request, reply);
      requireAnyRole(actor, ['admin']);
      const bytes = uploads.get(request) ?? null;
      try {
        if (!bytes)
          throw new AppError('validation', 'Välj en bild.', {
            fields: [{ field: 'logo', message: 'Välj en PNG- eller JPEG-bild att ladda upp.' }],
          });
        await saveLogo(actor, bytes, { db });
        request.session.flash = 'Logotypen är sparad.';
        return reply.redirect('/staff/portal', 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.fields.length === 0) throw error;
        const settings = await getPortalSettings(db, actor.tenantId);
        const page = PortalSettingsPage({
          session,
          tenantSlug: actor.tenantSlug,
          settings,
          values: settingsValues(settings),
          errors: error.fields,
          categories: await categories(actor.tenantId),
        });
        return html(reply, renderPage(page), 400);
      }
    });
  });

  app.post('/staff/portal/logo/remove', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    await saveLogo(actor, null, { db });
    request.session.flash = 'Logotypen är borttagen.';
    return reply.redirect('/staff/portal', 303);
  });

  app.get('/staff/portal/readers', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    requireAnyRole(actor, ['quality', 'admin']);
    await portalCounter()?.flush();
    const today = ctx.now ? localDate(ctx.now()) : localDate(new Date());
    const days = 30;
    const tenant = await requireTenant(db, actor.tenantSlug);
    const data = await loadPortal(db, tenant, 'sv', today);
    const stats = await readingStats(db, tenant.id, today, days);
    const items = [
      ...data.promises.map((p) => ({ path: `/${tenant.slug}/promises/${p.id}`, title: p.title, kind: 'Löfte' })),
      ...allIndicators(data.plans).map((i) => ({ path: `/${tenant.slug}/indicators/${i.id}`, title: i.title, kind: 'Mått' })),
    ];
    const unread = await unreadPaths(
      db,
      tenant.id,
      items.map((i) => i.path),
      today,
      days,
    );
    const page = ReadersPage({ session, stats, days, today, unread: items.filter((i) => unread.has(i.path)) });
    return html(reply, renderPage(page));
  });
}
