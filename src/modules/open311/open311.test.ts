import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestTenant,
  createTestUser,
  form,
  type TestContext,
  type TestTenant,
  type TestUser,
} from '../../../test/helpers.ts';
import { addCaseEvent, createCase } from '../cases/cases.service.ts';
import { createCategory } from '../cases/categories.service.ts';
import { createUnit } from '../org/org.service.ts';
import { w3c, w3cInstant } from './open311.input.ts';
import { endOfLocalDay } from './open311.requests.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

interface Fixture extends TestTenant {
  agent: TestUser;
  officer: TestUser;
  caseNumber: string;
}

async function fixture(): Promise<Fixture> {
  const tt = await createTestTenant(t.db, 'Öppen kommun');
  const unit = await createUnit(tt.system, { name: 'Park & gata', kind: 'unit', parentId: tt.rootId }, { db: t.db });
  await createCategory(
    tt.system,
    { code: 'gatubelysning', name: 'Gatubelysning', nameEn: 'Street lighting', unitId: unit.id },
    { db: t.db },
  );
  await createCategory(tt.system, { code: 'parker', name: 'Parker', unitId: unit.id }, { db: t.db });
  const agent = await createTestUser(t.db, tt, [{ role: 'agent' }]);
  const officer = await createTestUser(t.db, tt, [{ role: 'officer', unitId: unit.id }]);
  const created = await createCase(
    null,
    {
      type: 'error_report',
      category: 'gatubelysning',
      message: 'Lampan vid Storgatan 5 är trasig, ring mig på 070-999 88 77',
      contact: { name: 'Cecilia Privat', email: 'cecilia@example.org', phone: '070-999 88 77' },
    },
    { db: t.db, tenantId: tt.tenant.id },
  );
  return { ...tt, agent, officer, caseNumber: created.case.caseNumber };
}

const xml = new XMLParser({ isArray: (name) => ['service', 'request', 'attribute', 'value', 'error'].includes(name) });

