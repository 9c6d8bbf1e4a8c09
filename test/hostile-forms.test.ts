// Hostile form posts on every form of every page: the forms are found by reading the real pages.
// See hostile-input.world.ts for the world and the rules of a refusal.
import { describe, expect, it } from 'vitest';
import { type Form, formsOf, routesOf } from './hostile-input.fixtures.ts';
import {
  BLANK,
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
} from './hostile-input.world.ts';

useHostileWorld();

// ---- forms -------------------------------------------------------------------------------------

/** The value a field gets for each hostile class. */
const MUTATIONS: [string, (value: string) => string | string[]][] = [
  ['NUL', (v) => `${v}\u0000x`],
  ['blank', () => BLANK],
  ['impossible date', (v) => (/^\d{4}-\d{2}-\d{2}/.test(v) ? v.replace(/^\d{4}-\d{2}-\d{2}/, '2026-02-30') : v)],
  ['huge number', (v) => (/^\d+([.,]\d+)?%?$/.test(v) ? '1e309' : v)],
  ['repeated', (v) => [v, v]],
];

// Forms this world never shows: the outbox retry needs a failed mail (and has no fields); the
// round's send-back form appears only for an item marked ready — its API twin
// (POST /api/v1/follow-up-items/:id/send-back) is in the JSON sweep.
// A report's publish and new-version forms are shown only once it is approved; the world's report
// is a draft (its texts and approve forms are swept). reports.approval.test.ts posts the others.
const UNREACHED_FORMS = [
  '/staff/outbox/:id/retry',
  '/staff/goals/rounds/:id/items/:itemId/send-back',
  '/staff/reports/:id/publish',
  '/staff/reports/:id/new-version',
  // A person's data: these forms appear only on the page of a search (a POST), which the sweep does not make.
  '/staff/person/extract',
  '/staff/person/rectify',
  '/staff/person/erase',
  // Shown only for a user whose second factor is on; totp.test.ts posts it.
  '/staff/users/:id/second-factor',
];

describe('hostile form posts on every form of every page', () => {
  it('no form post ends in a 500; NUL is refused with a message and stores nothing', async () => {
    const routes = routesOf(t.app.printRoutes({ commonPrefix: false })).filter((r) => !OUT_OF_SCOPE.test(r.path));
    const pages = routes.filter((r) => r.method === 'GET' && !isApi(r.path) && !/\.(csv|json)$/.test(r.path));
    const forms = new Map<string, Form>();
    for (const page of pages) {
      const res = await send('GET', page.path);
      for (const form of formsOf(res.body, routes))
        if (!forms.has(`${form.route} ${Object.keys(form.fields).join()}`))
          forms.set(`${form.route} ${Object.keys(form.fields).join()}`, form);
    }
    const posted = new Set([...forms.values()].map((f) => f.route));
    const formRoutes = routes.filter((r) => r.method === 'POST' && !isApi(r.path)).map((r) => r.path);
    // The outbox has no failed mail to retry in this world; its form has no fields.
    expect(formRoutes.filter((p) => !posted.has(p) && !UNREACHED_FORMS.includes(p))).toEqual([]);

    const counts = storedTracker();
    for (const form of forms.values()) {
      for (const name of Object.keys(form.fields)) {
        for (const [kind, mutate] of MUTATIONS) {
          const value = form.fields[name];
          const mutated = mutate([value].flat()[0] ?? '');
          if (mutated === value) continue;
          const before = kind === 'NUL' ? await counts.before() : '';
          const res = await send('POST', form.route, { form: { ...form.fields, [name]: mutated } });
          const what = `POST ${form.route} ${name} ${kind}`;
          if (kind === 'NUL') {
            expectRefused(res, what, /NUL/);
            if (await counts.changedSince(before)) problems.push(`${what} stored something`);
          } else {
            expectNo500(res, what);
            counts.forget();
          }
        }
      }
    }
    expect(reported()).toEqual([]);
  }, 600_000);
});
