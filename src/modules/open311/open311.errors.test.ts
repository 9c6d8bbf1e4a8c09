// Issue 7 items 31 and 14 for Open311: every path under /open311/ answers errors in the spec's
// shape (XML and JSON), hostile input is a 4xx and never a 500, and POST parameters may come
// from the query string.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { type Open311Fixture, open311Fixture, postForm, xml } from './open311.fixtures.ts';

let t: TestContext;
let f: Open311Fixture;
beforeAll(async () => {
  t = await createTestContext();
  f = await open311Fixture(t);
});
afterAll(async () => {
  await t.close();
});

type Res = Awaited<ReturnType<TestContext['app']['inject']>>;

/** The response is a GeoReport error with this status, in the format of its path. */
function expectSpecError(res: Res, status: number, format: 'json' | 'xml' = 'json'): string {
  expect(res.statusCode, res.body).toBe(status);
  if (format === 'json') {
    expect(res.headers['content-type']).toContain('application/json');
    const errors = res.json() as { code: number; description: string }[];
    expect(errors).toEqual([{ code: status, description: expect.any(String) }]);
    return errors[0].description;
  }
  expect(res.headers['content-type']).toContain('text/xml');
  const parsed = xml.parse(res.body) as { errors: { error: { code: number; description: string }[] } };
  expect(parsed.errors.error).toEqual([{ code: status, description: expect.any(String) }]);
  return parsed.errors.error[0].description;
}

