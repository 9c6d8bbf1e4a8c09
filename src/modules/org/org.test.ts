import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, createTestUser, type TestContext, usingPostgres } from '../../../test/helpers.ts';
import { lockWaiters, raceBehindLock } from '../../../test/locks.ts';
import { AppError } from '../../http/errors.ts';
import { createUnit, deleteUnit, updateUnit } from './org.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('org units API', () => {
  it('a new tenant starts with its council as the root', async () => {
    const tt = await createTestTenant(t.db);
    const reader = await createTestUser(t.db, tt, [{ role: 'reader' }]);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/org-units', headers: reader.auth });
    expect(res.statusCode).toBe(200);
    const { units } = res.json();
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({ kind: 'council', parentId: null, name: 'Kommunfullmäktige', children: [] });
  });

  it('admin creates a unit (201 with id); it appears in the tree under its parent', async () => {
    const tt = await createTestTenant(t.db);
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: admin.auth,
      payload: { name: 'Byggnadsnämnden', kind: 'board', parentId: tt.rootId },
    });
    expect(res.statusCode).toBe(201);
    const { id } = res.json();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const child = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: admin.auth,
      payload: { name: 'Bygglov', kind: 'unit', parentId: id },
    });
    expect(child.statusCode).toBe(201);
    const tree = (await t.app.inject({ method: 'GET', url: '/api/v1/org-units', headers: admin.auth })).json();
    expect(tree.units[0].children[0]).toMatchObject({ id, name: 'Byggnadsnämnden' });
    expect(tree.units[0].children[0].children[0]).toMatchObject({ name: 'Bygglov', kind: 'unit' });
  });

  it('non-admins may not create units (403); anonymous callers get 401', async () => {
    const tt = await createTestTenant(t.db);
    const officer = await createTestUser(t.db, tt, [{ role: 'officer', unitId: tt.rootId }]);
    const payload = { name: 'X', kind: 'unit', parentId: tt.rootId };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/org-units', headers: officer.auth, payload })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/org-units', payload })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/org-units' })).statusCode).toBe(401);
  });

  it('rejects bad input with field errors and stores nothing', async () => {
    const tt = await createTestTenant(t.db);
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: admin.auth,
      payload: { name: '', kind: 'galaxy', parentId: 'nope' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'kind', 'parentId']));
    const tree = (await t.app.inject({ method: 'GET', url: '/api/v1/org-units', headers: admin.auth })).json();
    expect(tree.units[0].children).toHaveLength(0);
  });

  it('a unit of another tenant is invisible: as parent it is rejected, by id it is 404', async () => {
    const a = await createTestTenant(t.db);
    const b = await createTestTenant(t.db);
    const adminA = await createTestUser(t.db, a, [{ role: 'admin' }]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: adminA.auth,
      payload: { name: 'Intrång', kind: 'board', parentId: b.rootId },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('parentId');
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/org-units/${b.rootId}`,
      headers: adminA.auth,
      payload: { name: 'Kapad', kind: 'board', parentId: a.rootId },
    });
    expect(patch.statusCode).toBe(404);
  });

  it('refuses to move a unit below itself', async () => {
    const tt = await createTestTenant(t.db);
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/org-units', headers: admin.auth, payload });
    const board = (await post({ name: 'Nämnd', kind: 'board', parentId: tt.rootId })).json();
    const adm = (await post({ name: 'Förvaltning', kind: 'administration', parentId: board.id })).json();
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/org-units/${board.id}`,
      headers: admin.auth,
      payload: { name: 'Nämnd', kind: 'board', parentId: adm.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].field).toBe('parentId');
  });
});

describe.skipIf(!usingPostgres)('org tree under concurrency (PostgreSQL)', () => {
  it('two crossing moves at once cannot make a cycle: the second is refused', async () => {
    const tt = await createTestTenant(t.db);
    const a = await createUnit(tt.system, { name: 'A', kind: 'board', parentId: tt.rootId }, { db: t.db });
    const b = await createUnit(tt.system, { name: 'B', kind: 'board', parentId: tt.rootId }, { db: t.db });
    const results = await raceBehindLock(
      t.db,
      // Hold both rows: both moves are under way before either commits.
      (trx) => trx.selectFrom('org_units').select('id').where('id', 'in', [a.id, b.id]).forUpdate().execute(),
      () =>
        Promise.allSettled([
          updateUnit(tt.system, a.id, { name: 'A', kind: 'board', parentId: b.id }, { db: t.db }),
          updateUnit(tt.system, b.id, { name: 'B', kind: 'board', parentId: a.id }, { db: t.db }),
        ]),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason instanceof AppError && refused.reason.status).toBe(400);
    const parents = await t.db.selectFrom('org_units').select(['id', 'parent_id']).where('id', 'in', [a.id, b.id]).execute();
    const parentOf = new Map(parents.map((p) => [p.id, p.parent_id]));
    expect(parentOf.get(a.id) === b.id && parentOf.get(b.id) === a.id).toBe(false);
  });

  it('a sub-unit added under a unit being removed is refused with a sentence, not a raw error', async () => {
    const tt = await createTestTenant(t.db);
    const a = await createUnit(tt.system, { name: 'A', kind: 'board', parentId: tt.rootId }, { db: t.db });
    const [created, removed] = await raceBehindLock(
      t.db,
      (trx) => trx.selectFrom('org_units').select('id').where('id', '=', a.id).forUpdate().execute(),
      async () => {
        // The removal first, past its checks and waiting; then the addition under it.
        const removal = deleteUnit(tt.system, a.id, { db: t.db });
        removal.catch(() => undefined);
        await lockWaiters(t.db, 1);
        const addition = createUnit(tt.system, { name: 'A1', kind: 'unit', parentId: a.id }, { db: t.db });
        return Promise.allSettled([addition, removal]);
      },
    );
    expect(removed?.status).toBe('fulfilled');
    expect(created?.status === 'rejected' && created.reason).toBeInstanceOf(AppError);
    expect(created?.status === 'rejected' && (created.reason as AppError).message).toContain('Den överordnade enheten finns inte.');
    expect(await t.db.selectFrom('org_units').select('id').where('tenant_id', '=', tt.tenant.id).execute()).toHaveLength(1);
  });
});
