import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { ACCOUNT_PAGE, html, staffContext, takeFlash } from '../../web/staff.ts';
import { uuidOr404 } from '../org/org.routes.ts';
import { listUnits } from '../org/org.service.ts';
import {
  createApiToken,
  createUser,
  endOwnSession,
  grantRole,
  listAllGrants,
  listSessionsOfUser,
  listTokens,
  listUsers,
  revokeApiToken,
  revokeGrant,
  setUserActive,
} from './accounts.service.ts';
import { AccountPage, UserPage, UsersPage } from './accounts.views.tsx';
import type { Actor } from './actor.ts';
import { registerLoginRoutes } from './login.routes.ts';
import { loginLockOf, unlockUser } from './login.service.ts';
import { registerSignOnRoutes } from './oidc.routes.ts';
import { registerPasswordRoutes } from './password.routes.ts';
import { requireAnyRole, requireSomeRole } from './policy.ts';
import { registerTotpRoutes } from './totp.routes.ts';
import { hasSecondFactor, secondFactorStatus } from './totp.service.ts';

/** A form's fields as text; a field sent twice (an array) is refused with a 400, not a 500. */
function formFields(body: unknown): Record<string, string | undefined> {
  const fields: Record<string, string | undefined> = {};
  if (body === null || body === undefined) return fields;
  if (typeof body !== 'object' || Array.isArray(body)) throw malformed();
  for (const [name, value] of Object.entries(body)) {
    if (typeof value !== 'string') throw malformed();
    fields[name] = value;
  }
  return fields;
}

const malformed = () =>
  new AppError('validation', 'Formuläret kom fram skadat: ett fält kom flera gånger. Ladda om sidan och försök igen.');

