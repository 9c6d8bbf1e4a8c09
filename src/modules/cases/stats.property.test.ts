// The statistics counted by the database (firstResponseStats → stats.repo.ts) are the same, to
// the case, as the in-process computation they replaced (buildStats over caseTimings rows, kept as
// the oracle), on generated data: bench-data cases, closed days, answers on weekends, holidays and
// before the day of receipt; random periods, units and "today"s.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, createTestUser, type TestContext, type TestUser } from '../../../test/helpers.ts';
import { addClosedDay, tenantCalendar } from '../calendar/calendar.service.ts';
import { addCalendarDays } from '../calendar/calendar.ts';
import { unitSubtree } from '../org/org.service.ts';
import { generateBenchCases } from './cases.bench-data.ts';
import { caseFixture, question } from './cases.fixtures.ts';
import { addCaseEvent, caseTimings, createCase } from './cases.service.ts';
import { firstResponseAggregates } from './stats.repo.ts';
import { foldStatsDays, rollupAggregates, rollupMismatches } from './stats.rollup.repo.ts';
import { buildStats, firstResponseStats, histogramMedian, median, workingDayIndex } from './stats.service.ts';

let t: TestContext;
let reader: TestUser;
let admin: TestUser;
let tenantId: string;
let units: string[];

beforeAll(async () => {
  t = await createTestContext();
  const tenant = await createTestTenant(t.db);
  tenantId = tenant.tenant.id;
  const f = await caseFixture(t.db, tenant);
  units = [f.unitA, f.unitA1, f.unitB, tenant.rootId];
  reader = await createTestUser(t.db, tenant, [{ role: 'reader' }]);
  admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
  await addClosedDay(tenant.system, { date: '2025-03-14', name: 'Stängt (före)' }, { db: t.db });
  await generateBenchCases(t.db, tenantId, { cases: 700, years: 1, until: '2025-06-30', batch: 250 });
  // Closed after the deadlines were stored: working days are counted with today's calendar.
  await addClosedDay(tenant.system, { date: '2025-04-22', name: 'Stängt (efter)' }, { db: t.db });
  // Answers on a Saturday, on a holiday, before the day of receipt, and a year later.
  await sql`UPDATE cases SET first_response_date = '2025-05-03', first_response_at = '2025-05-03T10:00:00+02:00'
             WHERE tenant_id = ${tenantId} AND id IN (SELECT id FROM cases WHERE tenant_id = ${tenantId} ORDER BY id LIMIT 15)`.execute(
    t.db,
  );
  await sql`UPDATE cases SET first_response_date = '2025-05-01', first_response_at = '2025-05-01T10:00:00+02:00'
             WHERE tenant_id = ${tenantId} AND id IN (SELECT id FROM cases WHERE tenant_id = ${tenantId} ORDER BY id OFFSET 15 LIMIT 15)`.execute(
    t.db,
  );
  await sql`UPDATE cases SET first_response_date = received_date - 3, first_response_at = received_at - interval '3 days'
             WHERE tenant_id = ${tenantId} AND id IN (SELECT id FROM cases WHERE tenant_id = ${tenantId} ORDER BY id OFFSET 30 LIMIT 10)`.execute(
    t.db,
  );
  await sql`UPDATE cases SET first_response_date = received_date + 400, first_response_at = received_at + interval '400 days'
             WHERE tenant_id = ${tenantId} AND id IN (SELECT id FROM cases WHERE tenant_id = ${tenantId} ORDER BY id OFFSET 40 LIMIT 5)`.execute(
    t.db,
  );
  // Changes through the service (creates, first feedback, resolution at first contact) and by
  // hand (a category moved, cases deleted), none of them folded yet.
  for (let i = 0; i < 6; i++) {
    const created = await createCase(
      admin.actor,
      question({ receivedAt: `2025-05-${String(5 + i).padStart(2, '0')}T09:00:00+02:00`, channel: i % 2 ? 'phone' : 'email' }),
      { db: t.db },
    );
    if (i % 3 === 0)
      await addCaseEvent(
        admin.actor,
        created.case.id,
        { kind: 'first_response', body: 'Hej', at: '2025-05-12T10:00:00+02:00' },
        { db: t.db },
      );
  }
  await sql`UPDATE cases SET category_id = (SELECT id FROM categories WHERE tenant_id = ${tenantId} AND code = 'cat-b'), resolved_at_first_contact = NOT resolved_at_first_contact
             WHERE tenant_id = ${tenantId} AND id IN (SELECT id FROM cases WHERE tenant_id = ${tenantId} ORDER BY id OFFSET 50 LIMIT 20)`.execute(
    t.db,
  );
  await sql`DELETE FROM cases WHERE tenant_id = ${tenantId} AND id IN (SELECT id FROM cases WHERE tenant_id = ${tenantId} ORDER BY id OFFSET 70 LIMIT 7)`.execute(
    t.db,
  );
}, 120_000);
afterAll(async () => {
  await t.close();
});

