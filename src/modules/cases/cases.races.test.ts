// Concurrent changes of categories and response templates: checked under a row lock inside the
// transaction, so each change sees the one before it; a taken code or title is a 409 with a
// sentence. Concurrency needs real connections: these run on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, createTestUser, type TestContext, usingPostgres } from '../../../test/helpers.ts';
import { AppError } from '../../http/errors.ts';
import { caseFixture } from './cases.fixtures.ts';
import { createCategory, findCategoryByCode, updateCategory } from './categories.service.ts';
import { createResponseTemplate, deactivateResponseTemplate, updateResponseTemplate } from './response-templates.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

async function setup() {
  const tenant = await createTestTenant(t.db, 'Kappby kommun');
  const f = await caseFixture(t.db, tenant);
  const admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
  return { tenant, f, admin, db: { db: t.db } };
}

const statusOf = (r: PromiseSettledResult<unknown>) =>
  r.status === 'fulfilled' ? 'ok' : r.reason instanceof AppError ? r.reason.status : String(r.reason);

describe('races on categories and response templates', () => {
  it.skipIf(!usingPostgres)('two concurrent changes of one category: each audit entry records the state it replaced', async () => {
    const { tenant, f, admin, db } = await setup();
    const category = await findCategoryByCode(t.db, tenant.tenant.id, 'cat-a');
    if (!category) throw new Error('no category');
    for (let round = 0; round < 5; round++) {
      const names = [`Första ${round}`, `Andra ${round}`];
      const results = await Promise.allSettled(
        names.map((name) => updateCategory(admin.actor, category.id, { code: 'cat-a', name, unitId: f.unitA1 }, db)),
      );
      expect(results.map(statusOf)).toEqual(['ok', 'ok']);
    }
    const audits = await t.db
      .selectFrom('audit_log')
      .select('data')
      .where('tenant_id', '=', tenant.tenant.id)
      .where('entity', '=', 'category')
      .where('action', '=', 'update')
      .orderBy('id')
      .execute();
    const data = audits.map((a) => a.data as { before: { name: string }; after: { name: string } });
    // A chain: every change starts from what the previous one left.
    for (let i = 1; i < data.length; i++) expect(data[i].before.name).toBe(data[i - 1].after.name);
  });

  it.skipIf(!usingPostgres)('two concurrent categories with one code: one is stored, the other is a 409 with a sentence', async () => {
    const { f, admin, db } = await setup();
    const results = await Promise.allSettled(
      [f.unitA, f.unitB].map((unitId) => createCategory(admin.actor, { code: 'parkering', name: 'Parkering', unitId }, db)),
    );
    expect(results.map(statusOf).sort()).toEqual([409, 'ok']);
    const failed = results.find((r) => r.status === 'rejected');
    expect(failed?.status === 'rejected' && (failed.reason as AppError).fields[0].message).toBe(
      'Det finns redan en kategori med den koden.',
    );
  });

  it.skipIf(!usingPostgres)('two concurrent templates with one title and language: one is stored, the other is a 409', async () => {
    const { tenant, admin, db } = await setup();
    const results = await Promise.allSettled(
      ['Text ett', 'Text två'].map((body) => createResponseTemplate(admin.actor, { title: 'Tack för din fråga', body }, db)),
    );
    expect(results.map(statusOf).sort()).toEqual([409, 'ok']);
    const failed = results.find((r) => r.status === 'rejected');
    expect(failed?.status === 'rejected' && (failed.reason as AppError).message).toBe(
      'Det finns redan en aktiv mall med den rubriken på det språket.',
    );
    // The same title in another language is another template.
    await expect(
      createResponseTemplate(admin.actor, { title: 'Tack för din fråga', body: 'Kiitos', language: 'fi' }, db),
    ).resolves.toMatchObject({
      language: 'fi',
    });
    const rows = await t.db.selectFrom('response_templates').select('id').where('tenant_id', '=', tenant.tenant.id).execute();
    expect(rows).toHaveLength(2);
  });

  it.skipIf(!usingPostgres)('an edit and a deactivation at the same time: neither undoes the other', async () => {
    const { tenant, admin, db } = await setup();
    for (let round = 0; round < 6; round++) {
      const tpl = await createResponseTemplate(admin.actor, { title: `Mall ${round}`, body: 'Gammal text' }, db);
      await Promise.all([
        updateResponseTemplate(admin.actor, tpl.id, { title: `Mall ${round}`, body: 'Ny text', active: true }, db),
        deactivateResponseTemplate(admin.actor, tpl.id, db),
      ]);
      const row = await t.db
        .selectFrom('response_templates')
        .select(['body'])
        .where('tenant_id', '=', tenant.tenant.id)
        .where('id', '=', tpl.id)
        .executeTakeFirstOrThrow();
      // The deactivation changes only `active`; it never writes back the text it read earlier.
      expect(row.body).toBe('Ny text');
    }
  });

  it('a taken template title is refused on the form with 409 and the title kept (also on the embedded database)', async () => {
    const { admin, db } = await setup();
    await createResponseTemplate(admin.actor, { title: 'Dubblett', body: 'Ett' }, db);
    const error = await createResponseTemplate(admin.actor, { title: 'dubblett', body: 'Två' }, db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(409);
    expect((error as AppError).fields[0].field).toBe('title');
  });
});
