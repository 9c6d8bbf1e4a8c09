import { csrfToken, signIn, signOut } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { html, staffContext, takeFlash } from '../../web/staff.ts';
import { uuidOr404 } from '../org/org.routes.ts';
import { listUnits } from '../org/org.service.ts';
import { findTenantBySlug, listTenants } from '../tenants/tenants.repo.ts';
import {
  authenticate,
  createApiToken,
  createUser,
  grantRole,
  listAllGrants,
  listTokens,
  listUsers,
  revokeApiToken,
  revokeGrant,
  setUserActive,
} from './accounts.service.ts';
import { AccountPage, LoginPage, UserPage, UsersPage } from './accounts.views.tsx';
import { requireAnyRole } from './policy.ts';

/** Only local paths: an open redirect after login would help phishing. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/staff(\/[\w\-/?=&%.]*)?$/.test(next) ? next : '/staff';
}

export function registerAccountRoutes(app: App, { db }: AppContext): void {
  app.get('/staff/login', async (request, reply) => {
    if (request.actor) return reply.redirect('/staff', 303);
    const query = request.query as { next?: string; tenant?: string };
    const tenants = await listTenants(db);
    return html(
      reply,
      renderPage(
        LoginPage({
          tenants,
          csrf: csrfToken(reply),
          next: safeNext(query.next),
          values: { tenant: query.tenant ?? tenants[0]?.slug ?? '' },
        }),
      ),
    );
  });

  app.post('/staff/login', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, string>;
    const values = { tenant: body.tenant ?? '', email: body.email ?? '' };
    const tenant = values.tenant ? await findTenantBySlug(db, values.tenant) : undefined;
    const actor = tenant && body.password ? await authenticate(db, tenant, values.email, body.password) : undefined;
    if (!actor) {
      const tenants = await listTenants(db);
      const error = 'Fel e-postadress eller lösenord, eller så saknar kontot behörighet i den valda organisationen.';
      return html(reply, renderPage(LoginPage({ tenants, csrf: csrfToken(reply), next: safeNext(body.next), values, error })), 401);
    }
    await signIn(request, actor);
    return reply.redirect(safeNext(body.next), 303);
  });

  app.post('/staff/logout', async (request, reply) => {
    await signOut(request);
    return reply.redirect('/staff/login', 303);
  });

  app.get('/staff/users', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    requireAnyRole(actor, ['admin']);
    const [users, grants] = await Promise.all([listUsers(db, actor.tenantId), listAllGrants(db, actor.tenantId)]);
    return html(reply, renderPage(UsersPage({ session, users, grants, flash: takeFlash(request), errors: [], values: {} })));
  });

  app.post('/staff/users', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const body = (request.body ?? {}) as Record<string, string>;
    const values = { email: body.email ?? '', name: body.name ?? '' };
    try {
      const created = await createUser(actor, values, { db });
      const users = await listUsers(db, actor.tenantId);
      const user = users.find((u) => u.id === created.id);
      if (!user) throw new AppError('not_found', 'Användaren finns inte.');
      const units = await listUnits(db, actor.tenantId);
      // The generated password is shown on this response only; it is never stored in clear.
      return html(
        reply,
        renderPage(UserPage({ session, user, grants: [], units, errors: [], newPassword: created.generatedPassword })),
        201,
      );
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const [users, grants] = await Promise.all([listUsers(db, actor.tenantId), listAllGrants(db, actor.tenantId)]);
      return html(reply, renderPage(UsersPage({ session, users, grants, errors: error.fields, values })), 400);
    }
  });

  app.get('/staff/users/:id', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    requireAnyRole(actor, ['admin']);
    const id = uuidOr404((request.params as { id: string }).id);
    const users = await listUsers(db, actor.tenantId);
    const user = users.find((u) => u.id === id);
    if (!user) throw new AppError('not_found', 'Användaren finns inte.');
    const [grants, units] = await Promise.all([listAllGrants(db, actor.tenantId), listUnits(db, actor.tenantId)]);
    return html(
      reply,
      renderPage(UserPage({ session, user, grants: grants.filter((g) => g.userId === id), units, flash: takeFlash(request), errors: [] })),
    );
  });

  app.post('/staff/users/:id', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = uuidOr404((request.params as { id: string }).id);
    const body = (request.body ?? {}) as Record<string, string>;
    if (body.action === 'grant') {
      await grantRole(actor, id, { role: body.role, unitId: body.unitId || null }, { db });
      request.session.flash = 'Behörigheten har lagts till.';
    } else if (body.action === 'revoke') {
      await revokeGrant(actor, id, uuidOr404(body.grantId ?? ''), { db });
      request.session.flash = 'Behörigheten har tagits bort.';
    } else if (body.action === 'deactivate' || body.action === 'activate') {
      await setUserActive(actor, id, body.action === 'activate', { db });
      request.session.flash = body.action === 'activate' ? 'Kontot är aktivt.' : 'Kontot är inaktiverat.';
    } else {
      throw new AppError('validation', 'Okänd åtgärd.');
    }
    return reply.redirect(`/staff/users/${id}`, 303);
  });

  app.get('/staff/account', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const tokens = actor.userId ? await listTokens(db, actor.tenantId, actor.userId) : [];
    return html(reply, renderPage(AccountPage({ session, actor, tokens, flash: takeFlash(request) })));
  });

  app.post('/staff/account/tokens', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const body = (request.body ?? {}) as Record<string, string>;
    if (!actor.userId) throw new AppError('forbidden', 'Bara användarkonton kan ha API-token.');
    if (body.action === 'revoke') {
      await revokeApiToken(actor, uuidOr404(body.tokenId ?? ''), { db });
      request.session.flash = 'Token har återkallats.';
      return reply.redirect('/staff/account', 303);
    }
    const created = await createApiToken(db, { tenantId: actor.tenantId, userId: actor.userId, label: actor.label }, body.name ?? '');
    const tokens = await listTokens(db, actor.tenantId, actor.userId);
    // Shown once, on this response only; never stored in clear.
    return html(reply, renderPage(AccountPage({ session, actor, tokens, newToken: created.token })));
  });
}
