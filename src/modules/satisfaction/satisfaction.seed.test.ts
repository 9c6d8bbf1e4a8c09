// The demo: Norrtälje's Insikt history (2023 total 71 as published, the rest generated and marked
// so), the action plan's NKI indicators linked to the `nki` source and computed, a contact-centre
// survey with answers; seeding twice changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, type TestContext } from '../../../test/helpers.ts';
import type { Db } from '../../db/database.ts';
import { type DemoUnit, NORRTALJE_BOARDS } from '../../db/seed/demo-org.ts';
import type { Actor } from '../accounts/actor.ts';
import { indicatorDetail, seedGoalsDemo } from '../goals/index.ts';
import { listIndicatorRows } from '../goals/indicators.service.ts';
import { createUnit } from '../org/org.service.ts';
import { satisfactionSummary, seedSatisfactionDemo } from './index.ts';
import { readResults } from './insikt.service.ts';
import { CONTACT_CENTRE_SURVEY } from './satisfaction.seed.ts';
import { listSurveys, surveyResults } from './surveys.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

async function units(db: Db, actor: Actor, parentId: string, list: DemoUnit[]) {
  for (const u of list) {
    const created = await createUnit(actor, { name: u.name, kind: u.kind, parentId }, { db });
    if (u.children) await units(db, actor, created.id, u.children);
  }
}

describe('demo satisfaction data', () => {
  it('Insikt 2021–2025, the NKI indicators computed from it, a survey with answers — once', async () => {
    const tt = await createTestTenant(t.db, 'Norrtälje kommun (demo)');
    await units(t.db, tt.system, tt.rootId, NORRTALJE_BOARDS);
    const tenants = { norrtalje: tt.tenant, lulea: tt.tenant };
    await seedGoalsDemo(t.db, tenants);
    await seedSatisfactionDemo(t.db, tenants);
    await seedSatisfactionDemo(t.db, tenants);

    expect(await satisfactionSummary(t.db, tt.tenant.id, 2023)).toMatchObject({ nki: 71, grade: 'high', generated: false });
    const y2023 = await readResults(t.db, tt.tenant.id, { year: 2023 });
    expect(y2023.filter((r) => r.area !== 'total').every((r) => r.generated)).toBe(true);
    expect(y2023).toHaveLength(6);
    const all = await readResults(t.db, tt.tenant.id, {});
    expect([...new Set(all.map((r) => r.year))]).toEqual([2021, 2022, 2023, 2024, 2025]);
    const total2025 = all.find((r) => r.year === 2025 && r.area === 'total');
    expect(total2025).toMatchObject({ generated: true, target: 75, shown: true });

    const indicators = (await listIndicatorRows(tt.system, {}, { db: t.db })).filter((i) => i.code?.startsWith('NKI-'));
    expect(indicators).toHaveLength(4);
    for (const row of indicators) {
      const detail = await indicatorDetail(tt.system, row.id, { db: t.db });
      const outcome2025 = detail.values.find((v: { period: string; kind: string }) => v.period === '2025' && v.kind === 'outcome');
      expect(outcome2025, `${row.code} has a computed 2025 outcome`).toMatchObject({ computed: true });
      expect((outcome2025 as { value: number }).value).toBeGreaterThan(60);
    }
    const [survey] = (await listSurveys(tt.system, { db: t.db })).filter((s) => s.title === CONTACT_CENTRE_SURVEY);
    const results = await surveyResults(tt.system, survey.id, { db: t.db });
    expect(results.responses).toBe(48);
    expect(results.questions[0]).toMatchObject({ shown: true, n: 48 });
  });
});
