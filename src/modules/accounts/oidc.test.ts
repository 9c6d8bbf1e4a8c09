// Single sign-on end to end: the real app (app.inject) against a real oidc-provider on loopback.

import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieHeader,
  createTestContext,
  createTestTenant,
  createTestUser,
  formToken,
  mergeCookies,
  type TestContext,
  type TestTenant,
} from '../../../test/helpers.ts';
import { passThroughProvider, startTestProvider, type TestProvider } from '../../../test/oidc-provider.ts';
import { listAllGrants, listUsers } from './accounts.service.ts';
import { addRoleRule, saveSignOnSettings, setAccountPolicy } from './oidc.service.ts';

const APP_ORIGIN = 'http://localhost:3000';
const CALLBACK = `${APP_ORIGIN}/staff/login/oidc/callback`;

let t: TestContext;
let provider: TestProvider;

beforeAll(async () => {
  t = await createTestContext();
  provider = await startTestProvider([CALLBACK], [`${APP_ORIGIN}/staff/login?loggedOut=1`]);
});
afterAll(async () => {
  await provider?.close();
  await t?.close();
});

async function tenantWithSignOn(options: { createAccounts?: boolean; issuer?: string } = {}): Promise<TestTenant> {
  const tenant = await createTestTenant(t.db, 'Solby kommun');
  await saveSignOnSettings(
    tenant.system,
    {
      displayName: 'Solby-konto',
      issuer: options.issuer ?? provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      scopes: 'openid email profile groups',
      createAccounts: options.createAccounts ?? false,
    },
    { db: t.db, config: t.ctx.config },
  );
  return tenant;
}

/** Starts a sign-on in the app: the provider URL and the app's cookies. */
async function start(slug: string) {
  const res = await t.app.inject({ method: 'GET', url: `/staff/login/oidc?org=${slug}` });
  return { res, location: res.headers.location as string | undefined, cookie: cookieHeader(res.cookies) };
}

