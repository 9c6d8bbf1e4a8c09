import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestTenant,
  createTestUser,
  form,
  formToken,
  loginCookies,
  type TestContext,
} from '../../../test/helpers.ts';
import { attemptLogin } from './login.fixtures.ts';
import { coversUnit } from './policy.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('login and sessions', () => {
  it('sets a server-side session cookie that is HttpOnly and SameSite=Lax, and stores no password', async () => {
    const tt = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tt, [{ role: 'reader' }]);
    const res = await attemptLogin(t.app, { tenant: tt.tenant.slug, email: user.email.toUpperCase(), password: user.password });
    expect(res.statusCode).toBe(303);
    const session = res.cookies.find((c) => c.name === 'insyn.sid');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    const row = await t.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password with 401 and the same message as an unknown address', async () => {
    const tt = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tt, [{ role: 'reader' }]);
    const attempt = (email: string, password: string) => attemptLogin(t.app, { tenant: tt.tenant.slug, email, password });
    const wrong = await attempt(user.email, 'fel-lösenord-helt-klart');
    const unknown = await attempt('ingen@test.example', 'fel-lösenord-helt-klart');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toContain('Fel e-postadress eller lösenord');
    expect(wrong.cookies.find((c) => c.name === 'insyn.sid')).toBeUndefined();
  });

  it('a user of one tenant cannot sign in to another', async () => {
    const a = await createTestTenant(t.db);
    const b = await createTestTenant(t.db);
    const user = await createTestUser(t.db, a, [{ role: 'admin' }]);
    await expect(loginCookies(t.app, b.tenant.slug, user.email, user.password)).rejects.toThrow(/401/);
  });

  it('form posts without a valid CSRF token are refused and change nothing', async () => {
    const tt = await createTestTenant(t.db);
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const cookie = await loginCookies(t.app, tt.tenant.slug, admin.email, admin.password);
    const res = await t.app.inject({
      method: 'POST',
      url: '/staff/org',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ name: 'Smygenheten', kind: 'board', parentId: tt.rootId }).payload,
    });
    expect(res.statusCode).toBe(403);
    const units = await t.db.selectFrom('org_units').select('name').where('tenant_id', '=', tt.tenant.id).execute();
    expect(units.map((u) => u.name)).not.toContain('Smygenheten');
  });

  it('staff pages redirect to login when signed out, and logout ends the session', async () => {
    const tt = await createTestTenant(t.db);
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const anonymous = await t.app.inject({ method: 'GET', url: '/staff/org', headers: { accept: 'text/html' } });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/staff/login?next=%2Fstaff%2Forg');
    const cookie = await loginCookies(t.app, tt.tenant.slug, admin.email, admin.password);
    expect((await t.app.inject({ method: 'GET', url: '/staff/org', headers: { cookie } })).statusCode).toBe(200);
    const { csrf, cookie: jar } = await formToken(t.app, '/staff', cookie);
    const out = await t.app.inject({
      method: 'POST',
      url: '/staff/logout',
      headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrf }).payload,
    });
    expect(out.statusCode).toBe(303);
    const after = await t.app.inject({ method: 'GET', url: '/staff/org', headers: { cookie, accept: 'text/html' } });
    expect(after.statusCode).toBe(303);
  });

  it('tests sign in from addresses of their own: more logins than the per-client limit all succeed', async () => {
    const tt = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tt, [{ role: 'reader' }]);
    for (let i = 0; i < 12; i++)
      await expect(loginCookies(t.app, tt.tenant.slug, user.email, user.password)).resolves.toContain('insyn.sid');
  });

  it('login is rate-limited per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/staff/login',
        remoteAddress: '198.51.100.7',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'tenant=x&email=a@b.se&password=x',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toContain(429);
  });
});

