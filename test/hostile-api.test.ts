// Hostile JSON on every API route: NUL bytes, lone surrogates, blank texts, impossible dates and
// huge numbers. See hostile-input.world.ts for the world and the rules of a refusal.
import { describe, expect, it } from 'vitest';
import { apiBodies, leaves, routesOf } from './hostile-input.fixtures.ts';
import {
  BLANK,
  concrete,
  expectNo500,
  expectRefused,
  isApi,
  OUT_OF_SCOPE,
  problems,
  reported,
  send,
  storedTracker,
  t,
  useHostileWorld,
  w,
} from './hostile-input.world.ts';

useHostileWorld();

// ---- the JSON API ------------------------------------------------------------------------------

/** Texts that must not be blank: a blank one is refused, not stored as nothing or a database error (a meeting's title is optional). */
const requiredText = (route: string, path: string) =>
  /^(message|category|name|description|decision\.board|decision\.registrationNumber)$/.test(path) ||
  (path === 'title' && !route.includes('/meetings'));

const XLSX_IMPORT = '/api/v1/goal-plans/:id/import';

describe('hostile JSON on every API route', () => {
  it('the XLSX import answers garbage, JSON and an empty body with a 4xx and a message', async () => {
    const url = concrete(XLSX_IMPORT);
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    for (const [contentType, payload] of [
      [type, 'PK\u0003\u0004 inte en arbetsbok'],
      [type, ''],
      ['application/json', '{"a":"\u0000"}'],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url, headers: { ...w.bearer, 'content-type': contentType }, payload });
      expectRefused(res, `POST ${XLSX_IMPORT} ${contentType} ${payload.slice(0, 10)}`);
    }
    expect(reported()).toEqual([]);
  });

  it('NUL, lone surrogates, blank texts, impossible dates and infinite numbers: 4xx with a message, nothing stored', async () => {
    const bodies = apiBodies(w.ids);
    const routes = routesOf(t.app.printRoutes({ commonPrefix: false })).filter(
      // The goals import takes an XLSX file, not JSON: it is swept by its own assertion below.
      (r) => isApi(r.path) && r.method !== 'GET' && !OUT_OF_SCOPE.test(r.path) && r.path !== XLSX_IMPORT,
    );
    expect(routes.map((r) => `${r.method} ${r.path}`).filter((k) => !(k in bodies))).toEqual([]);
    const counts = storedTracker();
    for (const route of routes) {
      const body = bodies[`${route.method} ${route.path}`] ?? null;
      const query = route.path === '/api/v1/public/cases' ? `tenant=${w.tt.tenant.slug}` : undefined;
      for (const leaf of leaves(body)) {
        const what = (kind: string) => `${route.method} ${route.path} ${leaf.path} ${kind}`;
        const variants: [string, string, boolean][] = [];
        if (typeof leaf.value === 'string') {
          variants.push(['NUL', JSON.stringify(leaf.replace(`${leaf.value}\u0000`)), true]);
          variants.push(['lone surrogate', JSON.stringify(leaf.replace(`${leaf.value}\ud800`)), true]);
          variants.push(['blank', JSON.stringify(leaf.replace(BLANK)), requiredText(route.path, leaf.path)]);
          if (/^\d{4}-\d{2}-\d{2}/.test(leaf.value))
            variants.push(['impossible date', JSON.stringify(leaf.replace(leaf.value.replace(/^\d{4}-\d{2}-\d{2}/, '2026-02-30'))), true]);
        } else {
          variants.push(['infinite number', JSON.stringify(leaf.replace('__HUGE__')).replace('"__HUGE__"', '1e309'), true]);
          variants.push(['huge number', JSON.stringify(leaf.replace(1e308)), true]);
        }
        for (const [kind, raw, refused] of variants) {
          const before = refused ? await counts.before() : '';
          const res = await send(route.method, route.path, { query, raw });
          if (!refused) {
            expectNo500(res, what(kind));
            counts.forget();
            continue;
          }
          expectRefused(res, what(kind));
          if (await counts.changedSince(before)) problems.push(`${what(kind)} stored something`);
        }
      }
    }
    expect(reported()).toEqual([]);
  }, 300_000);
});
