// User management under concurrency: checks under the row lock, unique violations as 409.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestTenant,
  createTestUser,
  form,
  formToken,
  loginCookies,
  type TestContext,
  usingPostgres,
} from '../../../test/helpers.ts';
import { raceBehindLock } from '../../../test/locks.ts';
import { AppError } from '../../http/errors.ts';
import { listAudit } from '../audit/audit.repo.ts';
import { createUser, grantRole, setUserActive } from './accounts.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const statusOf = (r: PromiseSettledResult<unknown>) =>
  r.status === 'fulfilled' ? 'ok' : r.reason instanceof AppError ? r.reason.status : `raw: ${String(r.reason)}`;

describe('users under concurrency', () => {
  it('the user form answers an address already in use with 409 and keeps what was typed', async () => {
    const tt = await createTestTenant(t.db);
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const cookie = await loginCookies(t.app, tt.tenant.slug, admin.email, admin.password);
    const { csrf, cookie: jar } = await formToken(t.app, '/staff/users', cookie);
    const res = await t.app.inject({
      method: 'POST',
      url: '/staff/users',
      headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrf, name: 'Dubbel Person', email: admin.email.toUpperCase() }).payload,
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('E-postadressen används redan.');
    expect(res.body).toContain('value="Dubbel Person"');
  });

  it.skipIf(!usingPostgres)('two admins adding the same address at once: one user, the other gets 409 (PostgreSQL)', async () => {
    const tt = await createTestTenant(t.db);
    const email = 'samtidig@test.example';
    const add = (name: string) => createUser(tt.system, { email, name, password: 'ett-långt-lösenord' }, { db: t.db });
    const results = await raceBehindLock(
      t.db,
      // An uncommitted user with the address: both pass the early check and meet at the unique key.
      (trx) => trx.insertInto('users').values({ tenant_id: tt.tenant.id, email, name: 'Spärr' }).execute(),
      () => Promise.allSettled([add('Första'), add('Andra')]),
      { rollback: true },
    );
    expect(results.map(statusOf).sort()).toEqual([409, 'ok']);
    const users = await t.db.selectFrom('users').select('name').where('tenant_id', '=', tt.tenant.id).where('email', '=', email).execute();
    expect(users).toHaveLength(1);
    expect((await listAudit(t.db, tt.tenant.id)).filter((a) => a.entity === 'user' && a.action === 'create')).toHaveLength(1);
  });

  it('granting a role the user already has changes nothing and is not audited twice', async () => {
    const tt = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tt, []);
    const grant = () => grantRole(tt.system, user.id, { role: 'officer', unitId: tt.rootId }, { db: t.db });
    const added = await Promise.all([grant(), grant()]);
    expect(added.sort()).toEqual([false, true]);
    expect(await t.db.selectFrom('role_grants').select('id').where('user_id', '=', user.id).execute()).toHaveLength(1);
    const audit = (await listAudit(t.db, tt.tenant.id)).filter((a) => a.action === 'grant' && a.entity_id === user.id);
    expect(audit).toHaveLength(1);
  });

  it('deactivating twice at once records one change', async () => {
    const tt = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tt, [{ role: 'reader' }]);
    await Promise.all([setUserActive(tt.system, user.id, false, { db: t.db }), setUserActive(tt.system, user.id, false, { db: t.db })]);
    const audit = (await listAudit(t.db, tt.tenant.id)).filter((a) => a.action === 'deactivate' && a.entity_id === user.id);
    expect(audit).toHaveLength(1);
  });
});

describe('account forms with a repeated field', () => {
  it('answer 400 with a message instead of a 500', async () => {
    const tt = await createTestTenant(t.db);
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const cookie = await loginCookies(t.app, tt.tenant.slug, admin.email, admin.password);
    const { csrf, cookie: jar } = await formToken(t.app, '/staff/account', cookie);
    const headers = { cookie: jar, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
    const post = (url: string, payload: string) =>
      t.app.inject({ method: 'POST', url, headers, payload: `_csrf=${encodeURIComponent(csrf)}&${payload}` });
    for (const [url, payload] of [
      ['/staff/account/tokens', 'action=create&name=a&name=b'],
      ['/staff/users', 'name=A&name=B&email=x%40test.example'],
      [`/staff/users/${admin.id}`, 'action=grant&action=revoke&role=reader'],
    ] as const) {
      const res = await post(url, payload);
      expect(res.statusCode, url).toBe(400);
      expect(res.body).toContain('kom flera gånger');
    }
    expect(await t.db.selectFrom('api_tokens').select('id').where('user_id', '=', admin.id).execute()).toHaveLength(1);
  });
});