export function registerAccountRoutes(app: App, ctx: AppContext): void {
  const { db } = ctx;
  const now = () => ctx.now?.() ?? new Date();
  registerLoginRoutes(app, ctx);
  registerSignOnRoutes(app, ctx);
  registerPasswordRoutes(app, ctx);
  registerTotpRoutes(app, ctx);

  app.get('/staff/users', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    requireAnyRole(actor, ['admin']);
    const [users, grants] = await Promise.all([listUsers(db, actor.tenantId), listAllGrants(db, actor.tenantId)]);
    return html(reply, renderPage(UsersPage({ session, users, grants, flash: takeFlash(request), errors: [], values: {} })));
  });

  app.post('/staff/users', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const body = formFields(request.body);
    const values = { email: body.email ?? '', name: body.name ?? '' };
    try {
      const created = await createUser(actor, values, { db });
      const user = (await listUsers(db, actor.tenantId)).find((u) => u.id === created.id);
      if (!user) throw new AppError('not_found', 'Användaren finns inte.');
      const units = await listUnits(db, actor.tenantId);
      // The generated password is shown on this response only; it is never stored in clear.
      return html(
        reply,
        renderPage(UserPage({ session, user, grants: [], units, errors: [], newPassword: created.generatedPassword })),
        201,
      );
    } catch (error) {
      // Field errors and a lost race for the address (409) show the form again with what was typed.
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const [users, grants] = await Promise.all([listUsers(db, actor.tenantId), listAllGrants(db, actor.tenantId)]);
      return html(reply, renderPage(UsersPage({ session, users, grants, errors: error.fields, values })), error.status);
    }
  });

  app.get('/staff/users/:id', async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    requireAnyRole(actor, ['admin']);
    const id = uuidOr404((request.params as { id: string }).id);
    const user = (await listUsers(db, actor.tenantId)).find((u) => u.id === id);
    if (!user) throw new AppError('not_found', 'Användaren finns inte.');
    const [grants, units, lock, secondFactor] = await Promise.all([
      listAllGrants(db, actor.tenantId),
      listUnits(db, actor.tenantId),
      loginLockOf(db, actor.tenantId, user.email, now()),
      hasSecondFactor(db, actor.tenantId, id),
    ]);
    const own = grants.filter((g) => g.userId === id);
    return html(
      reply,
      renderPage(UserPage({ session, user, grants: own, units, lock, secondFactor, flash: takeFlash(request), errors: [] })),
    );
  });

  app.post('/staff/users/:id', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = uuidOr404((request.params as { id: string }).id);
    const body = formFields(request.body);
    if (body.action === 'grant') {
      const added = await grantRole(actor, id, { role: body.role, unitId: body.unitId || null }, { db });
      request.session.flash = added ? 'Behörigheten har lagts till.' : 'Användaren hade redan den behörigheten.';
    } else if (body.action === 'revoke') {
      await revokeGrant(actor, id, uuidOr404(body.grantId ?? ''), { db });
      request.session.flash = 'Behörigheten har tagits bort.';
    } else if (body.action === 'deactivate' || body.action === 'activate') {
      await setUserActive(actor, id, body.action === 'activate', { db });
      request.session.flash = body.action === 'activate' ? 'Kontot är aktivt.' : 'Kontot är inaktiverat.';
    } else if (body.action === 'unlock') {
      const unlocked = await unlockUser(actor, id, { db });
      request.session.flash = unlocked ? 'Kontot är upplåst. Användaren kan logga in igen.' : 'Kontot var inte låst.';
    } else {
      throw new AppError('validation', 'Okänd åtgärd.');
    }
    return reply.redirect(`/staff/users/${id}`, 303);
  });

  app.post(
    '/api/v1/users/:id/unlock',
    {
      schema: {
        summary: 'Lift the sign-in lock and back-off of a user after failed logins (role admin)',
        tags: ['organisation'],
        security: [{ bearer: [] }],
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Object({ unlocked: Type.Boolean({ description: 'false when the account was not locked' }) }) },
      },
    },
    async (request) => ({ unlocked: await unlockUser(requireActor(request), request.params.id, { db }) }),
  );

  // Open without a role too, so that a user whose grants were revoked sees why nothing else opens.
  /** "Mina inloggningar": my sessions (this one marked) and my tokens. */
  async function myAccess(request: FastifyRequest, actor: Actor) {
    if (!actor.userId) return { tokens: [], sessions: [], currentRef: '' };
    const [tokens, sessions, secondFactor] = await Promise.all([
      listTokens(db, actor.tenantId, actor.userId),
      listSessionsOfUser(db, actor.tenantId, actor.userId, now()),
      secondFactorStatus(db, actor.tenantId, actor.userId),
    ]);
    const currentRef = createHash('sha256')
      .update(request.session.sessionId ?? '')
      .digest('hex');
    return { tokens, sessions, currentRef, secondFactor };
  }

  app.get(ACCOUNT_PAGE, async (request, reply) => {
    const { actor, session } = staffContext(request, reply, { withoutRole: true });
    return html(
      reply,
      renderPage(AccountPage({ session, actor, ...(await myAccess(request, actor)), now: now(), flash: takeFlash(request) })),
    );
  });

  app.post('/staff/account/sessions', async (request, reply) => {
    const { actor } = staffContext(request, reply, { withoutRole: true });
    const body = formFields(request.body);
    const ref = body.sessionRef ?? '';
    await endOwnSession(actor, ref, { db });
    if (
      ref ===
      createHash('sha256')
        .update(request.session.sessionId ?? '')
        .digest('hex')
    ) {
      await request.session.destroy();
      return reply.redirect('/staff/login?loggedOut=1', 303);
    }
    request.session.flash = 'Inloggningen har avslutats.';
    return reply.redirect(ACCOUNT_PAGE, 303);
  });

  app.post('/staff/account/tokens', async (request, reply) => {
    const { actor, session } = staffContext(request, reply, { withoutRole: true });
    const body = formFields(request.body);
    if (!actor.userId) throw new AppError('forbidden', 'Bara användarkonton kan ha API-token.');
    if (body.action === 'revoke') {
      // Giving up access needs no role.
      await revokeApiToken(actor, uuidOr404(body.tokenId ?? ''), { db });
      request.session.flash = 'Token har återkallats.';
      return reply.redirect(ACCOUNT_PAGE, 303);
    }
    requireSomeRole(actor);
    const days = body.expiresInDays ? Number(body.expiresInDays) : 0;
    if (![0, 7, 30, 90, 365].includes(days)) throw new AppError('validation', 'Välj hur länge token ska gälla i listan.');
    const created = await createApiToken(db, { tenantId: actor.tenantId, userId: actor.userId, label: actor.label }, body.name ?? '', {
      expiresAt: days > 0 ? new Date(now().getTime() + days * 24 * 60 * 60 * 1000) : null,
      readOnly: body.readOnly === 'yes',
    });
    // Shown once, on this response only; never stored in clear.
    return html(
      reply,
      renderPage(AccountPage({ session, actor, ...(await myAccess(request, actor)), now: now(), newToken: created.token })),
    );
  });
}
