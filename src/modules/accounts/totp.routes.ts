// Security-relevant: the pages of the TOTP second factor — the second step of a sign-in, the
// enrolment an admin is sent to when the tenant requires it, enrolment and turning off from
// "Mitt konto", and an admin's reset. The QR code is an SVG image at a same-origin URL (the CSP
// allows no inline script or style); every page with a secret or codes is sent with no-store.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { requireActor, signIn } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { ACCOUNT_PAGE, html, staffContext } from '../../web/staff.ts';
import { uuidOr404 } from '../org/org.routes.ts';
import { findTenantById } from '../tenants/tenants.repo.ts';
import { landing, rememberOrg } from './login.routes.ts';
import { throttleMessage } from './login-throttle.ts';
import { pendingSubject, signInWithEnrolment, signInWithSecondFactor } from './totp.login.ts';
import {
  confirmEnrolment,
  disableOwnSecondFactor,
  type Enrolment,
  pendingEnrolment,
  qrSvg,
  resetSecondFactor,
  startEnrolment,
  type TotpSubject,
} from './totp.service.ts';
import { ENROL_STEP_PAGE, endSecondStep, pendingStep, SECOND_STEP_PAGE } from './totp.session.ts';
import { EnrolPage, RecoveryCodesPage, SecondFactorPage } from './totp.views.tsx';

const OWN_PAGE = '/staff/account/totp';

// Each field once, as text: a repeated field arrives as an array and is refused with a 400.
const TotpForm = Type.Object({
  code: Type.Optional(Type.String({ maxLength: 40 })),
  password: Type.Optional(Type.String({ maxLength: 1024 })),
  action: Type.Optional(Type.Union([Type.Literal('start'), Type.Literal('confirm'), Type.Literal('disable')])),
  _csrf: Type.Optional(Type.String({ maxLength: 1024 })),
});

function parseForm(body: unknown) {
  const value = body ?? {};
  if (!Value.Check(TotpForm, value)) {
    throw new AppError(
      'validation',
      'Formuläret kom fram skadat (ett fält kom flera gånger eller var för långt). Ladda om sidan och försök igen.',
    );
  }
  return value;
}

const WRONG_CODE = 'Koden stämmer inte eller har redan använts. Vänta på nästa kod i appen och försök igen, eller använd en reservkod.';

function secretPage(reply: FastifyReply, body: string, status = 200) {
  reply.header('cache-control', 'no-store');
  return html(reply, body, status);
}

async function sendQr(reply: FastifyReply, enrolment: Enrolment | undefined) {
  if (!enrolment) throw notFound('QR-koden');
  return reply
    .header('cache-control', 'no-store')
    .type('image/svg+xml')
    .send(await qrSvg(enrolment.uri));
}

