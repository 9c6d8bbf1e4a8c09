import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, type TestContext } from '../../../test/helpers.ts';
import type { Db } from '../../db/database.ts';
import { type DemoUnit, NORRTALJE_BOARDS } from '../../db/seed/demo-org.ts';
import type { Actor } from '../accounts/actor.ts';
import { seedGoalsDemo } from '../goals/index.ts';
import { createUnit } from '../org/org.service.ts';
import { seedReportsDemo } from './reports.seed.ts';
import { getReport, listReports, reportModel } from './reports.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

async function units(db: Db, actor: Actor, parentId: string, list: DemoUnit[]) {
  for (const u of list) {
    const created = await createUnit(actor, { name: u.name, kind: u.kind, parentId }, { db });
    if (u.children) await units(db, actor, created.id, u.children);
  }
}

describe('demo reports', () => {
  it('seeds the executive board’s published 2025 report and a 2026-D2 draft from the demo plan — once', { timeout: 180_000 }, async () => {
    const tt = await createTestTenant(t.db, 'Norrtälje kommun (demo)');
    await units(t.db, tt.system, tt.rootId, NORRTALJE_BOARDS);
    const tenants = { norrtalje: tt.tenant, lulea: tt.tenant };
    await seedGoalsDemo(t.db, tenants);
    await seedReportsDemo(t.db, tenants);
    await seedReportsDemo(t.db, tenants);
    const rows = await listReports(tt.system, {}, { db: t.db });
    expect(rows.map((r) => [r.period, r.status, r.version]).sort()).toEqual([
      ['2025', 'published', 1],
      ['2026-D2', 'draft', 1],
    ]);
    const year = rows.find((r) => r.period === '2025');
    const model = await reportModel(tt.system, await getReport(tt.system, year?.id ?? '', { db: t.db }), { db: t.db });
    expect(model.title).toBe('Verksamhetsberättelse 2025 – Kommunstyrelsen');
    expect(model.registrationNumber).toBe('KS 2026/118');
    expect(model.plan?.title).toBe('Kommunstyrelsens verksamhetsplan 2025–2027');
    expect(model.areas.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(model.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators)).length).toBeGreaterThan(3);
    expect(model.actionPlans.length).toBe(1);
  });
});
