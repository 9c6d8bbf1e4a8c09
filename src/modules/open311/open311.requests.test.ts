// Issue 7 items 28, 30, 32, 11 and the paging and window of item 31: what a request keeps and
// shows, discovery, the first-feedback days with unit overrides, page/page_size and 90 days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestUser, type TestContext } from '../../../test/helpers.ts';
import { addCaseEvent, createCase, setUnitFirstResponseDays } from '../cases/cases.service.ts';
import { fileRequest, open311Fixture, postForm, xml } from './open311.fixtures.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ BASE_URL: 'https://insyn.example.se' });
});
afterAll(async () => {
  await t.close();
});

const caseId = async (tenantId: string, caseNumber: string) =>
  (
    await t.db
      .selectFrom('cases')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('case_number', '=', caseNumber)
      .executeTakeFirstOrThrow()
  ).id;

describe('Open311 service discovery (item 28)', () => {
  it('answers discovery.json and discovery.xml with the v2 endpoint and both formats', async () => {
    const json = await t.app.inject({ method: 'GET', url: '/open311/discovery.json' });
    expect(json.statusCode).toBe(200);
    const d = json.json() as { changeset: string; endpoints: { specification: string; url: string; formats: string[]; type: string }[] };
    expect(d.changeset).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(d.endpoints).toEqual([
      expect.objectContaining({
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: 'https://insyn.example.se/open311/v2',
        type: 'production',
        formats: ['text/xml', 'application/json'],
      }),
    ]);
    const x = await t.app.inject({ method: 'GET', url: '/open311/discovery.xml' });
    expect(x.headers['content-type']).toContain('text/xml');
    const parsed = xml.parse(x.body) as { discovery: { endpoints: { endpoint: { url: string; formats: { format: string[] } }[] } } };
    expect(parsed.discovery.endpoints.endpoint[0].url).toBe('https://insyn.example.se/open311/v2');
    expect(parsed.discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
  });
});

describe('Open311 requests keep and return what the spec has (item 30)', () => {
  it('stores lat/long, address, media_url, description and every attribute, and returns them without contact data', async () => {
    const f = await open311Fixture(t);
    const body = new URLSearchParams({
      jurisdiction_id: f.tenant.slug,
      api_key: f.agent.token,
      service_code: 'gatubelysning',
      description: 'Lampan blinkar',
      lat: '59.858562',
      long: '17.638927',
      address_string: 'Storgatan 5, Uppsala',
      address_id: 'lm-12345',
      email: 'boende@example.org',
      first_name: 'Berit',
      last_name: 'Boende',
      phone: '070-111 22 33',
      'attribute[type]': 'error_report',
      'attribute[pole_id]': 'P-17',
    });
    body.append('media_url', 'https://fixamingata.example/photo/1.jpeg');
    body.append('media_url', 'https://fixamingata.example/photo/2.jpeg');
    body.append('attribute[issues][]', 'blinkar');
    body.append('attribute[issues][]', 'surrar');
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    expect(res.statusCode).toBe(201);
    const id = (xml.parse(res.body) as { service_requests: { request: { service_request_id: string }[] } }).service_requests.request[0]
      .service_request_id;
    const stored = await t.db
      .selectFrom('open311_requests')
      .selectAll()
      .where('tenant_id', '=', f.tenant.id)
      .where('case_id', '=', await caseId(f.tenant.id, id))
      .executeTakeFirstOrThrow();
    const message = await t.db
      .selectFrom('cases')
      .select('message')
      .where('tenant_id', '=', f.tenant.id)
      .where('case_number', '=', id)
      .executeTakeFirstOrThrow();
    expect(message.message).toContain('Bild: https://fixamingata.example/photo/2.jpeg');
    expect(stored).toMatchObject({
      source: 'open311',
      latitude: 59.858562,
      longitude: 17.638927,
      address_id: 'lm-12345',
      attributes: { type: 'error_report', pole_id: 'P-17', issues: ['blinkar', 'surrar'] },
    });

    const json = await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.json?jurisdiction_id=${f.tenant.slug}` });
    const [request] = json.json() as Record<string, unknown>[];
    expect(request).toMatchObject({
      service_request_id: id,
      description: 'Lampan blinkar',
      lat: 59.858562,
      long: 17.638927,
      address: 'Storgatan 5, Uppsala',
      address_id: 'lm-12345',
      media_url: 'https://fixamingata.example/photo/1.jpeg',
    });
    const x = await t.app.inject({ method: 'GET', url: `/open311/v2/requests.xml?jurisdiction_id=${f.tenant.slug}` });
    const listed = (xml.parse(x.body) as { service_requests: { request: Record<string, unknown>[] } }).service_requests.request;
    expect(listed[0]).toMatchObject({ service_request_id: id, lat: 59.858562, long: 17.638927, address_id: 'lm-12345' });
    for (const secret of ['Berit', 'Boende', 'boende@example.org', '070-111']) {
      expect(json.body).not.toContain(secret);
      expect(x.body).not.toContain(secret);
    }
  });

  it('shows no description or location for a case that did not come in through Open311', async () => {
    const f = await open311Fixture(t);
    const staff = await createCase(
      f.agent.actor,
      { type: 'question', channel: 'phone', category: 'parker', message: 'Ring mig, Anna 070-123' },
      { db: t.db },
    );
    const res = await t.app.inject({
      method: 'GET',
      url: `/open311/v2/requests/${staff.case.caseNumber}.json?jurisdiction_id=${f.tenant.slug}`,
    });
    const [request] = res.json() as Record<string, unknown>[];
    for (const key of ['description', 'lat', 'long', 'address', 'address_id', 'media_url']) expect(request).not.toHaveProperty(key);
    expect(res.body).not.toContain('Anna');
  });

  it('refuses garbage coordinates, a lone lat and a non-http media_url, storing nothing', async () => {
    const f = await open311Fixture(t);
    const base = { jurisdiction_id: f.tenant.slug, api_key: f.agent.token, service_code: 'parker', description: 'x' };
    for (const [lat, long] of [
      ['NaN', '17.6'],
      ['91', '17.6'],
      ['59.8', '-180.5'],
      ['1e5', '17.6'],
      ['Infinity', '17.6'],
      ['59,8', '17,6'],
      ['abc', 'def'],
    ]) {
      const res = await postForm(t, '/open311/v2/requests.json', { ...base, lat, long });
      expect(res.statusCode, `${lat},${long}`).toBe(400);
      expect((res.json() as { description: string }[])[0].description).toMatch(/lat|long/);
    }
    expect((await postForm(t, '/open311/v2/requests.json', { ...base, lat: '59.8' })).statusCode).toBe(400);
    expect((await postForm(t, '/open311/v2/requests.json', { ...base, media_url: 'javascript:alert(1)' })).statusCode).toBe(400);
    const count = await t.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', f.tenant.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});

describe('Open311 requests published by staff (item 30)', () => {
  it('shows a case’s public description only once an officer publishes it, and withdraws it', async () => {
    const f = await open311Fixture(t);
    const staff = await createCase(
      f.agent.actor,
      { type: 'error_report', channel: 'phone', category: 'parker', message: 'Trasig gunga, ring Anna 070-123' },
      { db: t.db },
    );
    const url = `/open311/v2/requests/${staff.case.caseNumber}.json?jurisdiction_id=${f.tenant.slug}`;
    const description = async () => ((await t.app.inject({ method: 'GET', url })).json() as { description?: string }[])[0].description;
    expect(await description()).toBeUndefined();
    const put = (headers: Record<string, string>, body: unknown) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/cases/${staff.case.id}/open311`, headers, payload: body as object });
    expect((await put(f.officer.auth, { description: '  Trasig gunga i Stadsparken ' })).json()).toEqual({ published: true });
    expect(await description()).toBe('Trasig gunga i Stadsparken');
    expect((await put(f.officer.auth, { description: '\u0000' })).statusCode).toBe(400);
    expect((await put(f.officer.auth, { description: '   ' })).statusCode).toBe(400);
    expect((await put(f.officer.auth, { description: null })).json()).toEqual({ published: false });
    expect(await description()).toBeUndefined();
    // An Open311 request keeps its client's description.
    const filed = await fileRequest(t, f);
    const filedId = await caseId(f.tenant.id, filed);
    const conflict = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/cases/${filedId}/open311`,
      headers: f.officer.auth,
      payload: { description: 'Annat' },
    });
    expect(conflict.statusCode).toBe(409);
    const reader = await createTestUser(t.db, f, [{ role: 'reader' }]);
    expect((await put(reader.auth, { description: 'x' })).statusCode).toBe(404);
  });
});

describe('Open311 notices and deadlines (items 32 and 11)', () => {
  it('promises nothing on closed requests and the next feedback once answered', async () => {
    const f = await open311Fixture(t);
    const open = await fileRequest(t, f);
    const closed = await fileRequest(t, f);
    const answered = await fileRequest(t, f);
    await addCaseEvent(f.officer.actor, await caseId(f.tenant.id, closed), { kind: 'resolved', body: 'Lagat' }, { db: t.db });
    const answeredId = await caseId(f.tenant.id, answered);
    await addCaseEvent(f.officer.actor, answeredId, { kind: 'first_response', body: 'Vi tittar på det' }, { db: t.db });
    const get = async (id: string) =>
      (
        (await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${id}.json?jurisdiction_id=${f.tenant.slug}` })).json() as {
          status: string;
          service_notice: string;
        }[]
      )[0];
    expect((await get(open)).service_notice).toMatch(/^Vi återkopplar senast/);
    expect(await get(closed)).toMatchObject({ status: 'closed', service_notice: '' });
    expect((await get(answered)).service_notice).toBe('');
  });

  it('documents expected_datetime as the first-feedback deadline', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as Record<string, unknown>;
    expect(JSON.stringify(doc)).toContain('The first-feedback deadline');
  });

  it('promises the working days of the unit override, as intake computes them', async () => {
    const f = await open311Fixture(t);
    await setUnitFirstResponseDays(f.system, f.unitId, 7, { db: t.db });
    const services = (await t.app.inject({ method: 'GET', url: `/open311/v2/services.json?jurisdiction_id=${f.tenant.slug}` })).json() as {
      description: string;
    }[];
    expect(services[0].description).toContain('inom 7 arbetsdagar');
  });
});

