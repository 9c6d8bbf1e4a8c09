// Security-relevant: single sign-on routes. The start puts state, nonce and the PKCE verifier in the
// browser's server-side session and sends it to the provider; the callback takes them out (once)
// and lets openid-client check the answer. Every refusal is a page in Swedish that says what to do.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { signIn } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { addStaffNav, html, staffContext, takeFlash } from '../../web/staff.ts';
import { uuidOr404 } from '../org/org.routes.ts';
import { listUnits } from '../org/org.service.ts';
import { findTenantById, findTenantBySlug } from '../tenants/tenants.repo.ts';
import { landing, loginPageRenderer, ORG_COOKIE, safeNext } from './login.routes.ts';
import { auditLoginFailure } from './login.service.ts';
import { finishSignOn, type OidcError, type OidcFailure, startSignOn } from './oidc.client.ts';
import {
  accountPolicyOf,
  addRoleRule,
  removeRoleRule,
  resolveProvider,
  saveSignOnSettings,
  setAccountPolicy,
  signInWithClaims,
  signOnAdminView,
} from './oidc.service.ts';
import { SignOnSettingsPage } from './oidc.views.tsx';

export const SIGN_ON_PAGE = '/staff/sign-on';
export const CALLBACK_PATH = '/staff/login/oidc/callback';

function failureMessage(failure: OidcFailure, provider: string, passwordsToo: boolean): { status: number; message: string } {
  switch (failure) {
    case 'unavailable':
      return {
        status: 503,
        message: `Inloggning med ${provider} fungerar inte just nu: identitetstjänsten svarar inte. Försök igen om en stund${passwordsToo ? ', eller logga in med e-postadress och lösenord' : ''}.`,
      };
    case 'wrong_state':
      return {
        status: 400,
        message:
          'Inloggningen kunde inte slutföras: svaret från identitetstjänsten hörde inte till inloggningen som påbörjades i den här webbläsaren. Börja om med knappen nedan.',
      };
    case 'no_pending':
      return {
        status: 400,
        message:
          'Inloggningen kunde inte slutföras: ingen pågående inloggning hittades i den här webbläsaren, eller så tog den mer än 10 minuter. Börja om med knappen nedan.',
      };
    case 'invalid_grant':
      return {
        status: 400,
        message:
          'Inloggningen tog för lång tid eller har redan använts: koden från identitetstjänsten gäller inte längre. Börja om med knappen nedan.',
      };
    case 'denied':
      return { status: 401, message: `${provider} avbröt inloggningen. Börja om, eller kontakta din IT-avdelning om det händer igen.` };
    case 'invalid_response':
      return {
        status: 502,
        message: `Svaret från ${provider} kunde inte godkännas, så du är inte inloggad. Försök igen; händer det igen, kontakta din IT-avdelning.`,
      };
  }
}

