// Staff who may read a promise but not change it see no way to change it, and the edit page
// refuses them with 403 and a sentence before they type anything.
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
import { createUnit } from '../org/org.service.ts';
import { createPromise, getPromise, transitionPromise } from './promises.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

async function setup() {
  const tt = await createTestTenant(t.db);
  const board = await createUnit(tt.system, { name: 'Byggnadsnämnden', kind: 'board', parentId: tt.rootId }, { db: t.db });
  const other = await createUnit(tt.system, { name: 'Socialnämnden', kind: 'board', parentId: tt.rootId }, { db: t.db });
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
  await transitionPromise(
    tt.system,
    p.id,
    { to: 'decided', decision: { board: 'Byggnadsnämnden', date: '2024-12-10', registrationNumber: 'BN 1' } },
    { db: t.db },
  );
  return { tt, id: p.id, board: board.id, other: other.id };
}

describe('what each role is shown of a promise', () => {
  it('officer, agent, reader and a quality strategist of another unit: no edit link, no forms, 403 on the edit page', async () => {
    const s = await setup();
    const users = [
      await createTestUser(t.db, s.tt, [{ role: 'officer' }]),
      await createTestUser(t.db, s.tt, [{ role: 'agent' }]),
      await createTestUser(t.db, s.tt, [{ role: 'reader' }]),
      await createTestUser(t.db, s.tt, [{ role: 'quality', unitId: s.other }]),
    ];
    for (const user of users) {
      const cookie = await loginCookies(t.app, s.tt.tenant.slug, user.email, user.password);
      for (const path of ['', '/results', '/claims']) {
        const page = await t.app.inject({ method: 'GET', url: `/staff/promises/${s.id}${path}`, headers: { cookie } });
        expect(page.statusCode, path).toBe(200);
        expect(page.body, path).not.toContain(`/staff/promises/${s.id}/edit`);
        expect(page.body, path).not.toContain(`action="/staff/promises/${s.id}/transitions"`);
        expect(page.body, path).not.toContain(`action="/staff/promises/${s.id}/claims"`);
      }
      const edit = await t.app.inject({ method: 'GET', url: `/staff/promises/${s.id}/edit`, headers: { cookie } });
      expect(edit.statusCode).toBe(403);
      expect(edit.body).toContain('Du kan läsa det här servicelöftet men inte ändra det.');
      expect(edit.body).not.toContain('name="title"');
      // A hand-made post is refused the same way and changes nothing.
      const tok = await formToken(t.app, `/staff/promises/${s.id}`, cookie);
      const f = form({ _csrf: tok.csrf, title: 'Kapad', kind: 'policy', target: '10' });
      const post = await t.app.inject({
        method: 'POST',
        url: `/staff/promises/${s.id}/edit`,
        headers: { cookie: tok.cookie, 'content-type': f['content-type'] },
        payload: f.payload,
      });
      expect(post.statusCode).toBe(403);
    }
    const officer = await loginCookies(t.app, s.tt.tenant.slug, users[0].email, users[0].password);
    const list = await t.app.inject({ method: 'GET', url: '/staff/promises', headers: { cookie: officer } });
    expect(list.body).not.toContain('href="/staff/promises/new"');
    const create = await t.app.inject({ method: 'GET', url: '/staff/promises/new', headers: { cookie: officer } });
    expect(create.statusCode).toBe(403);
    expect(create.body).toContain('Du kan läsa servicelöftena men inte skapa nya.');
    expect((await getPromise(t.db, s.tt.tenant.id, s.id)).versions).toHaveLength(1);
  });

  it('a quality strategist of the promise’s unit gets the edit link and the form', async () => {
    const s = await setup();
    const quality = await createTestUser(t.db, s.tt, [{ role: 'quality', unitId: s.board }]);
    const cookie = await loginCookies(t.app, s.tt.tenant.slug, quality.email, quality.password);
    const page = await t.app.inject({ method: 'GET', url: `/staff/promises/${s.id}/results`, headers: { cookie } });
    expect(page.body).toContain(`href="/staff/promises/${s.id}/edit"`);
    const edit = await t.app.inject({ method: 'GET', url: `/staff/promises/${s.id}/edit`, headers: { cookie } });
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('name="title"');
  });
});