async function count(): Promise<number> {
  const row = await t.db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', f.tenant.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const base = () => ({ jurisdiction_id: f.tenant.slug, service_code: 'parker', description: 'Trasig bänk' });

describe('Open311 errors in the spec’s shape (item 31)', () => {
  it('answers unknown paths under /open311/ with a spec 404 in the path’s format', async () => {
    expectSpecError(await t.app.inject({ method: 'GET', url: '/open311/v2/finns-inte.xml' }), 404, 'xml');
    expectSpecError(await t.app.inject({ method: 'GET', url: '/open311/v2/finns-inte.json' }), 404, 'json');
    expectSpecError(await t.app.inject({ method: 'GET', url: '/open311/v3/services.json' }), 404, 'json');
    expectSpecError(await t.app.inject({ method: 'DELETE', url: '/open311/v2/requests.xml' }), 404, 'xml');
    expectSpecError(await t.app.inject({ method: 'GET', url: '/open311' }), 404, 'xml');
    expectSpecError(await t.app.inject({ method: 'GET', url: '/open311/v2/', headers: { accept: 'application/json' } }), 404, 'json');
  });

  it('answers a path with broken percent-encoding in the spec’s shape, not Fastify’s default', async () => {
    expectSpecError(await t.app.inject({ method: 'GET', url: '/open311/v2/requests/%E0%A4%A.json' }), 400, 'json');
    expectSpecError(await t.app.inject({ method: 'GET', url: '/open311/v2/requests/%zz.xml' }), 400, 'xml');
    // Outside /open311/ the app's own error page still answers.
    const page = await t.app.inject({ method: 'GET', url: '/%E0%A4%A', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('gives 404 for an unknown service_code and 403 for a wrong api_key in the query, the body or the header', async () => {
    const unknown = await postForm(t, '/open311/v2/requests.xml', { ...base(), api_key: f.agent.token, service_code: 'okand' });
    expect(expectSpecError(unknown, 404, 'xml')).toContain('service_code');
    expectSpecError(await postForm(t, '/open311/v2/requests.json', { ...base(), api_key: 'insyn_fel' }), 403);
    const inQuery = await postForm(t, '/open311/v2/requests.json?api_key=insyn_fel', base());
    expectSpecError(inQuery, 403);
    const header = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: { authorization: 'Bearer insyn_fel' },
      payload: base(),
    });
    expectSpecError(header, 403, 'xml');
    expectSpecError(
      await t.app.inject({
        method: 'GET',
        url: `/open311/v2/servicerequestupdates.json?jurisdiction_id=${f.tenant.slug}&api_key=insyn_fel`,
      }),
      403,
    );
    for (const path of ['services.xml', 'services/parker.xml', 'requests.xml']) {
      expectSpecError(
        await t.app.inject({ method: 'GET', url: `/open311/v2/${path}?jurisdiction_id=${f.tenant.slug}&api_key=insyn_fel` }),
        403,
        'xml',
      );
    }
    const good = await t.app.inject({
      method: 'GET',
      url: `/open311/v2/services.xml?jurisdiction_id=${f.tenant.slug}&api_key=${f.agent.token}`,
    });
    expect(good.statusCode).toBe(200);
    expect(await count()).toBe(0);
  });

  it('accepts POST parameters from the query string, as some clients send them', async () => {
    const query = new URLSearchParams({ ...base(), api_key: f.agent.token }).toString();
    const res = await t.app.inject({ method: 'POST', url: `/open311/v2/requests.json?${query}` });
    expect(res.statusCode, res.body).toBe(201);
    const [created] = res.json() as { service_request_id: string }[];
    expect(created.service_request_id).toMatch(/^\d{4}-\d{5}$/);
  });

  it('turns multipart, malformed, empty and oversize bodies into 400 and 413, never 500', async () => {
    const boundary = 'x-boundary';
    const multipart = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="service_code"\r\n\r\nparker\r\n--${boundary}--\r\n`,
    });
    expectSpecError(multipart, 400, 'xml');
    const json = { 'content-type': 'application/json' };
    expectSpecError(
      await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: json, payload: '{"service_code":' }),
      400,
    );
    expectSpecError(await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: json, payload: '' }), 400);
    expectSpecError(await t.app.inject({ method: 'POST', url: '/open311/v2/requests.xml', headers: json, payload: '[1,2]' }), 400, 'xml');
    expectSpecError(await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: json, payload: '"text"' }), 400);
    expectSpecError(await t.app.inject({ method: 'POST', url: `/open311/v2/requests.json?jurisdiction_id=${f.tenant.slug}` }), 403);
    const big = await postForm(t, '/open311/v2/requests.xml', { ...base(), api_key: f.agent.token, description: 'x'.repeat(300_000) });
    expectSpecError(big, 413, 'xml');
    const bigJson = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/servicerequestupdates.json',
      headers: json,
      payload: JSON.stringify({ ...base(), description: 'x'.repeat(2_000_000) }),
    });
    expectSpecError(bigJson, 413);
    expect(await count()).toBe(1);
  });
});

describe('Open311 hostile input is a 4xx in the spec’s shape (item 14)', () => {
  const key = () => ({ authorization: `Bearer ${f.agent.token}` });

  it('refuses NUL bytes and lone surrogates in any text, from a form, JSON or the query string', async () => {
    const before = await count();
    expectSpecError(await postForm(t, '/open311/v2/requests.json', { ...base(), api_key: f.agent.token, description: 'a\u0000b' }), 400);
    expectSpecError(
      await postForm(t, '/open311/v2/requests.xml', { ...base(), api_key: f.agent.token, 'attribute[x]': 'a\u0000' }),
      400,
      'xml',
    );
    expectSpecError(await postForm(t, '/open311/v2/requests.json', { ...base(), api_key: f.agent.token, 'attribute[a\u0000]': 'b' }), 400);
    const surrogate = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { ...key(), 'content-type': 'application/json' },
      payload: `{"jurisdiction_id":"${f.tenant.slug}","service_code":"parker","description":"x\\ud800y"}`,
    });
    expectSpecError(surrogate, 400);
    const attrSurrogate = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { ...key(), 'content-type': 'application/json' },
      payload: `{"jurisdiction_id":"${f.tenant.slug}","service_code":"parker","description":"ok","attribute":{"note":"\\udc00"}}`,
    });
    expectSpecError(attrSurrogate, 400);
    expectSpecError(await t.app.inject({ method: 'GET', url: '/open311/v2/services.xml?jurisdiction_id=a%00b' }), 400, 'xml');
    expectSpecError(
      await t.app.inject({ method: 'GET', url: `/open311/v2/requests.json?jurisdiction_id=${f.tenant.slug}&status=open%00` }),
      400,
    );
    const emoji = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { ...key(), 'content-type': 'application/json' },
      payload: JSON.stringify({ ...base(), description: 'Fin park 🌳' }),
    });
    expect(emoji.statusCode, emoji.body).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  it('refuses __proto__ and constructor keys', async () => {
    for (const payload of [
      `{"jurisdiction_id":"${f.tenant.slug}","service_code":"parker","description":"x","__proto__":{"admin":true}}`,
      `{"jurisdiction_id":"${f.tenant.slug}","service_code":"parker","description":"x","constructor":{"prototype":{"admin":true}}}`,
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { ...key(), 'content-type': 'application/json' },
        payload,
      });
      expectSpecError(res, 400);
    }
    const formProto = await postForm(t, '/open311/v2/requests.xml', { ...base(), api_key: f.agent.token, __proto__: 'x' } as Record<
      string,
      string
    >);
    expect(formProto.statusCode).toBeLessThan(500);
  });

  it('refuses huge numbers, impossible dates and repeated fields', async () => {
    const get = (query: string, format: 'json' | 'xml' = 'json') =>
      t.app.inject({ method: 'GET', url: `/open311/v2/requests.${format}?jurisdiction_id=${f.tenant.slug}&${query}` });
    for (const query of ['page=1e308', 'page=1e309', 'page_size=1e308', 'page=0', 'page=-1', 'page=abc', 'page_size=5000', 'page=NaN']) {
      expectSpecError(await get(query), 400);
    }
    for (const date of [
      '2026-02-30T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-01-01T25:00:00Z',
      '2026-01-01T10:00:00+99:00',
      'igår',
      '1e309',
    ]) {
      expect(expectSpecError(await get(`start_date=${encodeURIComponent(date)}`, 'xml'), 400, 'xml')).toContain('start_date');
      expectSpecError(
        await t.app.inject({
          method: 'GET',
          url: `/open311/v2/servicerequestupdates.json?jurisdiction_id=${f.tenant.slug}&end_date=${encodeURIComponent(date)}`,
        }),
        400,
      );
    }
    expectSpecError(await get('status=open&status=closed&status=open'), 400);
    const twice = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { ...key(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: `jurisdiction_id=${f.tenant.slug}&service_code=parker&description=a&description=b`,
    });
    expectSpecError(twice, 400);
  });
});
