// Two changes of one promise at the same time: one wins, the other is a 409 with a sentence,
// never a 500 and never two histories. The races need real connections, so they run on
// PostgreSQL; the single-request conflict on the form runs everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestTenant,
  createTestUser,
  form,
  formToken,
  loginCookies,
  type TestContext,
  type TestUser,
  usingPostgres,
} from '../../../test/helpers.ts';
import { createUnit } from '../org/org.service.ts';
import { createPromise, getPromise, listPromiseEvents, transitionPromise } from './promises.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const DECISION = { board: 'Byggnadsnämnden', date: '2024-12-10', registrationNumber: 'BN 2024/77' };

async function decidedPromise(): Promise<{ id: string; quality: TestUser; slug: string }> {
  const tt = await createTestTenant(t.db);
  const board = await createUnit(tt.system, { name: 'Byggnadsnämnden', kind: 'board', parentId: tt.rootId }, { db: t.db });
  const quality = await createTestUser(t.db, tt, [{ role: 'quality' }]);
  const p = await createPromise(
    tt.system,
    {
      title: 'Återkoppling inom två arbetsdagar',
      kind: 'policy',
      unitId: board.id,
      validFrom: '2025-01-01',
      metric: { type: 'case_first_response', workingDays: 2 },
      target: 0.9,
    },
    { db: t.db },
  );
  await transitionPromise(tt.system, p.id, { to: 'decided', decision: DECISION }, { db: t.db });
  return { id: p.id, quality, slug: tt.tenant.slug };
}

describe('concurrent changes of a promise', () => {
  it.skipIf(!usingPostgres)('two new versions at once: one 200, the others 409 with a sentence; one version 2', async () => {
    const { id, quality } = await decidedPromise();
    const patch = (target: number, expectedVersion?: number) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/promises/${id}`,
        headers: quality.auth,
        payload: { target, validFrom: '2026-02-01', ...(expectedVersion ? { expectedVersion } : {}) },
      });
    const results = await Promise.all([patch(0.91, 1), patch(0.92, 1), patch(0.93, 1)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.json().message).toMatch(/ändrades samtidigt av någon annan/);
    }
    const p = await getPromise(t.db, quality.actor.tenantId, id);
    expect(p.versions.map((v) => v.version)).toEqual([1, 2]);
    // Without the version it was made against, a change that comes in after the winner is judged
    // against the new version; never a 500, never a third version starting the same day.
    const late = await Promise.all([patch(0.94), patch(0.95)]);
    for (const r of late) expect([200, 400, 409]).toContain(r.statusCode);
    const after = await getPromise(t.db, quality.actor.tenantId, id);
    expect(after.versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('a change made against an older version is a 409 on the API and the form', async () => {
    const { id, quality, slug } = await decidedPromise();
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/promises/${id}`,
      headers: quality.auth,
      payload: { target: 0.95, validFrom: '2026-02-01', expectedVersion: 1 },
    });
    expect(first.statusCode).toBe(200);
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/promises/${id}`,
      headers: quality.auth,
      payload: { target: 0.8, validFrom: '2026-03-01', expectedVersion: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/ändrades samtidigt av någon annan/);
    const cookie = await loginCookies(t.app, slug, quality.email, quality.password);
    const page = await t.app.inject({ method: 'GET', url: `/staff/promises/${id}/edit`, headers: { cookie } });
    expect(page.body).toContain('name="expectedVersion" value="2"');
    const tok = await formToken(t.app, `/staff/promises/${id}/edit`, cookie);
    const f = form({
      _csrf: tok.csrf,
      expectedVersion: '1',
      title: 'Återkoppling inom två arbetsdagar',
      kind: 'policy',
      metric: 'case_first_response',
      'metric.workingDays': '2',
      target: '80',
      validFrom: '2026-03-01',
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/staff/promises/${id}/edit`,
      headers: { cookie: tok.cookie, 'content-type': f['content-type'] },
      payload: f.payload,
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('ändrades samtidigt av någon annan');
    expect((await getPromise(t.db, quality.actor.tenantId, id)).versions).toHaveLength(2);
  });

  it.skipIf(!usingPostgres)('two transitions from the same status: one commits, the other is 409; one event', async () => {
    const { id, quality } = await decidedPromise();
    const publish = () =>
      t.app.inject({ method: 'POST', url: `/api/v1/promises/${id}/transitions`, headers: quality.auth, payload: { to: 'published' } });
    const results = await Promise.all([publish(), publish(), publish()]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const events = await listPromiseEvents(t.db, quality.actor.tenantId, id);
    expect(events.filter((e) => e.toStatus === 'published')).toHaveLength(1);
  });

  it.skipIf(!usingPostgres)('the same race through the staff forms: 303 once, 409 with the message on the page', async () => {
    const { id, quality, slug } = await decidedPromise();
    const cookie = await loginCookies(t.app, slug, quality.email, quality.password);
    const tokens = await Promise.all([0, 1].map(() => formToken(t.app, `/staff/promises/${id}`, cookie)));
    const results = await Promise.all(
      tokens.map((tok) => {
        const f = form({ _csrf: tok.csrf, to: 'published' });
        return t.app.inject({
          method: 'POST',
          url: `/staff/promises/${id}/transitions`,
          headers: { cookie: tok.cookie, 'content-type': f['content-type'] },
          payload: f.payload,
        });
      }),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([303, 409]);
    const lost = results.find((r) => r.statusCode === 409);
    expect(lost?.body).toMatch(/ändrades samtidigt av någon annan|redan den statusen|inte tillåten/);
  });

  it('a transition the promise has already made is a 409 on the form, with the reason', async () => {
    const { id, quality, slug } = await decidedPromise();
    await transitionPromise(quality.actor, id, { to: 'published' }, { db: t.db });
    const cookie = await loginCookies(t.app, slug, quality.email, quality.password);
    const tok = await formToken(t.app, `/staff/promises/${id}`, cookie);
    const f = form({ _csrf: tok.csrf, to: 'published' });
    const res = await t.app.inject({
      method: 'POST',
      url: `/staff/promises/${id}/transitions`,
      headers: { cookie: tok.cookie, 'content-type': f['content-type'] },
      payload: f.payload,
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Löftet har redan den statusen.');
  });
});
