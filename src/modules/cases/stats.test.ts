import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, createTestUser, type TestContext } from '../../../test/helpers.ts';
import { addCalendarDays, localDate } from '../calendar/calendar.ts';
import { caseFixture, question } from './cases.fixtures.ts';
import { addCaseEvent, caseTimings, createCase } from './cases.service.ts';
import { median } from './stats.service.ts';

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
  const admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
  const reader = await createTestUser(t.db, tenant, [{ role: 'reader' }]);
  const db = { db: t.db };
  const mk = (extra: Record<string, unknown>) =>
    createCase(admin.actor, question({ receivedAt: '2026-03-02T09:00:00+01:00', channel: 'email', ...extra }), db);
  // All received Monday 2026-03-02, due Wednesday 2026-03-04.
  const onTime = (await mk({})).case;
  await addCaseEvent(admin.actor, onTime.id, { kind: 'first_response', body: 'Hej', at: '2026-03-03T10:00:00+01:00' }, db);
  const late = (await mk({ type: 'complaint' })).case;
  await addCaseEvent(admin.actor, late.id, { kind: 'resolved', body: 'Svar', at: '2026-03-06T10:00:00+01:00' }, db);
  await mk({ category: 'cat-b' }); // open and overdue
  await mk({ channel: 'phone', resolvedAtFirstContact: { answer: 'Klart' } });
  await mk({ receivedAt: '2026-03-31T09:00:00+02:00' }); // due 2026-04-02: outside March
  const fresh = (await mk({ receivedAt: new Date().toISOString() })).case; // not yet due
  return { tenant, f, admin, reader, fresh };
}

const stats = (headers: Record<string, string>, query: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/stats/first-response?${query}`, headers });

describe('first-response statistics', () => {
  it('counts on time, late and open overdue as missed; median; first-contact rate; splits', async () => {
    const { reader } = await setup();
    const res = await stats(reader.auth, 'from=2026-03-01&to=2026-03-31');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.total).toMatchObject({
      received: 4,
      onTime: 2,
      late: 1,
      openOverdue: 1,
      notYetDue: 0,
      onTimeRate: 0.5,
      medianWorkingDays: 1,
      resolvedAtFirstContact: 1,
      firstContactRate: 0.25,
    });
    const channel = Object.fromEntries(
      s.byChannel.map((x: { key: string; received: number; onTime: number }) => [x.key, [x.received, x.onTime]]),
    );
    expect(channel).toEqual({ email: [3, 1], phone: [1, 1] });
    const type = Object.fromEntries(s.byType.map((x: { key: string; late: number }) => [x.key, x.late]));
    expect(type).toEqual({ question: 0, complaint: 1 });
    const category = Object.fromEntries(s.byCategory.map((x: { key: string; openOverdue: number }) => [x.key, x.openOverdue]));
    expect(category).toEqual({ 'cat-a': 0, 'cat-b': 1 });
  });

  it('leaves cases not yet due out of the rate', async () => {
    const { reader, fresh } = await setup();
    const s = (await stats(reader.auth, `from=${localDate(new Date())}&to=${addCalendarDays(fresh.firstResponseDue, 1)}`)).json();
    expect(s.total).toMatchObject({ received: 1, notYetDue: 1, onTime: 0, openOverdue: 0, onTimeRate: null, medianWorkingDays: null });
  });

  it('measures a unit with its subtree', async () => {
    const { reader, f } = await setup();
    const s = (await stats(reader.auth, `unit=${f.unitA}&from=2026-03-01&to=2026-03-31`)).json();
    expect(s.total).toMatchObject({ received: 3, onTime: 2, late: 1, openOverdue: 0 });
    expect((await stats(reader.auth, 'from=2026-03-31&to=2026-03-01')).statusCode).toBe(400);
  });

  it('caseTimings returns the contract rows', async () => {
    const { tenant } = await setup();
    const rows = await caseTimings(t.db, tenant.tenant.id, { dueFrom: '2026-03-01', dueTo: '2026-03-31', channels: ['phone'] });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      type: 'question',
      channel: 'phone',
      categoryCode: 'cat-a',
      receivedDate: '2026-03-02',
      firstResponseDue: '2026-03-04',
      firstResponseDate: '2026-03-02',
      resolvedDate: '2026-03-02',
      status: 'resolved',
      resolvedAtFirstContact: true,
    });
  });

  it('median of even and odd sets', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});
