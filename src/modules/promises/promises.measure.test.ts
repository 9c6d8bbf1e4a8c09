// The rules of measurement decided once: cases selected by each promise's own rule, the same
// totals in staff statistics and promise results, running periods, targets that changed, one
// share formatter and one working-day rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, createTestUser, type TestContext, type TestTenant } from '../../../test/helpers.ts';
import { formatShare } from '../../web/i18n.ts';
import { tenantCalendar } from '../calendar/calendar.service.ts';
import { addCaseEvent, caseTimings, createCase, firstResponseDaysForCategory, setUnitFirstResponseDays } from '../cases/cases.service.ts';
import { createCategory } from '../cases/categories.service.ts';
import { buildStats } from '../cases/stats.service.ts';
import { createUnit } from '../org/org.service.ts';
import type { Fulfilment } from './fulfilment.ts';
import { monthPeriod } from './fulfilment.ts';
import { createResultsLoader, promiseFulfilment, promiseYearResults } from './promises.results.ts';
import { createPromise, getPromise, transitionPromise } from './promises.service.ts';
import { metricSummary } from './promises.staff.components.tsx';
import { keptSentence } from './promises.texts.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const DECISION = { board: 'Byggnadsnämnden', date: '2024-12-10', registrationNumber: 'BN 2024/77' };

async function world(): Promise<{ tt: TestTenant; unitId: string }> {
  const tt = await createTestTenant(t.db);
  const board = await createUnit(tt.system, { name: 'Byggnadsnämnden', kind: 'board', parentId: tt.rootId }, { db: t.db });
  const unit = await createUnit(tt.system, { name: 'Bygglovsenheten', kind: 'unit', parentId: board.id }, { db: t.db });
  await createCategory(tt.system, { code: 'bygglov', name: 'Bygglov', unitId: unit.id }, { db: t.db });
  return { tt, unitId: unit.id };
}

async function decided(w: { tt: TestTenant; unitId: string }, metric: Record<string, unknown>, validFrom = '2025-01-01') {
  const p = await createPromise(
    w.tt.system,
    { title: 'Löfte', kind: 'policy', unitId: w.unitId, validFrom, metric, target: 0.9 },
    { db: t.db },
  );
  await transitionPromise(w.tt.system, p.id, { to: 'decided', decision: DECISION }, { db: t.db });
  return p.id;
}

async function kase(w: { tt: TestTenant }, receivedAt: string, done?: { kind: 'first_response' | 'resolved'; at: string }) {
  const { case: c } = await createCase(
    w.tt.system,
    { type: 'question', channel: 'phone', category: 'bygglov', message: 'Hur går det?', receivedAt },
    { db: t.db },
  );
  if (done) await addCaseEvent(w.tt.system, c.id, { kind: done.kind, body: 'Svar', at: done.at }, { db: t.db });
  return c;
}

describe('cases are selected by the promise’s own rule', () => {
  it('a long deadline: the month of the deadline counts the case, and the months add up to the year', async () => {
    const w = await world();
    const id = await decided(w, { type: 'case_resolution', workingDays: 120 });
    await kase(w, '2025-01-02T09:00:00+01:00', { kind: 'resolved', at: '2025-02-03T09:00:00+01:00' });
    await kase(w, '2025-01-02T11:00:00+01:00');
    const calendar = await tenantCalendar(t.db, w.tt.tenant.id);
    const deadline = calendar.addWorkingDays('2025-01-02', 120);
    const month = monthPeriod(2025, Number(deadline.slice(5, 7)));
    const today = '2026-01-15';
    const inMonth = await promiseFulfilment(t.db, w.tt.tenant.id, id, { from: month.from, to: month.to, today });
    expect(inMonth).toMatchObject({ measured: 2, met: 1, openOverdue: 1 });
    let sum = 0;
    for (let m = 1; m <= 12; m++) {
      const p = monthPeriod(2025, m);
      sum += (await promiseFulfilment(t.db, w.tt.tenant.id, id, { from: p.from, to: p.to, today })).measured;
    }
    const year = await promiseFulfilment(t.db, w.tt.tenant.id, id, { from: '2025-01-01', to: '2025-12-31', today });
    expect(sum).toBe(2);
    expect(year.measured).toBe(2);
  });

  it('one working-day rule: a unit override reaches intake, the service helper and the public form', async () => {
    const w = await world();
    const admin = await createTestUser(t.db, w.tt, [{ role: 'admin' }]);
    const slow = await createUnit(w.tt.system, { name: 'Miljöenheten', kind: 'unit', parentId: w.tt.rootId }, { db: t.db });
    await setUnitFirstResponseDays(admin.actor, slow.id, 5, { db: t.db });
    const category = await createCategory(w.tt.system, { code: 'miljo', name: 'Miljö', unitId: slow.id }, { db: t.db });
    await createCategory(w.tt.system, { code: 'gata', name: 'Gata', unitId: w.unitId }, { db: t.db });
    expect(await firstResponseDaysForCategory(t.db, w.tt.tenant.id, category.id)).toBe(5);
    const { case: c } = await createCase(
      admin.actor,
      { type: 'question', channel: 'phone', category: 'miljo', message: 'Buller', receivedAt: '2026-03-02T09:00:00+01:00' },
      { db: t.db },
    );
    expect(c.firstResponseDue).toBe('2026-03-09');
    const page = await t.app.inject({ method: 'GET', url: `/${w.tt.tenant.slug}/cases/new` });
    expect(page.body).toContain('Vi återkopplar inom två arbetsdagar.');
    expect(page.body).toContain('Miljö (återkoppling inom 5 arbetsdagar)');
    expect(page.body).toMatch(/>Gata</);
  });
});

