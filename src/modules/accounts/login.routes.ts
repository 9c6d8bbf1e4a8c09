// Security-relevant: the login form. Throttled per client (the route's rate limit) and per
// account (login.service.ts); the organisation is remembered in a cookie after a successful
// login, or given in the URL (?org=slug), and otherwise asked — never guessed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { csrfToken, signIn, signOut } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import type { FieldError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { ACCOUNT_PAGE, html } from '../../web/staff.ts';
import { findTenantById, findTenantBySlug, listTenants } from '../tenants/tenants.repo.ts';
import type { Actor } from './actor.ts';
import { signInWithPassword } from './login.service.ts';
import { LoggedOutPage, LoginPage } from './login.views.tsx';
import { throttleMessage } from './login-throttle.ts';
import { endSessionUrl } from './oidc.client.ts';
import { accountPolicyOf, resolveProvider, signOnNames } from './oidc.service.ts';
import { beginSecondStep, ENROL_STEP_PAGE, SECOND_STEP_PAGE } from './totp.session.ts';

/** Remembers the organisation of the last successful login in this browser (not a secret). */
export const ORG_COOKIE = 'insyn.org';
const ORG_COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;

const NO_CONTROL_CHARS = '^[^\\u0000-\\u001f\\u007f]*$';

// Each field once, as text: a repeated field arrives as an array and is refused here, not deeper.
const LoginForm = Type.Object({
  tenant: Type.Optional(Type.String({ maxLength: 63, pattern: NO_CONTROL_CHARS })),
  email: Type.Optional(Type.String({ maxLength: 254, pattern: NO_CONTROL_CHARS })),
  password: Type.Optional(Type.String({ maxLength: 1024 })),
  next: Type.Optional(Type.String({ maxLength: 2048 })),
  _csrf: Type.Optional(Type.String({ maxLength: 1024 })),
});

const WRONG = 'Fel e-postadress eller lösenord, eller så saknar kontot behörighet i den valda organisationen.';
const MALFORMED = 'Formuläret kom fram skadat (ett fält kom flera gånger eller innehöll otillåtna tecken). Fyll i det igen.';

/** Only local paths: an open redirect after login would help phishing. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/staff(\/[\w\-/?=&%.]*)?$/.test(next) ? next : '/staff';
}

/** Where a signed-in actor lands: an actor without roles can open only the own account page. */
export function landing(actor: Actor, next: string): string {
  return actor.grants.length === 0 ? ACCOUNT_PAGE : next;
}

/** The first candidate that names an existing organisation; the only one when there is one. */
function chosenTenant(tenants: { slug: string }[], ...candidates: unknown[]): string {
  for (const c of candidates) if (typeof c === 'string' && tenants.some((t) => t.slug === c)) return c;
  return tenants.length === 1 ? (tenants[0]?.slug ?? '') : '';
}

export function rememberOrg(reply: FastifyReply, slug: string): void {
  reply.setCookie(ORG_COOKIE, slug, {
    path: '/staff/login',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    maxAge: ORG_COOKIE_MAX_AGE_S,
  });
}

export type LoginPageRenderer = (
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  form: { tenant: string; email: string; next: unknown; error?: string; errors?: FieldError[]; notice?: string },
) => Promise<unknown>;

export function loginPageRenderer({ db, config }: AppContext): LoginPageRenderer {
  return async (request, reply, status, form) => {
    const tenants = await listTenants(db);
    const values = { tenant: chosenTenant(tenants, form.tenant, request.cookies[ORG_COOKIE]), email: form.email };
    const names = await signOnNames(db, config, tenants);
    const signOn = tenants.filter((t) => names.has(t.id)).map((t) => ({ slug: t.slug, displayName: names.get(t.id) ?? t.name }));
    const chosen = tenants.find((t) => t.slug === values.tenant);
    const passwordsOff = chosen !== undefined && names.has(chosen.id) && !(await accountPolicyOf(db, chosen.id)).localPasswords;
    const props = {
      tenants,
      csrf: csrfToken(reply),
      next: safeNext(form.next),
      values,
      error: form.error,
      errors: form.errors,
      signOn,
      passwordsOff,
      notice: form.notice,
    };
    return html(reply, renderPage(LoginPage(props)), status);
  };
}