async function callback(url: URL, cookie: string) {
  const res = await t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}`, headers: { cookie, accept: 'text/html' } });
  return { res, cookie: mergeCookies(cookie, cookieHeader(res.cookies)) };
}

async function signOnAs(slug: string, account: TestProvider['nextAccount']) {
  provider.nextAccount = account;
  const s = await start(slug);
  expect(s.res.statusCode).toBe(303);
  const back = await passThroughProvider(s.location ?? '', APP_ORIGIN);
  return callback(back, s.cookie);
}

describe('single sign-on with OpenID Connect', () => {
  it('offers "Logga in med <organisation>" on the login page and never shows the secret back', async () => {
    const tenant = await tenantWithSignOn();
    const page = await t.app.inject({ method: 'GET', url: `/staff/login?org=${tenant.tenant.slug}` });
    expect(page.body).toContain('Logga in med Solby-konto');
    expect(page.body).toContain(`/staff/login/oidc?org=${tenant.tenant.slug}`);
    const admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
    const settings = await t.app.inject({ method: 'GET', url: '/staff/sign-on', headers: admin.auth });
    expect(settings.statusCode).toBe(200);
    expect(settings.body).toContain(provider.issuer);
    expect(settings.body).not.toContain(provider.clientSecret);
    const stored = await t.db
      .selectFrom('oidc_configs')
      .select('client_secret_enc')
      .where('tenant_id', '=', tenant.tenant.id)
      .executeTakeFirstOrThrow();
    expect(stored.client_secret_enc).not.toContain(provider.clientSecret);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('data')
      .where('tenant_id', '=', tenant.tenant.id)
      .where('entity', '=', 'sign_on')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.data)).not.toContain(provider.clientSecret);
  });

  it('signs in an existing user by e-mail at the first sign-on, then by the recorded subject, with PKCE, state and nonce', async () => {
    const tenant = await tenantWithSignOn();
    const user = await createTestUser(t.db, tenant, [{ role: 'officer' }]);
    const s = await start(tenant.tenant.slug);
    const auth = new URL(s.location ?? '');
    expect(auth.origin).toBe(provider.issuer);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('code_challenge')).toBeTruthy();
    expect(auth.searchParams.get('state')).toBeTruthy();
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    provider.nextAccount = { sub: `sub-${user.id}`, email: user.email.toUpperCase(), name: 'Anna' };
    const back = await passThroughProvider(s.location ?? '', APP_ORIGIN);
    const first = await callback(back, s.cookie);
    expect(first.res.statusCode).toBe(303);
    expect(first.res.headers.location).toBe('/staff');
    const me = await t.app.inject({ method: 'GET', url: '/staff/account', headers: { cookie: first.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.body).toContain(user.email);

    // The e-mail changed at the provider: the subject recorded at the first sign-on still finds the user.
    const second = await signOnAs(tenant.tenant.slug, { sub: `sub-${user.id}`, email: 'renamed@elsewhere.example' });
    expect(second.res.statusCode).toBe(303);
    const me2 = await t.app.inject({ method: 'GET', url: '/staff/account', headers: { cookie: second.cookie } });
    expect(me2.body).toContain(user.email);
    const logins = await t.db
      .selectFrom('audit_log')
      .select(['data'])
      .where('tenant_id', '=', tenant.tenant.id)
      .where('action', '=', 'login')
      .where('entity_id', '=', user.id)
      .execute();
    expect(logins.map((l) => (l.data as { method: string }).method)).toEqual(['oidc', 'oidc']);
  });

  it('maps groups to roles by the admin’s rules, and takes a rule’s role back when the group is gone', async () => {
    const tenant = await tenantWithSignOn({ createAccounts: true });
    await addRoleRule(tenant.system, { groupValue: 'insyn-handlaggare', role: 'officer', unitId: tenant.rootId }, { db: t.db });
    await addRoleRule(tenant.system, { groupValue: 'insyn-kvalitet', role: 'quality' }, { db: t.db });
    const account = { sub: 'bob-1', email: 'bob@solby.example', name: 'Bob', groups: ['insyn-handlaggare', 'other'] };
    const first = await signOnAs(tenant.tenant.slug, account);
    expect(first.res.statusCode).toBe(303);
    const bob = (await listUsers(t.db, tenant.tenant.id)).find((u) => u.email === 'bob@solby.example');
    expect(bob).toBeDefined();
    const grantsOf = async () =>
      (await listAllGrants(t.db, tenant.tenant.id)).filter((g) => g.userId === bob?.id).map((g) => `${g.role}:${g.unitId}`);
    expect(await grantsOf()).toEqual([`officer:${tenant.rootId}`]);
    const inbox = await t.app.inject({ method: 'GET', url: '/staff', headers: { cookie: first.cookie } });
    expect(inbox.statusCode).toBe(200);

    await signOnAs(tenant.tenant.slug, { ...account, groups: ['insyn-kvalitet'] });
    expect(await grantsOf()).toEqual(['quality:null']);
    const audits = await t.db
      .selectFrom('audit_log')
      .select(['action', 'data'])
      .where('tenant_id', '=', tenant.tenant.id)
      .where('entity_id', '=', bob?.id ?? '')
      .where('action', 'in', ['grant', 'revoke'])
      .orderBy('id')
      .execute();
    expect(audits.map((a) => `${a.action}:${(a.data as { role: string }).role}`)).toEqual([
      'grant:officer',
      'revoke:officer',
      'grant:quality',
    ]);
  });

  it('creates an account without any role at the first sign-on when the tenant allows it', async () => {
    const tenant = await tenantWithSignOn({ createAccounts: true });
    const res = await signOnAs(tenant.tenant.slug, { sub: 'new-1', email: 'ny@solby.example', name: 'Ny Person' });
    expect(res.res.statusCode).toBe(303);
    expect(res.res.headers.location).toBe('/staff/account');
    const staff = await t.app.inject({ method: 'GET', url: '/staff', headers: { cookie: res.cookie, accept: 'text/html' } });
    expect(staff.statusCode).toBe(403);
  });

  it('refuses an unknown person when accounts are not created, with a message that says what to do', async () => {
    const tenant = await tenantWithSignOn();
    const res = await signOnAs(tenant.tenant.slug, { sub: 'stranger', email: 'okand@solby.example' });
    expect(res.res.statusCode).toBe(403);
    expect(res.res.body).toContain('Det finns inget konto för okand@solby.example i Solby kommun');
    const failed = await t.db
      .selectFrom('audit_log')
      .select(['actor_label', 'data'])
      .where('tenant_id', '=', tenant.tenant.id)
      .where('action', '=', 'login_failed')
      .execute();
    expect(failed).toHaveLength(1);
    expect(failed[0]?.actor_label).toBe('o***@s***.example');
  });

  it('refuses a callback whose state is not the one this browser started with', async () => {
    const tenant = await tenantWithSignOn();
    const user = await createTestUser(t.db, tenant, [{ role: 'officer' }]);
    provider.nextAccount = { sub: 'st-1', email: user.email };
    const s = await start(tenant.tenant.slug);
    const back = await passThroughProvider(s.location ?? '', APP_ORIGIN);
    back.searchParams.set('state', 'forged-state-value');
    const res = await callback(back, s.cookie);
    expect(res.res.statusCode).toBe(400);
    expect(res.res.body).toContain('svaret från identitetstjänsten hörde inte till inloggningen');
    const me = await t.app.inject({ method: 'GET', url: '/staff/account', headers: { cookie: res.cookie, accept: 'text/html' } });
    expect(me.statusCode).toBe(303);
    expect(me.headers.location).toMatch(/^\/staff\/login/);
    // The pending sign-on was used up: the true state does not work afterwards either.
    back.searchParams.set('state', new URL(s.location ?? '').searchParams.get('state') ?? '');
    const replay = await callback(back, res.cookie);
    expect(replay.res.statusCode).toBe(400);
    expect(replay.res.body).toContain('ingen pågående inloggning');
  });

  it('refuses an expired code with a clear message', async () => {
    const tenant = await tenantWithSignOn();
    const user = await createTestUser(t.db, tenant, [{ role: 'officer' }]);
    provider.nextAccount = { sub: 'exp-1', email: user.email };
    provider.codeTtl = 1;
    try {
      const s = await start(tenant.tenant.slug);
      const back = await passThroughProvider(s.location ?? '', APP_ORIGIN);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      const res = await callback(back, s.cookie);
      expect(res.res.statusCode).toBe(400);
      expect(res.res.body).toContain('koden från identitetstjänsten gäller inte längre');
    } finally {
      provider.codeTtl = 60;
    }
  });

  it('says clearly that the provider is down, and still offers the password form', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const tenant = await tenantWithSignOn({ issuer: `http://127.0.0.1:${port}` });
    const s = await start(tenant.tenant.slug);
    expect(s.res.statusCode).toBe(503);
    expect(s.res.body).toContain('Inloggning med Solby-konto fungerar inte just nu: identitetstjänsten svarar inte');
    expect(s.res.body).toContain('name="password"');
  });

  it('ends the session at the provider too on logout (RP-initiated logout)', async () => {
    const tenant = await tenantWithSignOn();
    const user = await createTestUser(t.db, tenant, [{ role: 'officer' }]);
    const signed = await signOnAs(tenant.tenant.slug, { sub: 'lo-1', email: user.email });
    const { csrf, cookie } = await formToken(t.app, '/staff/account', signed.cookie);
    const res = await t.app.inject({
      method: 'POST',
      url: '/staff/logout',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(csrf)}`,
    });
    // A page that refreshes to the provider, not a redirect: form-action 'self' would stop that.
    expect(res.statusCode).toBe(200);
    expect(res.headers.refresh).toMatch(/^0;url=/);
    const end = new URL(String(res.headers.refresh).slice('0;url='.length));
    expect(res.body).toContain(`href="${end.href.replaceAll('&', '&amp;')}"`);
    expect(end.origin).toBe(provider.issuer);
    expect(end.searchParams.get('id_token_hint')).toBeTruthy();
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${APP_ORIGIN}/staff/login?loggedOut=1`);
    const me = await t.app.inject({ method: 'GET', url: '/staff/account', headers: { cookie, accept: 'text/html' } });
    expect(me.statusCode).toBe(303);
    expect(me.headers.location).toMatch(/^\/staff\/login/);
  });

  it('lets a tenant turn local passwords off once sign-on is set up', async () => {
    const plain = await createTestTenant(t.db);
    await expect(
      setAccountPolicy(plain.system, { localPasswords: false, totpRequiredForAdmins: false }, { db: t.db, config: t.ctx.config }),
    ).rejects.toThrow(/först när inloggning via organisationens identitetstjänst/);
    const tenant = await tenantWithSignOn();
    const user = await createTestUser(t.db, tenant, [{ role: 'officer' }]);
    await setAccountPolicy(tenant.system, { localPasswords: false, totpRequiredForAdmins: false }, { db: t.db, config: t.ctx.config });
    const page = await t.app.inject({ method: 'GET', url: `/staff/login?org=${tenant.tenant.slug}` });
    expect(page.body).not.toContain('name="password"');
    expect(page.body).toContain('Logga in med Solby-konto');
    // The form is gone; a hand-made post (with a token from another organisation's form) is refused too.
    const { csrf, cookie: jar } = await formToken(t.app, `/staff/login?org=${plain.tenant.slug}`, cookieHeader(page.cookies));
    const res = await t.app.inject({
      method: 'POST',
      url: '/staff/login',
      headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, tenant: tenant.tenant.slug, email: user.email, password: user.password }).toString(),
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('loggar in via sin egen inloggningstjänst');
  });
});