describe('Open311 GeoReport v2', () => {
  it('lists services as JSON and XML', async () => {
    const f = await fixture();
    const json = await t.app.inject({ method: 'GET', url: `/open311/v2/services.json?jurisdiction_id=${f.tenant.slug}` });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toContain('application/json');
    const services = json.json() as Record<string, unknown>[];
    expect(services.map((s) => s.service_code)).toEqual(['gatubelysning', 'parker']);
    expect(services[0]).toEqual({
      service_code: 'gatubelysning',
      service_name: 'Gatubelysning',
      description: 'Gatubelysning – Park & gata. Vi återkopplar inom 2 arbetsdagar.',
      metadata: true,
      type: 'realtime',
      keywords: '',
      group: 'Park & gata',
    });
    const en = (
      await t.app.inject({ method: 'GET', url: `/open311/v2/services.json?jurisdiction_id=${f.tenant.slug}&locale=en` })
    ).json() as { service_name: string }[];
    expect(en[0].service_name).toBe('Street lighting');

    const res = await t.app.inject({ method: 'GET', url: `/open311/v2/services.xml?jurisdiction_id=${f.tenant.slug}` });
    expect(res.headers['content-type']).toContain('text/xml');
    expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(res.body).toContain('<group>Park &amp; gata</group>');
    const parsed = xml.parse(res.body) as { services: { service: Record<string, unknown>[] } };
    expect(parsed.services.service).toHaveLength(2);
    expect(parsed.services.service[0]).toMatchObject({
      service_code: 'gatubelysning',
      service_name: 'Gatubelysning',
      metadata: true,
      type: 'realtime',
    });
  });

  it('gives a service definition with the type attribute', async () => {
    const f = await fixture();
    const res = await t.app.inject({ method: 'GET', url: `/open311/v2/services/parker.json?jurisdiction_id=${f.tenant.slug}` });
    expect(res.statusCode).toBe(200);
    const def = res.json() as { service_code: string; attributes: { code: string; datatype: string; values: { key: string }[] }[] };
    expect(def.service_code).toBe('parker');
    expect(def.attributes[0]).toMatchObject({ code: 'type', datatype: 'singlevaluelist', variable: true, required: false });
    expect(def.attributes[0].values.map((v) => v.key)).toEqual(['question', 'praise', 'complaint', 'suggestion', 'error_report']);
    const x = await t.app.inject({ method: 'GET', url: `/open311/v2/services/parker.xml?jurisdiction_id=${f.tenant.slug}` });
    const parsed = xml.parse(x.body) as {
      service_definition: { service_code: string; attributes: { attribute: { values: { value: unknown[] } }[] } };
    };
    expect(parsed.service_definition.service_code).toBe('parker');
    expect(parsed.service_definition.attributes.attribute[0].values.value).toHaveLength(5);
    const missing = await t.app.inject({ method: 'GET', url: `/open311/v2/services/finns-ej.json?jurisdiction_id=${f.tenant.slug}` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([{ code: 404, description: 'Unknown service_code "finns-ej".' }]);
  });

  it('reads requests with the spec’s fields and no personal data', async () => {
    const f = await fixture();
    const res = await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${f.caseNumber}.json?jurisdiction_id=${f.tenant.slug}` });
    expect(res.statusCode).toBe(200);
    const [request] = res.json() as Record<string, string>[];
    const row = await t.db
      .selectFrom('cases')
      .select(['first_response_due', 'received_at'])
      .where('case_number', '=', f.caseNumber)
      .where('tenant_id', '=', f.tenant.id)
      .executeTakeFirstOrThrow();
    expect(Object.keys(request).sort()).toEqual(
      [
        'agency_responsible',
        'expected_datetime',
        'requested_datetime',
        'service_code',
        'service_name',
        'service_notice',
        'service_request_id',
        'status',
        'status_notes',
        'updated_datetime',
      ].sort(),
    );
    expect(request).toMatchObject({
      service_request_id: f.caseNumber,
      status: 'open',
      status_notes: 'Mottagen',
      service_code: 'gatubelysning',
      service_name: 'Gatubelysning',
      agency_responsible: 'Park & gata',
      requested_datetime: w3c(row.received_at),
      expected_datetime: endOfLocalDay(row.first_response_due),
    });
    expect(request.service_notice).toMatch(/^Vi återkopplar senast \S+ \d+ \S+ \d{4}\.$/);
    for (const secret of ['Cecilia', 'cecilia@example.org', '070-999', 'Storgatan', f.officer.email])
      expect(res.body).not.toContain(secret);

    const x = await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${f.caseNumber}.xml?jurisdiction_id=${f.tenant.slug}` });
    const parsed = xml.parse(x.body) as { service_requests: { request: Record<string, unknown>[] } };
    expect(parsed.service_requests.request[0]).toMatchObject({
      service_request_id: f.caseNumber,
      status: 'open',
      agency_responsible: 'Park & gata',
    });
    expect(x.body).not.toContain('Cecilia');

    const unknown = await t.app.inject({ method: 'GET', url: `/open311/v2/requests/2000-99999.xml?jurisdiction_id=${f.tenant.slug}` });
    expect(unknown.statusCode).toBe(404);
    expect(xml.parse(unknown.body)).toEqual({
      '?xml': '',
      errors: { error: [{ code: 404, description: 'Unknown service_request_id "2000-99999".' }] },
    });
  });

  it('filters requests by status, service code, id and dates', async () => {
    const f = await fixture();
    const second = await createCase(
      f.agent.actor,
      { type: 'question', channel: 'phone', category: 'parker', message: 'Öppettider?' },
      { db: t.db },
    );
    await addCaseEvent(f.officer.actor, second.case.id, { kind: 'resolved', body: 'Svar: alltid öppet' }, { db: t.db });
    const get = async (query: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/open311/v2/requests.json?jurisdiction_id=${f.tenant.slug}&${query}` });
      expect(res.statusCode).toBe(200);
      return (res.json() as { service_request_id: string; status: string; status_notes: string }[]).map(
        (r) => `${r.service_request_id}:${r.status}`,
      );
    };
    expect((await get('')).sort()).toEqual([`${f.caseNumber}:open`, `${second.case.caseNumber}:closed`].sort());
    expect(await get('status=closed')).toEqual([`${second.case.caseNumber}:closed`]);
    expect(await get('status=open')).toEqual([`${f.caseNumber}:open`]);
    expect(await get('service_code=gatubelysning')).toEqual([`${f.caseNumber}:open`]);
    expect(await get(`service_request_id=${second.case.caseNumber}`)).toEqual([`${second.case.caseNumber}:closed`]);
    expect(await get('start_date=2099-01-01T00:00:00Z')).toEqual([]);
    expect(await get('end_date=2000-01-01T00:00:00Z')).toEqual([]);
    const bad = await t.app.inject({ method: 'GET', url: `/open311/v2/requests.json?jurisdiction_id=${f.tenant.slug}&status=pending` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual([{ code: 400, description: 'status must be open or closed.' }]);
    // Another municipality sees none of these.
    const other = await createTestTenant(t.db);
    const none = await t.app.inject({ method: 'GET', url: `/open311/v2/requests.json?jurisdiction_id=${other.tenant.slug}` });
    expect(none.json()).toEqual([]);
  });

  it('files a request with api_key (form-encoded, XML answer) and as JSON with a Bearer token', async () => {
    const f = await fixture();
    const body = form({
      jurisdiction_id: f.tenant.slug,
      api_key: f.agent.token,
      service_code: 'gatubelysning',
      description: 'Mörkt i hela gränden',
      'attribute[type]': 'error_report',
      lat: '59.76',
      long: '18.70',
      address_string: 'Lilla gränd 2',
      email: 'App.User@example.org',
      first_name: 'Dora',
      last_name: 'Appsson',
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: { 'content-type': body['content-type'] },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(201);
    const parsed = xml.parse(res.body) as {
      service_requests: { request: { service_request_id: string; service_notice: string; account_id: string }[] };
    };
    const id = parsed.service_requests.request[0].service_request_id;
    expect(id).toMatch(/^\d{4}-\d{5}$/);
    expect(parsed.service_requests.request[0].service_notice).toMatch(/^Vi återkopplar senast/);
    const stored = await t.db
      .selectFrom('cases')
      .selectAll()
      .where('tenant_id', '=', f.tenant.id)
      .where('case_number', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      channel: 'self_service',
      type: 'error_report',
      contact_name: 'Dora Appsson',
      contact_email: 'app.user@example.org',
    });
    expect(stored.message).toBe('Mörkt i hela gränden\n\nPlats: Lilla gränd 2 – 59.76, 18.7');

    const json = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: f.agent.auth,
      payload: { jurisdiction_id: f.tenant.slug, service_code: 'parker', description: 'Tack för parken', 'attribute[type]': 'praise' },
    });
    expect(json.statusCode).toBe(201);
    const [created] = json.json() as { service_request_id: string; account_id: null }[];
    expect(created.account_id).toBeNull();
    const read = await t.app.inject({
      method: 'GET',
      url: `/open311/v2/requests/${created.service_request_id}.json?jurisdiction_id=${f.tenant.slug}`,
    });
    expect((read.json() as { service_code: string }[])[0].service_code).toBe('parker');
  });

  it('refuses to file without a valid key, with another municipality’s key, or with a bad service code', async () => {
    const f = await fixture();
    const other = await createTestTenant(t.db);
    const otherAgent = await createTestUser(t.db, other, [{ role: 'agent' }]);
    const post = (payload: Record<string, string>) => t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload });
    const base = { jurisdiction_id: f.tenant.slug, service_code: 'parker', description: 'x' };
    const none = await post(base);
    expect(none.statusCode).toBe(403);
    expect((none.json() as { code: number }[])[0].code).toBe(403);
    expect((await post({ ...base, api_key: 'insyn_fel' })).statusCode).toBe(403);
    const badBearer = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: { authorization: 'Bearer insyn_fel' },
      payload: base,
    });
    expect(badBearer.statusCode).toBe(403);
    expect(badBearer.body).toContain('<description>Invalid api_key.</description>');
    expect((await post({ ...base, api_key: otherAgent.token })).statusCode).toBe(403);
    const badCode = await post({ ...base, api_key: f.agent.token, service_code: 'okand' });
    expect(badCode.statusCode).toBe(404);
    expect((badCode.json() as { description: string }[])[0].description).toContain('service_code');
    const badType = await post({ ...base, api_key: f.agent.token, 'attribute[type]': 'rant' });
    expect(badType.statusCode).toBe(400);
    const count = await t.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', f.tenant.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('needs jurisdiction_id when there are several municipalities and 404s an unknown one', async () => {
    await fixture();
    await createTestTenant(t.db);
    const res = await t.app.inject({ method: 'GET', url: '/open311/v2/services.json' });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { description: string }[])[0].description).toContain('jurisdiction_id');
    const unknown = await t.app.inject({ method: 'GET', url: '/open311/v2/services.xml?jurisdiction_id=finns-inte' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('<errors>');
  });

  it('gives expected_datetime as the end of the local due day with Stockholm’s offset', () => {
    expect(endOfLocalDay('2026-01-15')).toBe('2026-01-15T23:59:59+01:00');
    expect(endOfLocalDay('2026-07-01')).toBe('2026-07-01T23:59:59+02:00');
    expect(endOfLocalDay('2026-10-25')).toBe('2026-10-25T23:59:59+01:00');
  });

  it('writes and reads W3C date-times strictly', () => {
    expect(w3c(new Date('2026-07-01T10:00:00.123Z'))).toBe('2026-07-01T12:00:00+02:00');
    expect(w3c(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-16T00:30:00+01:00');
    expect(w3cInstant('2026-09-01', 'start_date')?.toISOString()).toBe('2026-08-31T22:00:00.000Z');
    expect(w3cInstant('2026-09-01T08:00:00+02:00', 'start_date')?.toISOString()).toBe('2026-09-01T06:00:00.000Z');
    expect(w3cInstant('2026-09-01T08:00Z', 'start_date')?.toISOString()).toBe('2026-09-01T08:00:00.000Z');
    for (const bad of [
      '2026-02-30',
      '2026-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T10:00:00',
      '+2026-01-01',
    ])
      expect(() => w3cInstant(bad, 'start_date'), bad).toThrow('start_date must be a W3C date-time');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/open311/v2/services.json',
        '/open311/v2/requests.xml',
        '/open311/v2/requests/{service_request_id}.json',
        '/api/v1/public/cases',
      ]),
    );
  });
});
