// Hostile query strings against every GET route (routes enumerated from the app itself), and the
// language of the answers. See hostile-input.world.ts for the world and the rules of a refusal.
import { describe, expect, it } from 'vitest';
import { routesOf } from './hostile-input.fixtures.ts';
import { expectNo500, expectRefused, OUT_OF_SCOPE, reported, send, t, useHostileWorld, w } from './hostile-input.world.ts';

useHostileWorld();

const QUERY_NAMES = ['year', 'page', 'from', 'to', 'date', 'unit', 'status', 'category', 'channel', 'board', 'lang', 'scope', 'days'];
const HUGE = ['1e309', '1e308', '-1e309', 'Infinity', 'NaN', '99999999999999999999'];

describe('hostile query strings on every GET route', () => {
  const gets = () => routesOf(t.app.printRoutes({ commonPrefix: false })).filter((r) => r.method === 'GET' && !OUT_OF_SCOPE.test(r.path));

  it('the sweep reaches the routes it should', () => {
    const paths = gets().map((r) => r.path);
    for (const p of [
      '/staff/cases',
      '/staff/stats',
      '/api/v1/cases',
      '/:tenant/meetings',
      '/:tenant/promises/:id',
      '/api/v1/calendar/holidays',
    ])
      expect(paths).toContain(p);
  });

  it('a NUL byte in any parameter is a 400 with a message, on every GET route', async () => {
    for (const route of gets()) {
      const res = await send('GET', route.path, { query: QUERY_NAMES.map((n) => `${n}=a%00b`).join('&') });
      expectRefused(res, `GET ${route.path} NUL`, /NUL/);
    }
    expect(reported()).toEqual([]);
  });

  it('huge and infinite numbers, impossible dates and repeated parameters never end in a 500', async () => {
    for (const route of gets()) {
      for (const value of [...HUGE, '0000', '9999', '2026-02-30', '0000-01-01', '9999-12-31', '%ED%A0%80']) {
        const res = await send('GET', route.path, { query: QUERY_NAMES.map((n) => `${n}=${value}`).join('&') });
        expectNo500(res, `GET ${route.path} ${value}`);
      }
      const twice = await send('GET', route.path, { query: QUERY_NAMES.map((n) => `${n}=2026&${n}=2027`).join('&') });
      expectNo500(twice, `GET ${route.path} repeated`);
    }
    expect(reported()).toEqual([]);
  }, 600_000);
});

describe("messages in the user's language", () => {
  it("the public form and API answer in the page's language; staff pages in Swedish", async () => {
    const slug = w.tt.tenant.slug;
    const fi = await send('POST', '/:tenant/cases/new', {
      query: 'lang=fi',
      form: { type: 'question', category: 'cat-a', message: 'Hei\u0000' },
    });
    expect(fi.statusCode).toBe(400);
    expect(fi.body).toContain('sisältää merkkejä, joita ei voi tallentaa');
    const en = await send('POST', '/api/v1/public/cases', {
      query: `tenant=${slug}`,
      raw: JSON.stringify({ type: 'question', category: 'cat-a', message: 'Hi\u0000', language: 'en' }),
    });
    expect(en.statusCode).toBe(400);
    expect(en.json()).toMatchObject({ error: 'validation', fields: [{ field: 'message' }] });
    expect(en.json().message).toContain('contains characters that cannot be saved');
    const sv = await send('POST', '/staff/org', { form: { name: '   ', kind: 'unit', parentId: w.ids.org } });
    expect(sv.statusCode).toBe(400);
    expect(sv.body).toContain('Ange ett namn');
    const year = await send('GET', '/api/v1/calendar/holidays', { query: 'year=1e309' });
    expect(year.statusCode).toBe(400);
    expect(year.json().message).toBe('Fältet ”year” måste vara ett tal inom de tillåtna gränserna.');
    const unknown = await send('POST', '/staff/no-such-page', { query: 'x=1&x=2', form: { a: ['1', '2'] } });
    expect(unknown.statusCode).toBe(404);
    const date = await send('GET', '/api/v1/calendar/add-working-days', { query: 'date=2026-02-30&days=1' });
    expect(date.statusCode).toBe(400);
    expect(date.json().fields).toEqual([expect.objectContaining({ field: 'date' })]);
  });
});
