// A form post from another site is refused even with a valid CSRF token (Origin, else Referer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieHeader,
  createTestContext,
  createTestTenant,
  form,
  mergeCookies,
  newClientAddress,
  type TestContext,
  testConfig,
} from '../../test/helpers.ts';
import { buildApp } from './app.ts';
import type { App } from './context.ts';

let t: TestContext;
let withBaseUrl: { app: App };
let slug: string;
beforeAll(async () => {
  t = await createTestContext();
  slug = (await createTestTenant(t.db)).tenant.slug;
  // A second app on the same database, with BASE_URL set.
  const app = await buildApp({ ...t.ctx, config: testConfig({ BASE_URL: 'https://insyn.example.se' }) }, { logger: false });
  withBaseUrl = { app };
});
afterAll(async () => {
  await withBaseUrl?.app.close();
  await t?.close();
});

/** A login post with a valid CSRF token and cookie, sent with the given extra headers. */
async function login(ctx: { app: App }, headers: Record<string, string>) {
  const page = await ctx.app.inject({ method: 'GET', url: '/staff/login', headers: { host: headers.host ?? 'localhost' } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const f = form({ _csrf: csrf, tenant: slug, email: 'a@example.se', password: 'fel' });
  return ctx.app.inject({
    method: 'POST',
    url: '/staff/login',
    // Each attempt from its own client address, so the per-client login limit never decides.
    remoteAddress: newClientAddress(),
    headers: { host: 'localhost', cookie: mergeCookies(cookieHeader(page.cookies)), 'content-type': f['content-type'], ...headers },
    payload: f.payload,
  });
}

describe('form posts and their origin', () => {
  it('refuses another site by Origin, by Referer when there is no Origin, and an opaque "null" origin', async () => {
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { referer: 'https://evil.example/page' },
      { origin: 'null' },
      { origin: 'http://localhost.evil.example' },
    ];
    for (const headers of crossSite) {
      const res = await login(t, headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.body).toContain('annan webbplats');
    }
  });

  it('accepts our own origin (the Host header without BASE_URL), and a post that names no origin', async () => {
    // 401 = the post reached the login check (wrong password), i.e. it was not refused as cross-site.
    expect((await login(t, { origin: 'http://localhost' })).statusCode).toBe(401);
    expect((await login(t, { referer: 'http://localhost/staff/login' })).statusCode).toBe(401);
    expect((await login(t, {})).statusCode).toBe(401);
    expect((await login(t, { host: 'localhost:80', origin: 'http://localhost' })).statusCode).toBe(401);
    expect((await login(t, { host: 'localhost:8080', origin: 'http://localhost' })).statusCode).toBe(403);
  });

  it('with BASE_URL, our origin is BASE_URL’s', async () => {
    expect((await login(withBaseUrl, { origin: 'https://insyn.example.se' })).statusCode).toBe(401);
    expect((await login(withBaseUrl, { origin: 'http://insyn.example.se' })).statusCode).toBe(403);
    expect((await login(withBaseUrl, { origin: 'http://localhost' })).statusCode).toBe(403);
  });

  it('pages ask browsers to name our own origin on our form posts (Referrer-Policy same-origin, not no-referrer)', async () => {
    // Under no-referrer a browser sends `Origin: null` on same-site form posts, which the check refuses.
    const page = await t.app.inject({ method: 'GET', url: '/staff/login' });
    expect(page.headers['referrer-policy']).toBe('same-origin');
  });
});