const day = fc.integer({ min: 0, max: 420 }).map((n) => addCalendarDays('2024-06-01', n));

describe('the per-day rollup (migration 0082)', () => {
  it('equals a count of the cases, before and after its deltas are folded', async () => {
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM case_stats_days WHERE tenant_id = ${tenantId} AND NOT merged`.execute(t.db);
    expect(Number(rows[0].n)).toBeGreaterThan(0);
    expect(await rollupMismatches(t.db, tenantId)).toBe(0);
    expect(await foldStatsDays(t.db, tenantId)).toBeGreaterThan(0);
    expect(await rollupMismatches(t.db, tenantId)).toBe(0);
    expect(await foldStatsDays(t.db, tenantId)).toBe(0);
  });

  it('counts like the statement over the cases for any period and today', async () => {
    const calendar = await tenantCalendar(t.db, tenantId);
    const norm = (rows: Awaited<ReturnType<typeof rollupAggregates>>) =>
      rows
        .filter((r) => r.received > 0 && !(r.set.endsWith(':days') && r.workingDays === null))
        .map((r) => JSON.stringify(r))
        .sort();
    await fc.assert(
      fc.asyncProperty(day, day, day, async (a, b, today) => {
        const [dueFrom, dueTo] = a <= b ? [a, b] : [b, a];
        const span = { from: addCalendarDays(dueFrom, -30), to: addCalendarDays(dueTo, 60) };
        const f = { dueFrom, dueTo, today, daysFrom: span.from, cum: workingDayIndex(span, calendar) };
        expect(norm(await rollupAggregates(t.db, tenantId, f))).toEqual(norm(await firstResponseAggregates(t.db, tenantId, f)));
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('statistics in SQL against the in-process oracle', () => {
  it('histogramMedian equals median of the values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 40 })), (values) => {
        const h = new Map<number, number>();
        for (const v of values) h.set(v, (h.get(v) ?? 0) + 1);
        expect(histogramMedian(h)).toBe(median(values));
      }),
    );
  });

  it('the generated data has on-time, late, open overdue and first-contact cases', async () => {
    const s = await firstResponseStats(reader.actor, { from: '2024-07-01', to: '2025-06-30' }, { db: t.db, today: '2025-07-01' });
    expect(s.total.received).toBeGreaterThan(600);
    expect(s.total.onTime).toBeGreaterThan(0);
    expect(s.total.late).toBeGreaterThan(0);
    expect(s.total.openOverdue).toBeGreaterThan(0);
    expect(s.total.resolvedAtFirstContact).toBeGreaterThan(0);
    expect(s.byChannel.length).toBeGreaterThan(3);
  });

  it('gives the same statistics to the case for any period, unit and today', async () => {
    const calendar = await tenantCalendar(t.db, tenantId);
    await fc.assert(
      fc.asyncProperty(day, day, day, fc.option(fc.constantFrom(0, 1, 2, 3), { nil: undefined }), async (a, b, today, u) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const unitId = u === undefined ? undefined : units[u];
        const unitIds = unitId ? await unitSubtree(t.db, tenantId, unitId) : undefined;
        const rows = await caseTimings(t.db, tenantId, { dueFrom: from, dueTo: to, unitIds });
        const oracle = buildStats(rows, today, calendar, { from, to, unitId: unitId ?? null });
        const got = await firstResponseStats(reader.actor, { from, to, unitId }, { db: t.db, today });
        expect(got).toEqual(oracle);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
