// Rate limits count per real client (TRUST_PROXY decides who may name it), in the database so
// that every app instance shares the counters, and the public form counts only accepted cases.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieHeader, createTestTenant, form, mergeCookies, openTestDatabase, testConfig } from '../../test/helpers.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { createCategory } from '../modules/cases/categories.service.ts';
import { PUBLIC_FORM_LIMIT } from '../modules/cases/public-form-limit.ts';
import { createUnit } from '../modules/org/org.service.ts';
import { buildApp } from './app.ts';
import type { App } from './context.ts';
import { deleteExpiredRateLimits, hitRateLimit, readRateLimit } from './rate-limit-store.ts';

const LOGIN_LIMIT = 10;
// One database for the file; each test builds its own app(s) on it, with their own counters.
let handle: DatabaseHandle;
const apps: App[] = [];
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await handle.close();
});

async function appWith(overrides: Record<string, string> = {}, rateLimitNamespace = `${randomUUID()}|`): Promise<App> {
  const app = await buildApp({ db: handle.db, dbKind: handle.kind, config: testConfig(overrides) }, { logger: false, rateLimitNamespace });
  apps.push(app);
  return app;
}

function loginPost(app: App, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') {
  return app.inject({
    method: 'POST',
    url: '/staff/login',
    remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: 'tenant=x&email=a@b.se&password=x',
  });
}

describe('login rate limit and X-Forwarded-For', () => {
  it('in production without TRUST_PROXY, a forged X-Forwarded-For does not give a new allowance', async () => {
    const app = await appWith({ NODE_ENV: 'production' });
    const statuses: number[] = [];
    for (let i = 0; i <= LOGIN_LIMIT; i++) statuses.push((await loginPost(app, { 'x-forwarded-for': `192.0.2.${i}` })).statusCode);
    expect(statuses.slice(0, LOGIN_LIMIT)).not.toContain(429);
    expect(statuses[LOGIN_LIMIT]).toBe(429);
  });

  it('with TRUST_PROXY=1 the address the proxy appended counts, not what the client wrote before it', async () => {
    const app = await appWith({ TRUST_PROXY: '1' });
    const statuses: number[] = [];
    for (let i = 0; i <= LOGIN_LIMIT; i++) {
      statuses.push((await loginPost(app, { 'x-forwarded-for': `192.0.2.${i}, 203.0.113.5` })).statusCode);
    }
    expect(statuses[LOGIN_LIMIT]).toBe(429);
    // Another real client behind the same proxy has its own allowance.
    expect((await loginPost(app, { 'x-forwarded-for': '203.0.113.6' })).statusCode).not.toBe(429);
  });

  it('two app instances on one database share the counters', async () => {
    const namespace = `${randomUUID()}|`;
    const first = await appWith({}, namespace);
    const second = await appWith({}, namespace);
    for (let i = 0; i < LOGIN_LIMIT / 2; i++) expect((await loginPost(first, {}, '198.51.100.20')).statusCode).not.toBe(429);
    for (let i = 0; i < LOGIN_LIMIT / 2; i++) expect((await loginPost(second, {}, '198.51.100.20')).statusCode).not.toBe(429);
    expect((await loginPost(first, {}, '198.51.100.20')).statusCode).toBe(429);
    expect((await loginPost(second, {}, '198.51.100.20')).statusCode).toBe(429);
  });
});

describe('public form limit', () => {
  it('counts only accepted submissions and keeps what the resident typed on the 429 page', async () => {
    const app = await appWith();
    const db = handle.db;
    const tt = await createTestTenant(db, 'Gränskommun');
    const unit = await createUnit(tt.system, { name: 'Gatuenheten', kind: 'unit', parentId: tt.rootId }, { db });
    await createCategory(tt.system, { code: 'gator', name: 'Gator', unitId: unit.id }, { db });
    const client = '198.51.100.44';
    const send = async (values: Record<string, string>) => {
      const page = await app.inject({ method: 'GET', url: `/${tt.tenant.slug}/cases/new`, remoteAddress: client });
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const f = form({ _csrf: csrf, ...values });
      return app.inject({
        method: 'POST',
        url: `/${tt.tenant.slug}/cases/new`,
        remoteAddress: client,
        headers: { cookie: mergeCookies(cookieHeader(page.cookies)), 'content-type': f['content-type'] },
        payload: f.payload,
      });
    };
    // A resident who gets the form wrong many times is not locked out.
    for (let i = 0; i < PUBLIC_FORM_LIMIT.max + 5; i++)
      expect((await send({ type: 'question', category: 'gator', message: '' })).statusCode).toBe(400);
    for (let i = 0; i < PUBLIC_FORM_LIMIT.max; i++) {
      expect((await send({ type: 'question', category: 'gator', message: `Fråga ${i}` })).statusCode).toBe(303);
    }
    const refused = await send({
      type: 'question',
      category: 'gator',
      message: 'Gatlampan på Storgatan 5 är trasig',
      'contact.name': 'Åsa',
    });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.body).toContain('Gatlampan på Storgatan 5 är trasig');
    expect(refused.body).toContain('value="Åsa"');
    expect(refused.body).toContain('Det du skrev finns kvar');
  });
});

describe('rate-limit counters in the database', () => {
  it('count within a window, start again after it, and are deleted once expired', async () => {
    const db = handle.db;
    const key = `test|${randomUUID()}`;
    expect((await hitRateLimit(db, key, 400)).hits).toBe(1);
    const second = await hitRateLimit(db, key, 400);
    expect(second.hits).toBe(2);
    expect(second.ttlMs).toBeGreaterThan(0);
    expect(second.ttlMs).toBeLessThanOrEqual(400);
    expect((await readRateLimit(db, key)).hits).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await readRateLimit(db, key)).hits).toBe(0);
    expect(await deleteExpiredRateLimits(db)).toBeGreaterThanOrEqual(1);
    expect((await hitRateLimit(db, key, 400)).hits).toBe(1);
  });
});
