// Each computed source gives the same number as the cases or promises API for the same unit and
// period: the goals module asks their services and never reads their tables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { addCaseEvent, createCase } from '../cases/cases.service.ts';
import { createCategory } from '../cases/categories.service.ts';
import { createPromise, transitionPromise } from '../promises/promises.service.ts';
import { goalsWorld } from './goals.fixtures.ts';
import { indicatorViews } from './goals.followup-read.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

async function world() {
  const w = await goalsWorld(t.db);
  const db = { db: t.db };
  await createCategory(w.tt.system, { code: 'kc', name: 'Kontaktcenter', unitId: w.unitId }, db);
  await createCategory(w.tt.system, { code: 'eko', name: 'Ekonomi', unitId: w.otherUnitId }, db);
  const kase = async (receivedAt: string, answeredAt: string | null, extra: Record<string, unknown> = {}) => {
    const { case: c } = await createCase(
      w.tt.system,
      { type: 'question', channel: 'phone', category: 'kc', message: 'Fråga', receivedAt, ...extra },
      db,
    );
    if (answeredAt) await addCaseEvent(w.tt.system, c.id, { kind: 'first_response', body: 'Svar', at: answeredAt }, db);
  };
  await kase('2026-02-02T09:00:00+01:00', '2026-02-03T09:00:00+01:00');
  await kase('2026-02-09T09:00:00+01:00', '2026-02-16T09:00:00+01:00');
  await kase('2026-03-02T09:00:00+01:00', null);
  await kase('2026-03-03T09:00:00+01:00', null, { resolvedAtFirstContact: { answer: 'Klart direkt' } });
  await kase('2026-03-04T09:00:00+01:00', '2026-03-05T09:00:00+01:00', { category: 'eko' });
  await kase('2025-05-05T09:00:00+02:00', '2025-05-08T09:00:00+02:00');
  return w;
}

const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

/** Creates an indicator of the world's unit through the API (a quality strategist); its id. */
async function createIndicator(w: Awaited<ReturnType<typeof world>>, fields: Record<string, unknown>): Promise<string> {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/indicators',
    headers: w.quality.auth,
    payload: { unit: '%', direction: 'higher', decimals: 1, ownerUnitId: w.unitId, level: 'KF', ...fields },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id;
}

