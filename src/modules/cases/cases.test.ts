import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, createTestUser, type TestContext } from '../../../test/helpers.ts';
import { caseFixture, question } from './cases.fixtures.ts';
import { setUnitFirstResponseDays } from './cases.service.ts';
import { createCategory } from './categories.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

async function setup() {
  const tenant = await createTestTenant(t.db);
  const f = await caseFixture(t.db, tenant);
  const agent = await createTestUser(t.db, tenant, [{ role: 'agent', unitId: f.unitA }]);
  const officer = await createTestUser(t.db, tenant, [{ role: 'officer', unitId: f.unitA }]);
  const admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
  return { tenant, f, agent, officer, admin };
}

const post = (url: string, headers: Record<string, string>, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as object });
const countCases = async (tenantId: string) =>
  Number(
    (
      await t.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', tenantId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/v1/cases', () => {
  it('creates a case with number, status and deadline', async () => {
    const { agent, tenant } = await setup();
    const res = await post(
      '/api/v1/cases',
      agent.auth,
      question({ receivedAt: '2026-03-02T09:00:00+01:00', contact: { email: 'a@example.se' } }),
    );
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.caseNumber).toBe('2026-00001');
    expect(c.status).toBe('new');
    expect(c.firstResponseDue).toBe('2026-03-04');
    expect(c.receivedAt).toBe('2026-03-02T08:00:00.000Z');
    const events = await t.db.selectFrom('case_events').select('kind').where('case_id', '=', c.id).execute();
    expect(events.map((e) => e.kind)).toEqual(['received']);
    const mails = await t.db.selectFrom('mail_outbox').select(['kind', 'to_address']).where('tenant_id', '=', tenant.tenant.id).execute();
    expect(mails).toEqual([{ kind: 'case_receipt', to_address: 'a@example.se' }]);
  });

  it('applies category > unit > tenant overrides', async () => {
    const { agent, tenant, f } = await setup();
    await setUnitFirstResponseDays(tenant.system, f.unitA, 5, { db: t.db });
    const viaUnit = (await post('/api/v1/cases', agent.auth, question({ receivedAt: '2026-03-02T09:00:00+01:00' }))).json();
    expect(viaUnit.firstResponseDue).toBe('2026-03-09');
    const viaTenant = (
      await post('/api/v1/cases', agent.auth, question({ category: 'cat-b', receivedAt: '2026-03-02T09:00:00+01:00' }))
    ).json();
    expect(viaTenant.firstResponseDue).toBe('2026-03-04');
    await createCategory(tenant.system, { code: 'fast', name: 'Snabb', unitId: f.unitA1, firstResponseDays: 1 }, { db: t.db });
    const viaCategory = (
      await post('/api/v1/cases', agent.auth, question({ category: 'fast', receivedAt: '2026-03-02T09:00:00+01:00' }))
    ).json();
    expect(viaCategory.firstResponseDue).toBe('2026-03-03');
  });

  it('resolves at first contact: counts as first feedback and stores the answer', async () => {
    const { agent } = await setup();
    const res = await post('/api/v1/cases', agent.auth, question({ resolvedAtFirstContact: { answer: 'På tisdagar.' } }));
    const c = res.json();
    expect(c.status).toBe('resolved');
    expect(c.resolvedAtFirstContact).toBe(true);
    expect(c.firstResponseDate).toBe(c.receivedDate);
    const events = await t.db.selectFrom('case_events').select(['kind', 'body']).where('case_id', '=', c.id).orderBy('kind').execute();
    expect(events).toEqual([
      { kind: 'received', body: null },
      { kind: 'resolved', body: 'På tisdagar.' },
    ]);
  });

  it('rejects bad input with field errors and stores nothing', async () => {
    const { agent, tenant } = await setup();
    const bad = [
      question({ type: 'rant' }),
      question({ message: '' }),
      question({ category: 'nope' }),
      question({ contact: { email: 'inte-en-adress' } }),
      question({ receivedAt: '2099-01-01T00:00:00Z' }),
    ];
    for (const payload of bad) {
      const res = await post('/api/v1/cases', agent.auth, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().fields?.length ?? res.json().errors?.length).toBeGreaterThan(0);
    }
    expect(await countCases(tenant.tenant.id)).toBe(0);
  });

  it('requires a case role and a token', async () => {
    const { tenant } = await setup();
    const reader = await createTestUser(t.db, tenant, [{ role: 'reader' }]);
    const secretary = await createTestUser(t.db, tenant, [{ role: 'secretary' }]);
    expect((await post('/api/v1/cases', reader.auth, question())).statusCode).toBe(403);
    expect((await post('/api/v1/cases', secretary.auth, question())).statusCode).toBe(403);
    expect((await post('/api/v1/cases', {}, question())).statusCode).toBe(401);
    expect(await countCases(tenant.tenant.id)).toBe(0);
  });

  it('returns the same case for the same Idempotency-Key, also under concurrency', async () => {
    const { agent, tenant } = await setup();
    const headers = { ...agent.auth, 'idempotency-key': 'call-123' };
    const first = await post('/api/v1/cases', headers, question());
    expect(first.statusCode).toBe(201);
    const again = await post('/api/v1/cases', headers, question());
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);

    const key = { ...agent.auth, 'idempotency-key': 'burst-key' };
    const results = await Promise.all(Array.from({ length: 10 }, () => post('/api/v1/cases', key, question())));
    expect(results.every((r) => r.statusCode === 200 || r.statusCode === 201)).toBe(true);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(await countCases(tenant.tenant.id)).toBe(2);
  });

  it('gives 50 concurrent creates 50 distinct numbers without gaps', async () => {
    const { agent, tenant } = await setup();
    // The time is an input: half an hour into New Year's Day in Stockholm, still the old year in
    // UTC. Cases are numbered by the Stockholm year of receipt, whatever the server's clock says.
    const receivedAt = '2025-12-31T23:30:00Z';
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => post('/api/v1/cases', agent.auth, question({ message: `Fråga ${i}`, receivedAt }))),
    );
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const numbers = results.map((r) => r.json().caseNumber as string).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `2026-${String(i + 1).padStart(5, '0')}`));
    expect(await countCases(tenant.tenant.id)).toBe(50);
  });
});

