// The start-up warm-up renders every published promise's public page once, so the first visitor
// of a fresh process gets a kept page; an aged page is served while it is computed afresh.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestContext, createTestTenant, type TestContext } from '../../../test/helpers.ts';
import { createCategory } from '../cases/categories.service.ts';
import { createUnit } from '../org/org.service.ts';
import { remember } from './promises.public.data.ts';
import { createPromise, transitionPromise } from './promises.service.ts';
import { warmPublicPromisePages } from './promises.warm.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('public promise pages at start', () => {
  it('renders each published promise once and stops at the time limit', async () => {
    const tt = await createTestTenant(t.db);
    const board = await createUnit(tt.system, { name: 'Byggnadsnämnden', kind: 'board', parentId: tt.rootId }, { db: t.db });
    const unit = await createUnit(tt.system, { name: 'Bygglovsenheten', kind: 'unit', parentId: board.id }, { db: t.db });
    await createCategory(tt.system, { code: 'bygglov', name: 'Bygglov', unitId: unit.id }, { db: t.db });
    const p = await createPromise(
      tt.system,
      {
        title: 'Återkoppling inom två arbetsdagar',
        kind: 'policy',
        unitId: unit.id,
        validFrom: '2025-01-01',
        metric: { type: 'case_first_response', workingDays: 2 },
        target: 0.95,
        remedy: 'Vi ber om ursäkt.',
        counterRequirement: 'Lämna kontaktuppgifter.',
      },
      { db: t.db },
    );
    const decision = { board: 'Byggnadsnämnden', date: '2024-12-10', registrationNumber: 'BN 2024/77' };
    await transitionPromise(tt.system, p.id, { to: 'decided', decision }, { db: t.db });
    await transitionPromise(tt.system, p.id, { to: 'published' }, { db: t.db });
    const report = await warmPublicPromisePages(t.app, t.db);
    expect(report.pages).toBeGreaterThanOrEqual(1);
    expect(report.skipped).toBe(0);
    const none = await warmPublicPromisePages(t.app, t.db, { limitMs: -1 });
    expect(none.pages).toBe(0);
    expect(none.skipped).toBeGreaterThanOrEqual(1);
  });

  it('serves an aged entry while computing it afresh, then the fresh one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      let n = 0;
      const compute = async () => ++n;
      const key = `test|${Math.random()}`;
      expect(await remember(key, compute)).toBe(1);
      vi.setSystemTime(Date.now() + 61_000);
      expect(await remember(key, compute)).toBe(1); // stale, refresh started
      await new Promise((r) => setImmediate(r));
      expect(await remember(key, compute)).toBe(2);
      expect(n).toBe(2);
      vi.setSystemTime(Date.now() + 601_000);
      expect(await remember(key, compute)).toBe(3); // dropped after ten minutes unused: computed while waiting
    } finally {
      vi.useRealTimers();
    }
  });
});
