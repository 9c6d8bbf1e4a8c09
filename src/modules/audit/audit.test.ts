// The audit trail: append-only in the database, a staff page with filters and a masked CSV export.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, createTestUser, loginCookies, type TestContext } from '../../../test/helpers.ts';
import { grantRole } from '../accounts/accounts.service.ts';
import { maskEmail, maskPersonalData } from './audit.mask.ts';
import { recordAudit } from './audit.repo.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t?.close();
});

class Rollback extends Error {}

/** Runs `statement` in a transaction that is rolled back whatever happens; returns the error it raised. */
async function refusal(statement: ReturnType<typeof sql>): Promise<unknown> {
  try {
    await t.db.transaction().execute(async (trx) => {
      await statement.execute(trx);
      throw new Rollback();
    });
  } catch (error) {
    return error instanceof Rollback ? undefined : error;
  }
  return undefined;
}

describe('the audit log is append-only in the database', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of entries', async () => {
    const tenant = await createTestTenant(t.db);
    await recordAudit(t.db, {
      tenantId: tenant.tenant.id,
      actorUserId: null,
      actorLabel: 'test',
      action: 'create',
      entity: 'case',
      entityId: 'x',
    });
    const id = (await t.db.selectFrom('audit_log').select('id').where('tenant_id', '=', tenant.tenant.id).executeTakeFirstOrThrow()).id;
    for (const statement of [
      sql`UPDATE audit_log SET action = 'forged' WHERE id = ${id}`,
      sql`DELETE FROM audit_log WHERE id = ${id}`,
      sql`TRUNCATE audit_log`,
    ]) {
      const error = await refusal(statement);
      expect(String((error as Error | undefined)?.message)).toMatch(/append-only/);
    }
    const row = await t.db.selectFrom('audit_log').select('action').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.action).toBe('create');
  });
});

describe('masking of personal data', () => {
  it('masks e-mail addresses, phone numbers and a person’s name, but not a category’s', () => {
    expect(maskEmail('anna.andersson@solby.se')).toBe('a***@s***.se');
    const masked = maskPersonalData(
      { email: 'anna@solby.se', before: { phone: '070-123 45 67', name: 'Anna' }, after: { name: 'Anna B' } },
      'case',
    ) as Record<string, unknown>;
    expect(JSON.stringify(masked)).not.toMatch(/anna@|123 45|"Anna"/);
    expect(masked.before).toEqual({ phone: '***67', name: 'A… (4 tecken)' });
    expect(maskPersonalData({ before: { name: 'Parkering' } }, 'category')).toEqual({ before: { name: 'Parkering' } });
  });
});

describe('the audit page', () => {
  it('shows the tenant’s entries to an admin with filters by who, kind, object and date; quality sees their domain only', async () => {
    const tenant = await createTestTenant(t.db, 'Loggby kommun');
    const admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
    const quality = await createTestUser(t.db, tenant, [{ role: 'quality' }]);
    const officer = await createTestUser(t.db, tenant, [{ role: 'officer' }]);
    await recordAudit(t.db, {
      tenantId: tenant.tenant.id,
      actorUserId: officer.id,
      actorLabel: officer.email,
      action: 'update',
      entity: 'case',
      entityId: 'case-1',
      data: { before: { email: 'resident@example.se' }, after: { email: 'ny.adress@example.se' } },
    });
    await grantRole(admin.actor, officer.id, { role: 'reader' }, { db: t.db });

    const page = await t.app.inject({ method: 'GET', url: '/staff/audit', headers: admin.auth });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('case-1');
    expect(page.body).not.toContain('resident@example.se');
    expect(page.body).toContain('r***@e***.se');

    const byObject = await t.app.inject({ method: 'GET', url: '/staff/audit?entity=case&entityId=case-1', headers: admin.auth });
    expect(byObject.body).toContain('case-1');
    expect(byObject.body).not.toContain('gav behörighet');
    const byWho = await t.app.inject({ method: 'GET', url: `/staff/audit?who=${encodeURIComponent(admin.email)}`, headers: admin.auth });
    expect(byWho.body).toContain('gav behörighet');
    expect(byWho.body).not.toContain('case-1');
    const future = await t.app.inject({ method: 'GET', url: '/staff/audit?from=2100-01-01', headers: admin.auth });
    expect(future.body).toContain('Inga händelser matchar urvalet.');
    const past = await t.app.inject({ method: 'GET', url: '/staff/audit?to=2000-01-01', headers: admin.auth });
    expect(past.body).toContain('Inga händelser matchar urvalet.');
    const bad = await t.app.inject({ method: 'GET', url: '/staff/audit?from=2026-02-30', headers: { ...admin.auth, accept: 'text/html' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Ange från-datum som ÅÅÅÅ-MM-DD.');

    const q = await t.app.inject({ method: 'GET', url: '/staff/audit', headers: quality.auth });
    expect(q.statusCode).toBe(200);
    expect(q.body).toContain('case-1');
    expect(q.body).not.toContain('gav behörighet');
    const o = await t.app.inject({ method: 'GET', url: '/staff/audit', headers: officer.auth });
    expect(o.statusCode).toBe(403);
  });

  it('exports the filtered entries as CSV with personal data masked, and audits the export', async () => {
    const tenant = await createTestTenant(t.db);
    const admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
    await recordAudit(t.db, {
      tenantId: tenant.tenant.id,
      actorUserId: null,
      actorLabel: 'cli',
      action: 'update',
      entity: 'case',
      entityId: '=HYPERLINK("x")',
      data: { phone: '0701234567' },
    });
    const res = await t.app.inject({ method: 'GET', url: '/staff/audit.csv?entity=case', headers: admin.auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body).toContain("'=HYPERLINK");
    expect(res.body).not.toContain('0701234567');
    expect(res.body).toContain('***67');
    const exported = await t.db
      .selectFrom('audit_log')
      .select(['data'])
      .where('tenant_id', '=', tenant.tenant.id)
      .where('action', '=', 'export')
      .where('entity', '=', 'audit_log')
      .execute();
    expect(exported).toHaveLength(1);
    expect(exported[0]?.data).toMatchObject({ rows: 1 });
  });

  it('records logins, failed logins, token creation and role changes', async () => {
    const tenant = await createTestTenant(t.db);
    const user = await createTestUser(t.db, tenant, [{ role: 'officer' }]);
    await loginCookies(t.app, tenant.tenant.slug, user.email, user.password);
    await expect(loginCookies(t.app, tenant.tenant.slug, user.email, 'wrong-password-123')).rejects.toThrow();
    const actions = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'actor_label', 'data'])
      .where('tenant_id', '=', tenant.tenant.id)
      .orderBy('id')
      .execute();
    const seen = actions.map((a) => `${a.action}:${a.entity}`);
    expect(seen).toEqual(expect.arrayContaining(['grant:user', 'create:api_token', 'login:user', 'login_failed:user']));
    const failed = actions.find((a) => a.action === 'login_failed');
    expect(failed?.actor_label).toBe(maskEmail(user.email));
    expect(JSON.stringify(failed?.data)).not.toContain('wrong-password');
  });
});