export function registerLoginRoutes(app: App, ctx: AppContext): void {
  const { db, now: clock, config } = ctx;
  const page = loginPageRenderer(ctx);

  app.get('/staff/login', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    if (request.actor) return reply.redirect(landing(request.actor, safeNext(query.next)), 303);
    // ?org= (or the older ?tenant=) in a link from the municipality's own pages wins over the cookie.
    const tenant = [query.org, query.tenant].find((v) => typeof v === 'string') as string | undefined;
    const notice =
      query.loggedOut === '1'
        ? 'Du är utloggad.'
        : query.passwordChanged === '1'
          ? 'Ditt nya lösenord är sparat. Logga in med det.'
          : query.stepExpired === '1'
            ? 'Inloggningen tog för lång tid eller avbröts. Logga in igen.'
            : undefined;
    return page(request, reply, 200, { tenant: tenant ?? '', email: '', next: query.next, notice });
  });

  app.post('/staff/login', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const body = request.body ?? {};
    if (!Value.Check(LoginForm, body)) return page(request, reply, 400, { tenant: '', email: '', next: undefined, error: MALFORMED });
    const form = { tenant: body.tenant ?? '', email: body.email ?? '', next: body.next };
    const errors: FieldError[] = [];
    const tenant = form.tenant ? await findTenantBySlug(db, form.tenant) : undefined;
    if (!tenant) errors.push({ field: 'tenant', message: 'Välj din organisation.' });
    if (!form.email.trim()) errors.push({ field: 'email', message: 'Ange din e-postadress.' });
    if (!body.password) errors.push({ field: 'password', message: 'Ange ditt lösenord.' });
    if (!tenant || errors.length > 0) return page(request, reply, 400, { ...form, errors });

    const now = clock?.() ?? new Date();
    if (!(await accountPolicyOf(db, tenant.id)).localPasswords && (await resolveProvider(db, config, tenant))) {
      return page(request, reply, 403, { ...form, error: `${tenant.name} loggar in via sin egen inloggningstjänst. Använd knappen ovan.` });
    }
    const result = await signInWithPassword(db, tenant, form.email, body.password ?? '', now);
    if (!result.ok && (result.reason === 'second_factor' || result.reason === 'enrol_required')) {
      // The password was right; the session stays signed out until the second step (totp.routes.ts).
      await beginSecondStep(request, {
        tenantId: tenant.id,
        userId: result.userId,
        next: safeNext(form.next),
        kind: result.reason === 'second_factor' ? 'code' : 'enrol',
        now,
      });
      return reply.redirect(result.reason === 'second_factor' ? SECOND_STEP_PAGE : ENROL_STEP_PAGE, 303);
    }
    if (!result.ok) {
      const throttled = result.reason === 'throttled';
      const error = throttled ? throttleMessage(result, now) : WRONG;
      if (throttled) reply.header('retry-after', Math.max(1, Math.ceil((result.retryAt.getTime() - now.getTime()) / 1000)));
      return page(request, reply, throttled ? 429 : 401, { ...form, error });
    }
    await signIn(request, result.actor);
    rememberOrg(reply, tenant.slug);
    return reply.redirect(landing(result.actor, safeNext(form.next)), 303);
  });

  app.post('/staff/logout', async (request, reply) => {
    // After single sign-on the session at the provider is ended too, when it supports that.
    const signOn = request.session.signOn;
    await signOut(request);
    if (signOn) {
      const tenant = await findTenantById(db, signOn.tenantId);
      const settings = tenant ? await resolveProvider(db, config, tenant) : undefined;
      const url = settings ? await endSessionUrl(settings, signOn.idToken, `${config.baseUrl}/staff/login?loggedOut=1`) : undefined;
      if (url) {
        // Not a redirect: the CSP's form-action 'self' (rightly) stops a form post from being
        // redirected to another site. A page that refreshes to the provider (a navigation, which
        // form-action does not cover), with the same link to follow by hand.
        reply.header('refresh', `0;url=${url}`).header('cache-control', 'no-store');
        return html(reply, renderPage(LoggedOutPage({ provider: settings?.displayName ?? '', url })));
      }
    }
    return reply.redirect('/staff/login?loggedOut=1', 303);
  });
}