describe('reading cases', () => {
  it('is limited to the units the actor covers; another tenant’s case is 404', async () => {
    const { agent, officer, admin, tenant } = await setup();
    const a = (await post('/api/v1/cases', agent.auth, question())).json();
    const b = (await post('/api/v1/cases', agent.auth, question({ category: 'cat-b' }))).json();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${a.id}`, headers: officer.auth })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${b.id}`, headers: officer.auth })).statusCode).toBe(404);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: officer.auth })).json();
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([a.id]);
    expect(list.total).toBe(1);
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/cases?pageSize=1&page=2', headers: admin.auth })).json();
    expect(all.total).toBe(2);
    expect(all.items).toHaveLength(1);

    const other = await createTestTenant(t.db, 'Annan kommun');
    const otherAdmin = await createTestUser(t.db, other, [{ role: 'admin' }]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${a.id}`, headers: otherAdmin.auth })).statusCode).toBe(404);
    expect((await post(`/api/v1/cases/${a.id}/events`, otherAdmin.auth, { kind: 'note', body: 'x' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: otherAdmin.auth })).json().total).toBe(0);
    expect(tenant.tenant.id).not.toBe(other.tenant.id);
  });

  it('filters by unit subtree, status and due date', async () => {
    const { agent, admin, f } = await setup();
    const a = (await post('/api/v1/cases', agent.auth, question({ receivedAt: '2026-03-02T09:00:00+01:00' }))).json();
    await post('/api/v1/cases', agent.auth, question({ category: 'cat-b', receivedAt: '2026-03-09T09:00:00+01:00' }));
    const byUnit = (await t.app.inject({ method: 'GET', url: `/api/v1/cases?unit=${f.unitA}`, headers: admin.auth })).json();
    expect(byUnit.items.map((c: { id: string }) => c.id)).toEqual([a.id]);
    const due = (await t.app.inject({ method: 'GET', url: '/api/v1/cases?dueBefore=2026-03-05', headers: admin.auth })).json();
    expect(due.total).toBe(1);
    const resolved = (await t.app.inject({ method: 'GET', url: '/api/v1/cases?status=resolved', headers: admin.auth })).json();
    expect(resolved.total).toBe(0);
  });
});

describe('categories API', () => {
  it('creates categories (admin only), validates and refuses duplicates', async () => {
    const { admin, officer, f } = await setup();
    const payload = { code: 'parkering', name: 'Parkering', unitId: f.unitB, firstResponseDays: 0 };
    expect((await post('/api/v1/categories', officer.auth, payload)).statusCode).toBe(403);
    const res = await post('/api/v1/categories', admin.auth, payload);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: 'parkering', unitId: f.unitB, firstResponseDays: 0, active: true });
    expect((await post('/api/v1/categories', admin.auth, payload)).statusCode).toBe(409);
    expect((await post('/api/v1/categories', admin.auth, { ...payload, code: 'Ä' })).statusCode).toBe(400);
    const other = await createTestTenant(t.db);
    const otherAdmin = await createTestUser(t.db, other, [{ role: 'admin' }]);
    expect((await post('/api/v1/categories', otherAdmin.auth, { ...payload, code: 'x-unit' })).statusCode).toBe(400);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/categories', headers: officer.auth })).json();
    expect(list.categories.map((c: { code: string }) => c.code).sort()).toEqual(['cat-a', 'cat-b', 'parkering']);
  });
});