export function registerSignOnRoutes(app: App, ctx: AppContext): void {
  const { db, config } = ctx;
  const page = loginPageRenderer(ctx);
  const redirectUri = `${config.baseUrl}${CALLBACK_PATH}`;
  addStaffNav({ href: SIGN_ON_PAGE, label: 'Inloggning', order: 86, roles: ['admin'] });

  async function refuse(
    request: FastifyRequest,
    reply: FastifyReply,
    tenant: { id: string; slug: string; name: string },
    failure: OidcFailure,
    provider: string,
  ) {
    const passwordsToo = (await accountPolicyOf(db, tenant.id)).localPasswords;
    const { status, message } = failureMessage(failure, provider, passwordsToo);
    return page(request, reply, status, { tenant: tenant.slug, email: '', next: undefined, error: message });
  }

  app.get('/staff/login/oidc', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const slug = typeof query.org === 'string' ? query.org : '';
    const tenant = slug ? await findTenantBySlug(db, slug) : undefined;
    const settings = tenant ? await resolveProvider(db, config, tenant) : undefined;
    if (!tenant || !settings) {
      return page(request, reply, 404, {
        tenant: '',
        email: '',
        next: query.next,
        error: 'Organisationen har ingen inloggning via egen identitetstjänst. Välj organisation och logga in med lösenord.',
      });
    }
    try {
      const { url, pending } = await startSignOn(settings, tenant.id, redirectUri, safeNext(query.next));
      request.session.signOnPending = pending;
      return reply.redirect(url, 303);
    } catch (error) {
      request.log.warn({ failure: (error as OidcError).failure, detail: (error as Error).message }, 'sign-on could not start');
      return refuse(request, reply, tenant, (error as OidcError).failure ?? 'unavailable', settings.displayName);
    }
  });

  app.get(CALLBACK_PATH, { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (request, reply) => {
    const pending = request.session.signOnPending;
    // Single use: whatever happens next, this pending sign-on cannot be replayed.
    request.session.signOnPending = undefined;
    const tenant = pending ? await findTenantById(db, pending.tenantId) : undefined;
    if (!pending || !tenant)
      return page(request, reply, 400, { tenant: '', email: '', next: undefined, error: failureMessage('no_pending', '', false).message });
    const settings = await resolveProvider(db, config, tenant);
    if (!settings) return refuse(request, reply, tenant, 'unavailable', tenant.name);
    const callbackUrl = new URL(request.url, config.baseUrl);
    let claims: Awaited<ReturnType<typeof finishSignOn>>;
    try {
      claims = await finishSignOn(settings, pending, callbackUrl);
    } catch (error) {
      const failure = (error as OidcError).failure ?? 'invalid_response';
      request.log.warn({ failure, detail: (error as Error).message }, 'sign-on refused');
      await auditLoginFailure(db, tenant.id, { method: 'oidc', reason: failure });
      return refuse(request, reply, tenant, failure, settings.displayName);
    }
    const result = await signInWithClaims(db, tenant, settings, claims);
    if (!result.ok) {
      await auditLoginFailure(db, tenant.id, { method: 'oidc', reason: result.reason, email: claims.email });
      const message =
        result.reason === 'no_account'
          ? `Det finns inget konto för ${claims.email ?? 'dig'} i ${tenant.name}. Be en administratör i din organisation att lägga till dig.`
          : result.reason === 'inactive'
            ? 'Ditt konto i Insyn är inaktiverat. Kontakta en administratör i din organisation.'
            : `${settings.displayName} angav ingen bekräftad e-postadress, så du kunde inte kopplas till ett konto. Kontakta din IT-avdelning.`;
      return page(request, reply, 403, { tenant: tenant.slug, email: '', next: undefined, error: message });
    }
    await signIn(request, result.actor);
    request.session.signOn = { tenantId: tenant.id, idToken: claims.idToken };
    reply.setCookie(ORG_COOKIE, tenant.slug, {
      path: '/staff/login',
      httpOnly: true,
      sameSite: 'lax',
      secure: 'auto',
      maxAge: 365 * 24 * 60 * 60,
    });
    return reply.redirect(landing(result.actor, pending.next), 303);
  });

  app.get(SIGN_ON_PAGE, async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const [view, units] = await Promise.all([signOnAdminView(actor, { db, config }), listUnits(db, actor.tenantId)]);
    return html(reply, renderPage(SignOnSettingsPage({ session, view, units, redirectUri, flash: takeFlash(request), errors: [] })));
  });

  app.post(SIGN_ON_PAGE, async (request, reply) => {
    const { actor, session } = staffContext(request, reply);
    const body = (request.body ?? {}) as Record<string, unknown>;
    for (const v of Object.values(body))
      if (typeof v !== 'string')
        throw new AppError('validation', 'Formuläret kom fram skadat: ett fält kom flera gånger. Ladda om sidan och försök igen.');
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : undefined);
    try {
      switch (field('action')) {
        case 'settings':
          await saveSignOnSettings(
            actor,
            {
              displayName: field('displayName') ?? '',
              issuer: field('issuer') ?? '',
              clientId: field('clientId') ?? '',
              clientSecret: field('clientSecret'),
              scopes: field('scopes') || undefined,
              groupsClaim: field('groupsClaim') || undefined,
              createAccounts: field('createAccounts') === 'yes',
              enabled: field('enabled') === 'yes',
            },
            { db, config },
          );
          request.session.flash = 'Inställningarna för inloggning har sparats.';
          break;
        case 'add-rule': {
          const added = await addRoleRule(
            actor,
            { groupValue: field('groupValue') ?? '', role: field('role'), unitId: field('unitId') || null },
            { db },
          );
          request.session.flash = added ? 'Regeln har lagts till. Den gäller från nästa inloggning.' : 'Den regeln fanns redan.';
          break;
        }
        case 'remove-rule':
          await removeRoleRule(actor, uuidOr404(field('ruleId') ?? ''), { db });
          request.session.flash = 'Regeln har tagits bort. Behörigheter den gav tas bort vid nästa inloggning.';
          break;
        case 'policy':
          await setAccountPolicy(
            actor,
            { localPasswords: field('localPasswords') !== 'no', totpRequiredForAdmins: field('totpRequiredForAdmins') === 'yes' },
            { db, config },
          );
          request.session.flash = 'Inloggningsreglerna har sparats.';
          break;
        default:
          throw new AppError('validation', 'Okänd åtgärd.');
      }
    } catch (error) {
      if (!(error instanceof AppError) || (error.fields.length === 0 && error.code !== 'conflict')) throw error;
      const [view, units] = await Promise.all([signOnAdminView(actor, { db, config }), listUnits(db, actor.tenantId)]);
      const errors = error.fields.length > 0 ? error.fields : [{ field: 'localPasswords', message: error.message }];
      return html(
        reply,
        renderPage(SignOnSettingsPage({ session, view, units, redirectUri, errors, values: body as Record<string, string> })),
        error.status,
      );
    }
    return reply.redirect(SIGN_ON_PAGE, 303);
  });
}