describe('Open311 GET requests paging and window (item 31)', () => {
  it('pages with page/page_size and keeps to 90 days by default', async () => {
    const f = await open311Fixture(t);
    const ids = [await fileRequest(t, f), await fileRequest(t, f), await fileRequest(t, f)];
    const old = await createCase(
      f.agent.actor,
      {
        type: 'question',
        channel: 'phone',
        category: 'parker',
        message: 'Gammalt',
        receivedAt: new Date(Date.now() - 100 * 86_400_000).toISOString(),
      },
      { db: t.db },
    );
    const list = async (query: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/open311/v2/requests.json?jurisdiction_id=${f.tenant.slug}&${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { service_request_id: string }[]).map((r) => r.service_request_id);
    };
    expect(await list('')).toEqual([...ids].reverse());
    expect(await list('page_size=2')).toEqual([ids[2], ids[1]]);
    expect(await list('page_size=2&page=2')).toEqual([ids[0]]);
    const from = new Date(Date.now() - 120 * 86_400_000).toISOString();
    expect(await list(`start_date=${from}`)).toEqual([old.case.caseNumber]);
    const tooWide = await t.app.inject({
      method: 'GET',
      url: `/open311/v2/requests.xml?jurisdiction_id=${f.tenant.slug}&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z`,
    });
    expect(tooWide.statusCode).toBe(400);
    expect(tooWide.body).toContain('<description>start_date and end_date may span at most 90 days.</description>');
  });
});