export function registerTotpRoutes(app: App, ctx: AppContext): void {
  const { db, config } = ctx;
  const now = () => ctx.now?.() ?? new Date();

  /** The pending sign-in's tenant and the user as a TOTP subject; undefined when gone. */
  async function pendingOf(request: FastifyRequest, kind: 'code' | 'enrol') {
    const pending = pendingStep(request, kind, now());
    const tenant = pending && (await findTenantById(db, pending.tenantId));
    const subject = tenant && pending && (await pendingSubject(db, tenant, pending.userId));
    return pending && tenant && subject ? { pending, tenant, subject } : undefined;
  }

  const backToLogin = (request: FastifyRequest, reply: FastifyReply) => {
    endSecondStep(request);
    return reply.redirect('/staff/login?stepExpired=1', 303);
  };

  app.get(SECOND_STEP_PAGE, async (request, reply) => {
    if (!pendingStep(request, 'code', now())) return backToLogin(request, reply);
    return html(reply, renderPage(SecondFactorPage({ csrf: reply.generateCsrf() })));
  });

  app.post(SECOND_STEP_PAGE, { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const form = parseForm(request.body);
    const found = await pendingOf(request, 'code');
    if (!found) return backToLogin(request, reply);
    const at = now();
    const result = await signInWithSecondFactor(db, config, found.tenant, found.pending.userId, form.code ?? '', at);
    if (result.ok) {
      const { next } = found.pending;
      await signIn(request, result.actor);
      rememberOrg(reply, found.tenant.slug);
      if (result.recoveryLeft !== undefined) {
        request.session.flash = `Du loggade in med en reservkod. Den kan inte användas igen; ${result.recoveryLeft} återstår.`;
      }
      return reply.redirect(landing(result.actor, next), 303);
    }
    if (result.reason === 'gone') return backToLogin(request, reply);
    if (result.reason === 'throttled') {
      reply.header('retry-after', Math.max(1, Math.ceil((result.retryAt.getTime() - at.getTime()) / 1000)));
      return html(reply, renderPage(SecondFactorPage({ csrf: reply.generateCsrf(), error: throttleMessage(result, at) })), 429);
    }
    return html(reply, renderPage(SecondFactorPage({ csrf: reply.generateCsrf(), error: WRONG_CODE })), 401);
  });

  /** The enrolment page, starting one when none waits. */
  async function enrolmentFor(subject: TotpSubject): Promise<Enrolment> {
    return (await pendingEnrolment(db, config, subject)) ?? startEnrolment(db, config, subject, now());
  }

  app.get(ENROL_STEP_PAGE, async (request, reply) => {
    const found = await pendingOf(request, 'enrol');
    if (!found) return backToLogin(request, reply);
    const enrolment = await enrolmentFor(found.subject);
    const props = { csrf: reply.generateCsrf(), enrolment, action: ENROL_STEP_PAGE, qrUrl: `${ENROL_STEP_PAGE}/qr.svg`, required: true };
    return secretPage(reply, renderPage(EnrolPage({ ...props, errors: [] })));
  });

  app.get(`${ENROL_STEP_PAGE}/qr.svg`, async (request, reply) => {
    const found = await pendingOf(request, 'enrol');
    return sendQr(reply, found && (await pendingEnrolment(db, config, found.subject)));
  });

  app.post(ENROL_STEP_PAGE, { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const form = parseForm(request.body);
    const found = await pendingOf(request, 'enrol');
    if (!found) return backToLogin(request, reply);
    try {
      const done = await signInWithEnrolment(db, config, found.tenant, found.pending.userId, form.code ?? '', now());
      if (!done) return backToLogin(request, reply);
      const next = landing(done.actor, found.pending.next);
      await signIn(request, done.actor);
      rememberOrg(reply, found.tenant.slug);
      return secretPage(reply, renderPage(RecoveryCodesPage({ codes: done.recoveryCodes, next })));
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const enrolment = await enrolmentFor(found.subject);
      const props = { csrf: reply.generateCsrf(), enrolment, action: ENROL_STEP_PAGE, qrUrl: `${ENROL_STEP_PAGE}/qr.svg`, required: true };
      return secretPage(reply, renderPage(EnrolPage({ ...props, errors: error.fields })), error.status);
    }
  });

  // "Mitt konto": open without a role too (a second factor protects the account, not a role).
  function ownSubject(request: FastifyRequest, reply: FastifyReply) {
    const context = staffContext(request, reply, { withoutRole: true });
    const { actor } = context;
    if (!actor.userId) throw new AppError('forbidden', 'Bara användarkonton har tvåstegsverifiering.');
    const subject: TotpSubject = { tenantId: actor.tenantId, userId: actor.userId, email: actor.label, tenantName: actor.tenantName };
    return { ...context, subject };
  }

  app.get(OWN_PAGE, async (request, reply) => {
    const { session, subject } = ownSubject(request, reply);
    const enrolment = await pendingEnrolment(db, config, subject);
    if (!enrolment) return reply.redirect(ACCOUNT_PAGE, 303);
    const page = EnrolPage({ session, csrf: session.csrfToken, enrolment, action: OWN_PAGE, qrUrl: `${OWN_PAGE}/qr.svg`, errors: [] });
    return secretPage(reply, renderPage(page));
  });

  app.get(`${OWN_PAGE}/qr.svg`, async (request, reply) => {
    const { subject } = ownSubject(request, reply);
    return sendQr(reply, await pendingEnrolment(db, config, subject));
  });

  app.post(OWN_PAGE, { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (request, reply) => {
    const { actor, session, subject } = ownSubject(request, reply);
    const form = parseForm(request.body);
    if (form.action === 'start') {
      await startEnrolment(db, config, subject, now());
      return reply.redirect(OWN_PAGE, 303);
    }
    if (form.action === 'disable') {
      await disableOwnSecondFactor(actor, { code: form.code, password: form.password }, { db, config, now: now() });
      request.session.flash = 'Tvåstegsverifiering är avstängd.';
      return reply.redirect(ACCOUNT_PAGE, 303);
    }
    if (form.action !== 'confirm') throw new AppError('validation', 'Okänd åtgärd.');
    try {
      const codes = await confirmEnrolment(db, config, subject, form.code ?? '', now());
      return secretPage(reply, renderPage(RecoveryCodesPage({ session, codes, next: ACCOUNT_PAGE })));
    } catch (error) {
      const enrolment = await pendingEnrolment(db, config, subject);
      if (!(error instanceof AppError) || error.fields.length === 0 || !enrolment) throw error;
      const page = EnrolPage({
        session,
        csrf: session.csrfToken,
        enrolment,
        action: OWN_PAGE,
        qrUrl: `${OWN_PAGE}/qr.svg`,
        errors: error.fields,
      });
      return secretPage(reply, renderPage(page), error.status);
    }
  });

  // An admin resets a user's second factor (a lost phone): audited.
  app.post('/staff/users/:id/second-factor', async (request, reply) => {
    const { actor } = staffContext(request, reply);
    const id = uuidOr404((request.params as { id: string }).id);
    parseForm(request.body);
    const reset = await resetSecondFactor(actor, id, { db });
    request.session.flash = reset
      ? 'Tvåstegsverifieringen är återställd. Användaren loggar in med lösenordet och kan slå på den igen.'
      : 'Användaren hade ingen tvåstegsverifiering.';
    return reply.redirect(`/staff/users/${id}`, 303);
  });

  app.post(
    '/api/v1/users/:id/second-factor/reset',
    {
      schema: {
        summary: "Remove a user's TOTP second factor and recovery codes, e.g. after a lost phone (role admin)",
        tags: ['organisation'],
        security: [{ bearer: [] }],
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Object({ reset: Type.Boolean({ description: 'false when the user had no second factor' }) }) },
      },
    },
    async (request) => ({ reset: await resetSecondFactor(requireActor(request), request.params.id, { db }) }),
  );
}
