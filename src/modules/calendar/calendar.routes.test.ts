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

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('GET /api/v1/calendar/holidays', () => {
  it('lists every public holiday and the three eves of 2026, sorted, exactly so', async () => {
    const res = await get('/api/v1/calendar/holidays?year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.year).toBe(2026);
    expect(body.days[0]).toEqual({ date: '2026-01-01', name: 'Nyårsdagen' });
    const dates = body.days.map((d: { date: string }) => d.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates).toEqual(
      expect.arrayContaining(['2026-04-03', '2026-04-06', '2026-06-19', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31']),
    );
    expect(body.days.find((d: { date: string }) => d.date === '2026-06-19').name).toBe('Midsommarafton');
    expect(body.days).toHaveLength(16);
  });

  it('adds a tenant’s closed days with &tenant=', async () => {
    const tt = await createTestTenant(t.db);
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const cookie = await loginCookies(t.app, tt.tenant.slug, admin.email, admin.password);
    const { csrf, cookie: jar } = await formToken(t.app, '/staff/calendar', cookie);
    const post = await t.app.inject({
      method: 'POST',
      url: '/staff/calendar/closed-days',
      headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrf, date: '2026-04-07', name: 'Personaldag' }).payload,
    });
    expect(post.statusCode).toBe(303);
    const res = await get(`/api/v1/calendar/holidays?year=2026&tenant=${tt.tenant.slug}`);
    expect(res.json().days).toContainEqual({ date: '2026-04-07', name: 'Personaldag' });
    const add = await get(`/api/v1/calendar/add-working-days?date=2026-04-02&days=2&tenant=${tt.tenant.slug}`);
    expect(add.json()).toEqual({ date: '2026-04-02', days: 2, result: '2026-04-09' });
    // Without the tenant the closed day does not count.
    expect((await get('/api/v1/calendar/add-working-days?date=2026-04-02&days=2')).json().result).toBe('2026-04-08');
  });

  it('rejects a year outside 1900–2200 or not a number with 400 naming the parameter', async () => {
    for (const year of ['1899', '2201', 'abc', '2026.5']) {
      const res = await get(`/api/v1/calendar/holidays?year=${year}`);
      expect(res.statusCode, year).toBe(400);
      expect(res.json().fields[0].field).toBe('year');
      expect(res.json().message).toMatch(/year/);
    }
    expect((await get('/api/v1/calendar/holidays')).statusCode).toBe(400);
  });

  it('an unknown tenant is a 404', async () => {
    expect((await get('/api/v1/calendar/holidays?year=2026&tenant=finns-inte')).statusCode).toBe(404);
  });
});

describe('GET /api/v1/calendar/add-working-days', () => {
  it('answers exactly as documented', async () => {
    const res = await get('/api/v1/calendar/add-working-days?date=2026-04-02&days=2');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ date: '2026-04-02', days: 2, result: '2026-04-08' });
    expect((await get('/api/v1/calendar/add-working-days?date=2026-04-04&days=0')).json().result).toBe('2026-04-04');
    expect((await get('/api/v1/calendar/add-working-days?date=2026-12-23&days=1')).json().result).toBe('2026-12-28');
  });

  it('rejects malformed dates and negative or non-integer days with 400 and the parameter', async () => {
    const cases: [string, string][] = [
      ['date=2026-02-30&days=1', 'date'],
      ['date=2026-4-2&days=1', 'date'],
      ['date=igår&days=1', 'date'],
      ['date=2026-04-02&days=-1', 'days'],
      ['date=2026-04-02&days=1.5', 'days'],
      ['date=2026-04-02&days=två', 'days'],
      ['date=2026-04-02', 'days'],
    ];
    for (const [query, field] of cases) {
      const res = await get(`/api/v1/calendar/add-working-days?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(
        res.json().fields.map((f: { field: string }) => f.field),
        query,
      ).toContain(field);
    }
  });
});