describe('one total for one period', () => {
  async function march() {
    const w = await world();
    const id = await decided(w, { type: 'case_first_response', workingDays: 2 }, '2026-01-01');
    await kase(w, '2026-02-23T09:00:00+01:00'); // deadline 25 February, never answered
    await kase(w, '2026-03-02T09:00:00+01:00', { kind: 'first_response', at: '2026-03-03T09:00:00+01:00' }); // deadline 4 March
    for (let i = 0; i < 5; i++) {
      await kase(w, '2026-03-03T09:00:00+01:00', { kind: 'first_response', at: '2026-03-03T10:00:00+01:00' }); // deadline 5 March
    }
    return { w, id, today: '2026-03-04' };
  }

  it('staff statistics up to today and the promise’s year count the same cases: once their deadline has passed', async () => {
    const { w, id, today } = await march();
    const [rows, calendar] = await Promise.all([
      caseTimings(t.db, w.tt.tenant.id, { dueFrom: '2026-01-01', dueTo: today }),
      tenantCalendar(t.db, w.tt.tenant.id),
    ]);
    const stats = buildStats(rows, today, calendar, { from: '2026-01-01', to: today, unitId: null }).total;
    const promise = await promiseFulfilment(t.db, w.tt.tenant.id, id, { from: '2026-01-01', to: '2026-12-31', today });
    expect(stats.onTime + stats.late + stats.openOverdue).toBe(promise.measured);
    expect(promise).toMatchObject({ measured: 1, met: 0, openOverdue: 1 });
    // Answered on the deadline day: not counted until the day after.
    expect(stats.notYetDue).toBe(1);
  });

  it('a month that has just begun is not judged on its early answers: too few, and marked as running', async () => {
    const { w, id, today } = await march();
    const p = await getPromise(t.db, w.tt.tenant.id, id);
    const results = await promiseYearResults(createResultsLoader(t.db, w.tt.tenant.id, today), p, 2026);
    const m = results.results.find((r) => r.period.key === '2026-03');
    expect(m).toMatchObject({ ongoing: true, fulfilment: { measured: 0, status: 'too_few' } });
    const later = await promiseYearResults(createResultsLoader(t.db, w.tt.tenant.id, '2026-04-01'), p, 2026);
    expect(later.results.find((r) => r.period.key === '2026-03')).toMatchObject({
      ongoing: false,
      fulfilment: { measured: 6, met: 6, status: 'met' },
    });
  });
});

describe('how figures are written', () => {
  const f = (over: Partial<Fulfilment>): Fulfilment => ({
    measured: 8,
    met: 5,
    missed: 3,
    openOverdue: 0,
    ratio: 0.625,
    target: 0.9,
    targetChanged: false,
    status: 'not_met',
    versions: [],
    ...over,
  });

  it('one formatter: the public sentence shows 62,5 % like the staff pages', () => {
    expect(formatShare(0.625)).toBe('62,5\u00a0%');
    expect(keptSentence(f({}), false, 'this', 'sv')).toContain('62,5\u00a0%');
    expect(keptSentence(f({}), false, 'this', 'en')).toContain('62.5%');
  });

  it('a target that changed is named as such, not blended', () => {
    expect(keptSentence(f({ targetChanged: true }), false, 'last', 'sv')).toContain('mål 90\u00a0%; målet ändrades under perioden');
  });

  it('one working day is singular', () => {
    expect(metricSummary({ type: 'case_first_response', workingDays: 1 })).toContain('inom 1 arbetsdag ');
    expect(metricSummary({ type: 'meeting_minutes', workingDays: 1 })).toContain('senast 1 arbetsdag efter');
    expect(metricSummary({ type: 'case_resolution', workingDays: 3 })).toContain('inom 3 arbetsdagar');
  });
});
