// Test factories of the cases module (used by the *.test.ts files beside it).

import type { TestTenant } from '../../../test/helpers.ts';
import type { Db } from '../../db/database.ts';
import { createUnit } from '../org/org.service.ts';
import { createCategory } from './categories.service.ts';

export interface CaseFixture {
  unitA: string;
  unitA1: string;
  unitB: string;
}

/** Two units under the council (A with a sub-unit A1, and B) and categories: a → A1, b → B. */
export async function caseFixture(db: Db, t: TestTenant): Promise<CaseFixture> {
  const a = await createUnit(t.system, { name: 'Förvaltning A', kind: 'administration', parentId: t.rootId }, { db });
  const a1 = await createUnit(t.system, { name: 'Enhet A1', kind: 'unit', parentId: a.id }, { db });
  const b = await createUnit(t.system, { name: 'Förvaltning B', kind: 'administration', parentId: t.rootId }, { db });
  await createCategory(t.system, { code: 'cat-a', name: 'Kategori A', unitId: a1.id }, { db });
  await createCategory(t.system, { code: 'cat-b', name: 'Kategori B', unitId: b.id }, { db });
  return { unitA: a.id, unitA1: a1.id, unitB: b.id };
}

export const question = (extra: Record<string, unknown> = {}) => ({
  type: 'question',
  channel: 'phone',
  category: 'cat-a',
  message: 'När töms soporna?',
  ...extra,
});
