// Hardening: a strict Content-Security-Policy on every page (and no inline script or style in any
// page), security headers on every response including errors, HSTS only over HTTPS.
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, createTestUser, loginCookies, type TestContext } from '../../test/helpers.ts';
import { routesOf } from '../../test/hostile-input.fixtures.ts';

let t: TestContext;
let slug: string;
let cookie: string;
beforeAll(async () => {
  t = await createTestContext({ TRUST_PROXY: 'loopback' });
  const tenant = await createTestTenant(t.db);
  slug = tenant.tenant.slug;
  const admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
  cookie = await loginCookies(t.app, slug, admin.email, admin.password);
});
afterAll(async () => {
  await t?.close();
});

/**
 * Embeds (/:tenant/embed/…) are the one deliberate difference: any site may frame them, and they run
 * no script at all, so script-src is 'none' and there is no X-Frame-Options.
 */
const isEmbed = (what: string) => /\/embed\//.test(what);

function expectStrictCsp(header: unknown, what: string) {
  expect(typeof header, what).toBe('string');
  const directives = new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name ?? '', values]),
  );
  for (const name of ['default-src', 'style-src']) expect(directives.get(name), `${what} ${name}`).toEqual(["'self'"]);
  expect(directives.get('script-src'), `${what} script-src`).toEqual([isEmbed(what) ? "'none'" : "'self'"]);
  expect(directives.get('frame-ancestors'), what).toEqual([isEmbed(what) ? '*' : "'none'"]);
  expect(directives.get('object-src'), what).toEqual(["'none'"]);
  expect(String(header).replace('frame-ancestors *', ''), what).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
}

function expectSecurityHeaders(headers: Record<string, unknown>, what: string) {
  expectStrictCsp(headers['content-security-policy'], what);
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['x-frame-options'], what).toBe(isEmbed(what) ? undefined : 'SAMEORIGIN');
  expect(headers['referrer-policy'], what).toBe('same-origin');
  expect(headers['cross-origin-opener-policy'], what).toBe('same-origin');
}

/** What the CSP would block anyway, found in the HTML itself: inline script, style elements or attributes, event handlers. */
function inlineProblems(html: string): string[] {
  const { document } = parseHTML(html);
  const problems: string[] = [];
  for (const s of document.querySelectorAll('script')) if (!s.getAttribute('src')) problems.push('inline <script>');
  if (document.querySelectorAll('style').length > 0) problems.push('<style>');
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (attr.name === 'style') problems.push(`style= on <${el.tagName.toLowerCase()}>`);
      if (/^on/i.test(attr.name)) problems.push(`${attr.name}= on <${el.tagName.toLowerCase()}>`);
      if (/^\s*javascript:/i.test(attr.value)) problems.push(`javascript: URL on <${el.tagName.toLowerCase()}>`);
    }
  }
  return problems;
}

describe('Content-Security-Policy on every page', () => {
  it('every HTML page (staff and public, found from the app’s own routes) has the strict CSP and no inline script or style', async () => {
    const routes = routesOf(t.app.printRoutes({ commonPrefix: false })).filter(
      (r) =>
        r.method === 'GET' &&
        !r.path.startsWith('/api/') &&
        !r.path.startsWith('/open311/') &&
        !/\*|\.(csv|json|xlsx|pdf|svg)$|^\/(metrics|health|static)/.test(r.path),
    );
    expect(routes.length).toBeGreaterThan(30);
    const found: string[] = [];
    let pages = 0;
    for (const route of routes) {
      const url = route.path.replace(':tenant', slug).replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie, accept: 'text/html' } });
      if (!String(res.headers['content-type'] ?? '').startsWith('text/html')) continue;
      pages += 1;
      expectSecurityHeaders(res.headers, `GET ${url} (${res.statusCode})`);
      for (const p of inlineProblems(res.body)) found.push(`${url}: ${p}`);
    }
    expect(pages).toBeGreaterThan(30);
    expect(found).toEqual([]);
  }, 300_000);
});

describe('security headers on every response', () => {
  it('are sent on errors too: 404, 400, 401, 403, 413, 415 and a JSON API error', async () => {
    const responses = [
      await t.app.inject({ method: 'GET', url: '/no-such-page', headers: { accept: 'text/html' } }),
      await t.app.inject({ method: 'GET', url: '/api/v1/no-such-route' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/cases' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { authorization: 'Bearer insyn_wrong' } }),
      await t.app.inject({ method: 'POST', url: '/staff/logout', headers: { origin: 'https://evil.example', accept: 'text/html' } }),
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/public/cases`,
        headers: { 'content-type': 'application/json' },
        payload: '{"broken',
      }),
      await t.app.inject({ method: 'POST', url: `/api/v1/public/cases`, headers: { 'content-type': 'text/x-unknown' }, payload: 'x' }),
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/public/cases`,
        headers: { 'content-type': 'application/json' },
        payload: `{"a":"${'x'.repeat(1_100_000)}"}`,
      }),
    ];
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses).toEqual(expect.arrayContaining([404, 400, 401, 403, 413, 415]));
    for (const res of responses) expectSecurityHeaders(res.headers, `${res.statusCode} ${res.body.slice(0, 60)}`);
  });

  it('HSTS only over HTTPS (behind a trusted proxy that says so), never over plain HTTP', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const https = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const notFound = await t.app.inject({ method: 'GET', url: '/nothing-here', headers: { 'x-forwarded-proto': 'https' } });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    // A client that is not a trusted proxy cannot claim HTTPS.
    const forged = await t.app.inject({
      method: 'GET',
      url: '/health',
      remoteAddress: '203.0.113.9',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(forged.headers['strict-transport-security']).toBeUndefined();
  });
});