describe('computed indicator sources', () => {
  it('first_response_median, on_time_rate and first_contact_resolution equal the statistics API', async () => {
    const w = await world();
    const periods = [
      { period: '2026-D1', from: '2026-01-01', to: '2026-04-30' },
      { period: '2026-03', from: '2026-03-01', to: '2026-03-31' },
      { period: '2025', from: '2025-01-01', to: '2025-12-31' },
    ];
    const sources = [
      { type: 'first_response_median', unit: 'arbetsdagar', pick: (s: Record<string, number | null>) => s.medianWorkingDays },
      { type: 'on_time_rate', unit: '%', pick: (s: Record<string, number | null>) => (s.onTimeRate === null ? null : s.onTimeRate * 100) },
      {
        type: 'first_contact_resolution',
        unit: '%',
        pick: (s: Record<string, number | null>) => (s.firstContactRate === null ? null : s.firstContactRate * 100),
      },
    ];
    for (const source of sources) {
      const id = await createIndicator(w, { title: source.type, unit: source.unit, source: { type: source.type, unitId: w.unitId } });
      // A target for the month, so the month is one of the indicator's periods.
      await t.app.inject({
        method: 'PUT',
        url: `/api/v1/indicators/${id}/values`,
        headers: w.quality.auth,
        payload: [{ period: '2026-03', kind: 'target', value: 1 }],
      });
      const ind = (await get(`/api/v1/indicators/${id}`, w.officer.auth)).json();
      for (const p of periods) {
        const stats = (await get(`/api/v1/stats/first-response?unit=${w.unitId}&from=${p.from}&to=${p.to}`, w.officer.auth)).json();
        const expected = source.pick(stats.total);
        const value = ind.values.find((v: { period: string; kind: string }) => v.period === p.period && v.kind === 'outcome');
        if (expected === null) expect(value).toBeUndefined();
        else
          expect({ type: source.type, period: p.period, value: value?.value, computed: value?.computed }).toEqual({
            type: source.type,
            period: p.period,
            value: expected,
            computed: true,
          });
      }
      // Sanity: the numbers are not all trivially equal (the unit's subtree is what is measured).
      expect(ind.values.filter((v: { computed: boolean }) => v.computed).length).toBeGreaterThan(0);
    }
  });

  it('promise_fulfilment equals the promise’s fulfilment API', async () => {
    const w = await world();
    const promise = await createPromise(
      w.tt.system,
      {
        title: 'Svar inom två arbetsdagar',
        kind: 'guarantee',
        unitId: w.unitId,
        validFrom: '2025-01-01',
        metric: { type: 'case_first_response', workingDays: 2, filter: { categories: ['kc'] } },
        target: 0.9,
        remedy: 'Vi ber om ursäkt.',
        counterRequirement: 'Lämna kontaktuppgifter.',
      },
      { db: t.db },
    );
    await transitionPromise(
      w.tt.system,
      promise.id,
      { to: 'decided', decision: { board: 'KS', date: '2024-12-10', registrationNumber: 'KS 2024/1' } },
      { db: t.db },
    );
    const id = await createIndicator(w, {
      title: 'Löftet hålls',
      decimals: 0,
      level: 'board',
      source: { type: 'promise_fulfilment', promiseId: promise.id },
    });
    const ind = (await get(`/api/v1/indicators/${id}`, w.officer.auth)).json();
    for (const p of [
      { period: '2026-D1', from: '2026-01-01', to: '2026-04-30' },
      { period: '2025', from: '2025-01-01', to: '2025-12-31' },
    ]) {
      const f = (await get(`/api/v1/promises/${promise.id}/fulfilment?from=${p.from}&to=${p.to}`, w.officer.auth)).json();
      const value = ind.values.find((v: { period: string; kind: string }) => v.period === p.period && v.kind === 'outcome');
      expect(value?.value ?? null).toBe(f.ratio === null ? null : f.ratio * 100);
    }
    expect(ind.values.find((v: { period: string }) => v.period === '2026-D1')?.value).not.toBeUndefined();
  });

  it('marks the current, unfinished period preliminary', async () => {
    const w = await world();
    const id = await createIndicator(w, { title: 'I tid', decimals: 0, source: { type: 'on_time_rate', unitId: w.unitId } });
    const ind = (await get(`/api/v1/indicators/${id}`, w.officer.auth)).json();
    const year = new Date().getFullYear();
    const current = ind.values.find((v: { period: string }) => v.period === String(year));
    const d1 = ind.values.find((v: { period: string }) => v.period === `${year}-D1`);
    if (current) expect(current.preliminary).toBe(true);
    if (d1) expect(d1.preliminary).toBe(new Date().getMonth() < 4);
    expect(ind.values.some((v: { preliminary: boolean }) => v.preliminary) || current === undefined).toBe(true);
  });

  it('computes only the periods a report asks for, with the same values as a full read', async () => {
    const w = await world();
    const id = await createIndicator(w, { title: 'I tid, för rapporten', source: { type: 'on_time_rate', unitId: w.unitId } });
    const read = { db: t.db, today: '2026-10-15' };
    const outcomes = async (periods?: string[]) =>
      ((await indicatorViews(w.quality.actor, [id], { ...read, periods })).get(id)?.values ?? []).filter((v) => v.kind === 'outcome');
    const all = await outcomes();
    const asked = ['2026-D1', '2025'];
    const some = await outcomes(asked);
    // The full read has more periods (2026, 2026-D2, 2025-D1…); the restricted one exactly the two asked.
    expect(all.map((v) => v.period)).toEqual(expect.arrayContaining([...asked, '2026']));
    expect(some.map((v) => v.period).sort()).toEqual([...asked].sort());
    expect(some).toEqual(all.filter((v) => asked.includes(v.period)));
  });
});