describe('API tokens', () => {
  it('authenticate with the owner’s roles; a revoked or unknown token gets 401', async () => {
    const tt = await createTestTenant(t.db);
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const ok = await t.app.inject({ method: 'GET', url: '/api/v1/org-units', headers: admin.auth });
    expect(ok.statusCode).toBe(200);
    const stored = await t.db
      .selectFrom('api_tokens')
      .select(['token_hash', 'id'])
      .where('user_id', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(admin.token);
    expect(stored.token_hash).toHaveLength(64);
    await t.db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('id', '=', stored.id).execute();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/org-units', headers: admin.auth })).statusCode).toBe(401);
    const bogus = { authorization: 'Bearer insyn_not-a-real-token' };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/org-units', headers: bogus })).statusCode).toBe(401);
  });

  it('a token of a deactivated user stops working', async () => {
    const tt = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tt, [{ role: 'reader' }]);
    await t.db.updateTable('users').set({ active: false }).where('id', '=', user.id).execute();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/org-units', headers: user.auth })).statusCode).toBe(401);
  });

  it('the staff account page creates a token that is shown once and works', async () => {
    const tt = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tt, [{ role: 'reader' }]);
    const cookie = await loginCookies(t.app, tt.tenant.slug, user.email, user.password);
    const { csrf, cookie: jar } = await formToken(t.app, '/staff/account', cookie);
    const res = await t.app.inject({
      method: 'POST',
      url: '/staff/account/tokens',
      headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrf, name: 'Integration', action: 'create' }).payload,
    });
    const token = /(insyn_[A-Za-z0-9_-]{20,})/.exec(res.body)?.[1];
    expect(token).toBeDefined();
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/org-units', headers: { authorization: `Bearer ${token}` } });
    expect(api.statusCode).toBe(200);
    const again = await t.app.inject({ method: 'GET', url: '/staff/account', headers: { cookie } });
    expect(again.body).not.toContain(token);
  });
});

describe('admin user management', () => {
  it('admin creates a user with a generated password and grants a role; non-admins get 403', async () => {
    const tt = await createTestTenant(t.db);
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const officer = await createTestUser(t.db, tt, [{ role: 'officer', unitId: tt.rootId }]);
    const cookie = await loginCookies(t.app, tt.tenant.slug, admin.email, admin.password);
    const { csrf, cookie: jar } = await formToken(t.app, '/staff/users', cookie);
    const res = await t.app.inject({
      method: 'POST',
      url: '/staff/users',
      headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrf, name: 'Ny Person', email: 'ny.person@test.example' }).payload,
    });
    expect(res.statusCode).toBe(201);
    const password = /<p class="token">([^<]+)<\/p>/.exec(res.body)?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(16);
    await expect(loginCookies(t.app, tt.tenant.slug, 'ny.person@test.example', password ?? '')).resolves.toContain('insyn.sid');

    const bad = await t.app.inject({
      method: 'POST',
      url: '/staff/users',
      headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrf, name: '', email: 'inte-en-adress' }).payload,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Ange en giltig e-postadress.');
    expect(bad.body).toContain('value="inte-en-adress"');

    const officerCookie = await loginCookies(t.app, tt.tenant.slug, officer.email, officer.password);
    expect((await t.app.inject({ method: 'GET', url: '/staff/users', headers: { cookie: officerCookie } })).statusCode).toBe(403);
  });
});

describe('role scope', () => {
  it('a role on a unit covers its subtree; admin covers the tenant', () => {
    const actor = (grants: { role: 'admin' | 'officer'; unitId: string | null }[]) => ({
      userId: 'u',
      tenantId: 't',
      tenantSlug: 't',
      tenantName: 'T',
      label: 'x',
      name: 'x',
      grants,
    });
    const officer = actor([{ role: 'officer', unitId: 'board' }]);
    expect(coversUnit(officer, ['officer'], ['unit', 'department', 'board', 'council'])).toBe(true);
    expect(coversUnit(officer, ['officer'], ['other', 'council'])).toBe(false);
    expect(coversUnit(officer, ['quality'], ['unit', 'board'])).toBe(false);
    expect(coversUnit(actor([{ role: 'admin', unitId: null }]), ['officer'], ['anything'])).toBe(true);
  });
});
