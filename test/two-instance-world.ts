// The world of the two-instance tests: a tenant with a unit, its category and two officers, and
// six cases with a resident's e-mail, filed alternately through two instances' databases (so
// their receipts wait in the outbox, and their first feedback is due on the same day).
import type { Db } from '../src/db/database.ts';
import { createCase } from '../src/modules/cases/cases.service.ts';
import { createCategory } from '../src/modules/cases/categories.service.ts';
import { createUnit } from '../src/modules/org/org.service.ts';
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from './helpers.ts';

export async function twoInstanceWorld(
  a: Db,
  b: Db,
  name: string,
): Promise<{ tt: TestTenant; officers: TestUser[]; cases: Awaited<ReturnType<typeof createCase>>['case'][] }> {
  const tt = await createTestTenant(a, name);
  const unit = await createUnit(tt.system, { name: 'Gator', kind: 'unit', parentId: tt.rootId }, { db: a });
  await createCategory(tt.system, { code: 'gator', name: 'Gator', unitId: unit.id }, { db: a });
  const officers = [
    await createTestUser(a, tt, [{ role: 'officer', unitId: unit.id }]),
    await createTestUser(a, tt, [{ role: 'officer', unitId: unit.id }]),
  ];
  const agent = await createTestUser(a, tt, [{ role: 'agent' }]);
  const cases = [];
  for (let i = 0; i < 6; i++) {
    const input = {
      type: 'error_report',
      channel: 'phone',
      category: 'gator',
      message: `Hål ${i}`,
      contact: { email: `boende${i}@example.org` },
    };
    cases.push((await createCase(agent.actor, input, { db: i % 2 ? a : b })).case);
  }
  return { tt, officers, cases };
}
