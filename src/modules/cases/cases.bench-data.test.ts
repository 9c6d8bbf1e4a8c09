import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, type TestContext } from '../../../test/helpers.ts';
import { tenantCalendar } from '../calendar/calendar.service.ts';
import { generateBenchCases } from './cases.bench-data.ts';
import { caseFixture, question } from './cases.fixtures.ts';
import { setCaseCounter } from './cases.repo.ts';
import { createCase, firstResponseDaysByCategory } from './cases.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

describe('bench-data', () => {
  it('numbers cases gap-free after the counter, in order of receipt, past 99 999; deadlines exact', async () => {
    const tenant = await createTestTenant(t.db);
    const tenantId = tenant.tenant.id;
    await caseFixture(t.db, tenant);
    await setCaseCounter(t.db, tenantId, 2025, 99_990);
    const result = await generateBenchCases(t.db, tenantId, { cases: 300, years: 1, until: '2025-12-31', batch: 70 });
    expect(result).toEqual({ inserted: 300, from: '2025-01-01', to: '2025-12-31' });
    const { rows } = await sql<{
      case_number: string;
      received_at: Date;
      received_date: string;
      first_response_due: string;
      category_id: string;
      status: string;
      first_response_date: string | null;
    }>`SELECT case_number, received_at, received_date::text, first_response_due::text, category_id, status, first_response_date::text
         FROM cases WHERE tenant_id = ${tenantId} ORDER BY received_at, case_number`.execute(t.db);
    expect(rows).toHaveLength(300);
    expect(rows.map((r) => r.case_number)).toEqual(Array.from({ length: 300 }, (_, i) => `2025-${String(99_991 + i).padStart(5, '0')}`));
    const counter = await t.db
      .selectFrom('case_counters')
      .select('last_number')
      .where('tenant_id', '=', tenantId)
      .executeTakeFirstOrThrow();
    expect(counter.last_number).toBe(100_290);
    const days = await firstResponseDaysByCategory(t.db, tenantId);
    const calendar = await tenantCalendar(t.db, tenantId);
    for (const r of rows) {
      expect(r.first_response_due).toBe(calendar.addWorkingDays(r.received_date, days.get(r.category_id) ?? -1));
      if (r.first_response_date) expect(r.first_response_date <= '2025-12-31').toBe(true);
    }
    const statuses = new Set(rows.map((r) => r.status));
    expect(statuses).toEqual(new Set(['new', 'in_progress', 'resolved']));
  });
});

describe('case numbers from the tenant-year sequence', () => {
  it('start after imported numbers, continue after bench-data, and bench-data continues after them', async () => {
    const tenant = await createTestTenant(t.db);
    const tenantId = tenant.tenant.id;
    await caseFixture(t.db, tenant);
    await setCaseCounter(t.db, tenantId, 2024, 41);
    const create = async () => {
      const n = await createCase(tenant.system, question({ receivedAt: '2024-06-03T09:00:00+02:00' }), { db: t.db });
      return n.case.caseNumber;
    };
    expect(await create()).toBe('2024-00042');
    await generateBenchCases(t.db, tenantId, { cases: 10, years: 1, until: '2024-12-31' });
    const { rows } = await sql<{ n: string }>`SELECT max(case_number) AS n FROM cases WHERE tenant_id = ${tenantId}`.execute(t.db);
    expect(rows[0].n).toBe('2024-00052');
    expect(await create()).toBe('2024-00053');
    await setCaseCounter(t.db, tenantId, 2024, 99);
    expect(await create()).toBe('2024-00100');
  });
});
