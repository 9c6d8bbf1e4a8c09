import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { reportsWorld } from '../reports/reports.fixtures.ts';
import { goalsFollowUp, indicatorViews } from './goals.followup-read.ts';
import { goalDetail, indicatorDetail } from './goals.read.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

describe('goals: the set-based follow-up read', () => {
  it('gives the same summaries, values and verdicts as the detail reads, in a few queries', async () => {
    const w = await reportsWorld(t.app, t.db);
    const actor = w.quality.actor;
    const read = { db: t.db, today: '2026-10-15' };
    const detail = await goalDetail(actor, w.goalId, read);
    const one = await indicatorDetail(actor, w.indicatorId, read);
    const batch = await goalsFollowUp(actor, [w.goalId], [w.indicatorId], read);
    expect(detail.summaries.length).toBeGreaterThan(0);
    expect(batch.summaries.get(w.goalId)).toEqual(detail.summaries);
    const view = batch.indicators.get(w.indicatorId);
    expect(view?.values).toEqual(one.values);
    expect(view?.assessments).toEqual(one.assessments);
    expect(view).toMatchObject({ id: one.id, title: one.title, unit: one.unit, decimals: one.decimals, goalIds: one.goalIds });
    // The written assessment is there, and an unknown id is simply absent.
    expect(batch.summaries.get(w.goalId)?.find((s) => s.period === '2026-D2')?.written?.status).toBe('partly');
    expect((await indicatorViews(actor, [crypto.randomUUID()], read)).size).toBe(0);
  });
});
