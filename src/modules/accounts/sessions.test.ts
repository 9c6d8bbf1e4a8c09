// "Mina inloggningar": my sessions and tokens; disabling ends them at once; token expiry and read-only scope.
import { createHash } from 'node:crypto';
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
import { createApiToken, setUserActive } from './accounts.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t?.close();
});

const html = { accept: 'text/html' };

describe('Mina inloggningar', () => {
  it('lists my sessions with this one marked, and ends another one; nobody else can end mine', async () => {
    const tenant = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tenant, [{ role: 'officer' }]);
    const other = await createTestUser(t.db, tenant, [{ role: 'officer' }]);
    const phone = await loginCookies(t.app, tenant.tenant.slug, user.email, user.password);
    const desk = await loginCookies(t.app, tenant.tenant.slug, user.email, user.password);
    const page = await t.app.inject({ method: 'GET', url: '/staff/account', headers: { cookie: desk } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Mina inloggningar');
    expect(page.body.match(/name="sessionRef"/g)).toHaveLength(2);
    expect(page.body).toContain('(den här)');
    const sidOf = (cookie: string) => decodeURIComponent(/insyn\.sid=([^;]+)/.exec(cookie)?.[1] ?? '').split('.')[0] ?? '';
    const refs = [...page.body.matchAll(/name="sessionRef" value="([0-9a-f]{64})"/g)].map((m) => m[1] ?? '');
    const phoneRef = createHash('sha256').update(sidOf(phone)).digest('hex');
    expect(refs).toContain(phoneRef);
    const ref = phoneRef;
    // The session id itself (a secret) is not on the page.
    const sid = sidOf(phone);
    expect(sid.length).toBeGreaterThan(10);
    expect(page.body).not.toContain(sid);

    const intruder = await loginCookies(t.app, tenant.tenant.slug, other.email, other.password);
    const theirs = await formToken(t.app, '/staff/account', intruder);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/staff/account/sessions',
      headers: { cookie: theirs.cookie, 'content-type': 'application/x-www-form-urlencoded', ...html },
      payload: form({ _csrf: theirs.csrf, sessionRef: ref }).payload,
    });
    expect(refused.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/staff/account', headers: { cookie: phone } })).statusCode).toBe(200);

    const mine = await formToken(t.app, '/staff/account', desk);
    const ended = await t.app.inject({
      method: 'POST',
      url: '/staff/account/sessions',
      headers: { cookie: mine.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: mine.csrf, sessionRef: ref }).payload,
    });
    expect(ended.statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: '/staff/account', headers: { cookie: phone, ...html } })).statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: '/staff/account', headers: { cookie: desk } })).statusCode).toBe(200);
  });

  it('disabling a user ends their sessions and tokens at once', async () => {
    const tenant = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tenant, [{ role: 'officer' }]);
    const cookie = await loginCookies(t.app, tenant.tenant.slug, user.email, user.password);
    await setUserActive(tenant.system, user.id, false, { db: t.db });
    const sessions = await t.db.selectFrom('sessions').select('sid').where('user_id', '=', user.id).execute();
    expect(sessions).toHaveLength(0);
    const tokens = await t.db.selectFrom('api_tokens').select('revoked_at').where('user_id', '=', user.id).execute();
    expect(tokens.every((tk) => tk.revoked_at !== null)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/staff/account', headers: { cookie, ...html } })).statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tenant', headers: user.auth })).statusCode).toBe(401);
    // Turning the account on again does not bring the old token back.
    await setUserActive(tenant.system, user.id, true, { db: t.db });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tenant', headers: user.auth })).statusCode).toBe(401);
  });

  it('a token can expire and can be read-only', async () => {
    const tenant = await createTestTenant(t.db);
    const admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
    const owner = { tenantId: tenant.tenant.id, userId: admin.id, label: admin.email };
    const expired = await createApiToken(t.db, owner, 'gammal', { expiresAt: new Date(Date.now() - 1000) });
    const readOnly = await createApiToken(t.db, owner, 'läsare', { readOnly: true, expiresAt: new Date(Date.now() + 3_600_000) });
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tenant', headers: bearer(expired.token) })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tenant', headers: bearer(readOnly.token) })).statusCode).toBe(200);
    const write = await t.app.inject({ method: 'POST', url: `/api/v1/users/${admin.id}/unlock`, headers: bearer(readOnly.token) });
    expect(write.statusCode).toBe(403);
    expect(write.json().message ?? JSON.stringify(write.json())).toMatch(/bara läsa/);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/users/${admin.id}/unlock`, headers: admin.auth })).statusCode).toBe(200);
    const page = await t.app.inject({ method: 'GET', url: '/staff/account', headers: admin.auth });
    expect(page.body).toContain('Bara läsa');
    expect(page.body).toContain('Har gått ut');
  });
});
