// Tenants under concurrency (PostgreSQL): the unique slug as 409, settings changed under the row lock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, type TestContext, uniqueSlug, usingPostgres } from '../../../test/helpers.ts';
import { raceBehindLock } from '../../../test/locks.ts';
import { AppError } from '../../http/errors.ts';
import { findTenantById } from './tenants.repo.ts';
import { createTenant, updateTenantSettings } from './tenants.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe.skipIf(!usingPostgres)('tenants under concurrency (PostgreSQL)', () => {
  it('two tenants created with one slug at once: one is made, the other is a 409 with a sentence', async () => {
    const slug = uniqueSlug();
    const results = await raceBehindLock(
      t.db,
      // An uncommitted tenant with the slug: both pass the early check and meet at the unique key.
      (trx) => trx.insertInto('tenants').values({ slug, name: 'Spärr' }).execute(),
      () => Promise.allSettled([createTenant({ name: 'Första', slug }, { db: t.db }), createTenant({ name: 'Andra', slug }, { db: t.db })]),
      { rollback: true },
    );
    const refused = results.find((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(AppError);
    expect(refused?.status === 'rejected' && (refused.reason as AppError).status).toBe(409);
    expect(refused?.status === 'rejected' && (refused.reason as AppError).message).toContain('Det finns redan en organisation');
    expect(await t.db.selectFrom('tenants').select('id').where('slug', '=', slug).execute()).toHaveLength(1);
  });

  it('two settings changes at once both survive: the second reads the first under the lock', async () => {
    const tt = await createTestTenant(t.db, 'Förr');
    await raceBehindLock(
      t.db,
      (trx) => trx.selectFrom('tenants').select('id').where('id', '=', tt.tenant.id).forUpdate().execute(),
      () =>
        Promise.all([
          updateTenantSettings(tt.system, { name: 'Nyby' }, { db: t.db }),
          updateTenantSettings(tt.system, { firstResponseDays: 7 }, { db: t.db }),
        ]),
    );
    expect(await findTenantById(t.db, tt.tenant.id)).toMatchObject({ name: 'Nyby', firstResponseDays: 7 });
  });
});
