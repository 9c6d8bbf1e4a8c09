// Security-relevant: who is making the request. API calls authenticate with a personal token
// (`Authorization: Bearer insyn_…`); staff pages with a server-side session cookie.
// Browser form posts are CSRF-checked; token-authenticated API calls carry no cookies and are not.
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifySession from '@fastify/session';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loadActor, tokenAccess } from '../modules/accounts/accounts.service.ts';
import type { Actor } from '../modules/accounts/actor.ts';
import { requireSomeRole } from '../modules/accounts/policy.ts';
import { findTenantById } from '../modules/tenants/tenants.repo.ts';
import type { App, AppContext } from './context.ts';
import { AppError, unauthorized } from './errors.ts';
import { databaseSessionStore } from './session-store.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    authenticatedBy: 'token' | 'session' | null;
  }
}

declare module '@fastify/session' {
  interface FastifySessionObject {
    userId?: string;
    tenantId?: string;
    flash?: string;
    /** Shown on "Mina inloggningar" so that a person recognises the browser. */
    userAgent?: string;
    /** A sign-on under way: state, nonce and PKCE verifier until the provider's callback. */
    signOnPending?: import('../modules/accounts/oidc.client.ts').PendingSignOn;
    /** Signed in through single sign-on: for logout at the provider too. */
    signOn?: { tenantId: string; idToken?: string };
  }
}

const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

function isMutating(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}

/**
 * Security-relevant: a browser names the page a form was sent from (Origin, or Referer when it
 * sends no Origin). A post from another site is refused even with a valid CSRF token. Our origin is
 * BASE_URL's when set, otherwise the Host header. A post with neither header is left to the token.
 */
function fromAnotherSite(request: FastifyRequest, publicOrigin: string | undefined): boolean {
  const origin = request.headers.origin;
  const source = typeof origin === 'string' && origin !== '' ? origin : request.headers.referer;
  if (!source) return false;
  if (source === 'null') return true;
  let sender: URL;
  try {
    sender = new URL(source);
  } catch {
    return true;
  }
  if (publicOrigin) return sender.origin !== publicOrigin;
  try {
    // The Host header read under the sender's scheme, so "example.se:443" equals https://example.se.
    return sender.host !== new URL(`${sender.protocol}//${request.host}`).host;
  } catch {
    return true;
  }
}

export async function registerAuth(app: App, ctx: AppContext): Promise<void> {
  await app.register(fastifyCookie, { secret: ctx.config.sessionSecret });
  await app.register(fastifySession, {
    secret: ctx.config.sessionSecret,
    cookieName: 'insyn.sid',
    saveUninitialized: false,
    rolling: true,
    store: databaseSessionStore(ctx.db),
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', maxAge: SESSION_TTL_MS },
  });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'insyn.csrf',
    cookieOpts: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', signed: true },
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('authenticatedBy', null);

  app.addHook('preHandler', async (request, reply) => {
    const token = bearerToken(request);
    if (token) {
      const found = await tokenAccess(ctx.db, token);
      if (!found) throw unauthorized();
      if (found.readOnly && isMutating(request.method)) {
        throw new AppError('forbidden', 'Den här API-token får bara läsa. Skapa en token utan läsbegränsning för att ändra något.');
      }
      const actor = found.actor;
      request.actor = actor;
      request.authenticatedBy = 'token';
      return;
    }
    const isApi = request.url.startsWith('/api/') || request.url.startsWith('/open311/');
    // Browser forms (staff and public) must carry the CSRF token.
    if (isMutating(request.method) && !isApi) {
      if (fromAnotherSite(request, ctx.config.publicOrigin)) {
        throw new AppError('forbidden', 'Formuläret skickades från en annan webbplats. Öppna sidan här och skicka igen.');
      }
      await new Promise<void>((resolve, reject) => {
        app.csrfProtection(request, reply, (error?: Error) => (error ? reject(error) : resolve()));
      });
    }
    const { userId, tenantId } = request.session;
    // The JSON API accepts a session only for reading; writes need a token.
    if (userId && tenantId && !(isApi && isMutating(request.method))) {
      const tenant = await findTenantById(ctx.db, tenantId);
      const actor = tenant ? await loadActor(ctx.db, tenant, userId) : undefined;
      if (actor) {
        request.actor = actor;
        request.authenticatedBy = 'session';
      } else {
        await request.session.destroy();
      }
    }
  });
}

/**
 * The guard of every staff page and API route: a signed-in actor with at least one role. No
 * role, no access — a user whose grants are all revoked is refused everywhere (403) except by
 * `requireSignedIn` routes (login, logout, "Mitt konto").
 */
export function requireActor(request: FastifyRequest): Actor {
  const actor = requireSignedIn(request);
  requireSomeRole(actor);
  return actor;
}

/** Signed in, with or without roles: only for pages that show a user their own account. */
export function requireSignedIn(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

export async function signIn(request: FastifyRequest, actor: Actor): Promise<void> {
  // A new session id at login prevents session fixation.
  await request.session.regenerate();
  request.session.userId = actor.userId ?? undefined;
  request.session.tenantId = actor.tenantId;
  const agent = request.headers['user-agent'];
  request.session.userAgent = typeof agent === 'string' ? agent.slice(0, 300) : undefined;
}

export async function signOut(request: FastifyRequest): Promise<void> {
  await request.session.destroy();
}

export function csrfToken(reply: FastifyReply): string {
  return reply.generateCsrf();
}
