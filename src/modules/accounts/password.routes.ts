// "Forgot password" pages: ask for a link, then choose a new password through it.
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { csrfToken } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { html } from '../../web/staff.ts';
import { findTenantBySlug, listTenants } from '../tenants/tenants.repo.ts';
import { ORG_COOKIE } from './login.routes.ts';
import { ForgotPasswordPage, ResetPasswordPage } from './password.views.tsx';
import { RESET_PATH, requestPasswordReset, resetLinkUsable, resetPassword } from './password-reset.service.ts';

const NO_CONTROL = '^[^\\u0000-\\u001f\\u007f]*$';
const ForgotForm = Type.Object({
  tenant: Type.Optional(Type.String({ maxLength: 63, pattern: NO_CONTROL })),
  email: Type.Optional(Type.String({ maxLength: 254, pattern: NO_CONTROL })),
  _csrf: Type.Optional(Type.String({ maxLength: 1024 })),
});
const ResetForm = Type.Object({
  token: Type.Optional(Type.String({ maxLength: 200 })),
  password: Type.Optional(Type.String({ maxLength: 1024 })),
  _csrf: Type.Optional(Type.String({ maxLength: 1024 })),
});
const MALFORMED = 'Formuläret kom fram skadat (ett fält kom flera gånger eller innehöll otillåtna tecken). Fyll i det igen.';
const UNUSABLE =
  'Länken för nytt lösenord gäller inte längre: den har redan använts, har gått ut (efter 30 minuter) eller ersatts av en nyare. Be om en ny länk.';

export function registerPasswordRoutes(app: App, { db, config, now: clock }: AppContext): void {
  const now = () => clock?.() ?? new Date();

  app.get('/staff/password/forgot', async (request, reply) => {
    const tenants = await listTenants(db);
    const query = request.query as Record<string, unknown>;
    const remembered = [query.org, request.cookies[ORG_COOKIE]].find((v) => typeof v === 'string' && tenants.some((t) => t.slug === v));
    return html(
      reply,
      renderPage(ForgotPasswordPage({ tenants, tenant: (remembered as string | undefined) ?? '', csrf: csrfToken(reply), errors: [] })),
    );
  });

  app.post('/staff/password/forgot', { config: { rateLimit: { max: 5, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const tenants = await listTenants(db);
    const body = request.body ?? {};
    if (!Value.Check(ForgotForm, body)) throw new AppError('validation', MALFORMED);
    const errors = [];
    const tenant = body.tenant ? await findTenantBySlug(db, body.tenant) : undefined;
    if (!tenant) errors.push({ field: 'tenant', message: 'Välj din organisation.' });
    const email = body.email?.trim() ?? '';
    if (!/^[^@\s]+@[^@\s]+$/.test(email)) errors.push({ field: 'email', message: 'Ange din e-postadress, t.ex. namn@kommun.se.' });
    if (!tenant || errors.length > 0) {
      return html(reply, renderPage(ForgotPasswordPage({ tenants, tenant: body.tenant ?? '', csrf: csrfToken(reply), errors })), 400);
    }
    await requestPasswordReset(db, config, tenant, email, now());
    return html(reply, renderPage(ForgotPasswordPage({ tenants, tenant: tenant.slug, csrf: csrfToken(reply), errors: [], sent: true })));
  });

  app.get(RESET_PATH, async (request, reply) => {
    // The link's token is a secret: the request log redacts `token=` (log-redaction.ts).
    const token = String((request.query as Record<string, unknown>).token ?? '');
    reply.header('cache-control', 'no-store');
    const usable = token === '' || (await resetLinkUsable(db, token, now()));
    return html(
      reply,
      renderPage(ResetPasswordPage({ token, csrf: csrfToken(reply), errors: [], unusable: usable ? undefined : UNUSABLE })),
      usable ? 200 : 410,
    );
  });

  app.post(RESET_PATH, { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } }, async (request, reply) => {
    const body = request.body ?? {};
    if (!Value.Check(ResetForm, body)) throw new AppError('validation', MALFORMED);
    const token = body.token ?? '';
    reply.header('cache-control', 'no-store');
    try {
      await resetPassword(db, token, body.password ?? '', now());
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation') throw error;
      const props = error.fields.length > 0 ? { errors: error.fields } : { errors: [], unusable: error.message };
      return html(reply, renderPage(ResetPasswordPage({ token, csrf: csrfToken(reply), ...props })), error.fields.length > 0 ? 400 : 410);
    }
    return reply.redirect('/staff/login?passwordChanged=1', 303);
  });
}
