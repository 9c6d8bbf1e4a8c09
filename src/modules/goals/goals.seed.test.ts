import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, type TestContext } from '../../../test/helpers.ts';
import type { Db } from '../../db/database.ts';
import { type DemoUnit, NORRTALJE_BOARDS } from '../../db/seed/demo-org.ts';
import type { Actor } from '../accounts/actor.ts';
import { createUnit } from '../org/org.service.ts';
import { indicatorDetail, planTree } from './goals.read.ts';
import { seedGoalsDemo } from './goals.seed.ts';
import { listPlans } from './goals.service.ts';
import { progressBoard } from './rounds.service.ts';

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

describe('demo goals', () => {
  it('seeds the plan 2025–2027 as printed, the action plan and a round with some items reported — once', async () => {
    const tt = await createTestTenant(t.db, 'Norrtälje kommun (demo)');
    await units(t.db, tt.system, tt.rootId, NORRTALJE_BOARDS);
    const tenants = { norrtalje: tt.tenant, lulea: tt.tenant };
    await seedGoalsDemo(t.db, tenants);
    await seedGoalsDemo(t.db, tenants);
    const plans = await listPlans(tt.system, { db: t.db });
    expect(plans.map((p) => p.title).sort()).toEqual(['Kommunstyrelsens verksamhetsplan 2025–2027', 'Mål och budget 2025–2027']);
    const ks = plans.find((p) => p.parent_plan_id !== null);
    const tree = await planTree(tt.system, ks?.id ?? '', {}, { db: t.db });
    expect(tree.goalAreas.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(tree.goalAreas.flatMap((a) => a.goals).length).toBe(20);
    const byCode = new Map(tree.indicators.map((i) => [i.code, i]));
    const kc = await indicatorDetail(tt.system, byCode.get('2.1.1')?.id ?? '', { db: t.db });
    expect(kc.computed).toBe(true);
    expect(kc.values).toContainEqual(expect.objectContaining({ period: '2022', kind: 'outcome', value: 83, imported: true }));
    expect(kc.values).toContainEqual(expect.objectContaining({ period: '2027', kind: 'target', value: 83 }));
    const misprint = await indicatorDetail(tt.system, byCode.get('2.1.2')?.id ?? '', { db: t.db });
    expect(misprint.values).toContainEqual(
      expect.objectContaining({ period: '2023', value: 270.7, comment: 'Som tryckt (270,7%) – sannolikt ett tryckfel.' }),
    );
    expect(misprint.values.find((v) => v.period === '2024' && v.kind === 'forecast')).toMatchObject({
      value: null,
      comment: 'Tom i textutdraget (sex värden för sju kolumner).',
    });
    const rounds = await t.db.selectFrom('follow_up_rounds').select(['id', 'title']).where('tenant_id', '=', tt.tenant.id).execute();
    expect(rounds.map((r) => r.title)).toEqual(['Delår 2 2026']);
    const board = await progressBoard(tt.system, rounds[0]?.id ?? '', { db: t.db });
    const items = board.units.flatMap((u) => u.items);
    expect(items.filter((i) => i.state === 'ready').length).toBe(3);
    expect(items.filter((i) => i.state === 'not_started').length).toBeGreaterThan(5);
    const ap = await t.db.selectFrom('action_plan_activities').select('number').where('tenant_id', '=', tt.tenant.id).execute();
    expect(ap.map((a) => a.number).sort()).toEqual([1, 2, 3, 4]);
  });
});
