// Test factories of the goals module: a tenant with a board, an administration and a unit, a
// quality strategist, an officer of the unit and one of another unit, and a plan with a goal.
import { createTestTenant, createTestUser, type TestTenant, type TestUser } from '../../../test/helpers.ts';
import type { Db } from '../../db/database.ts';
import { createUnit } from '../org/org.service.ts';
import { createGoal, createGoalArea, createPlan } from './goals.service.ts';

export interface GoalsWorld {
  tt: TestTenant;
  boardId: string;
  unitId: string;
  otherUnitId: string;
  quality: TestUser;
  officer: TestUser;
  stranger: TestUser;
  planId: string;
  areaId: string;
  goalId: string;
}

export async function goalsWorld(db: Db): Promise<GoalsWorld> {
  const tt = await createTestTenant(db);
  const sys = tt.system;
  const board = await createUnit(sys, { name: 'Kommunstyrelsen', kind: 'board', parentId: tt.rootId }, { db });
  const adm = await createUnit(sys, { name: 'Kommunledningsförvaltningen', kind: 'administration', parentId: board.id }, { db });
  const unit = await createUnit(sys, { name: 'Kontaktcenter', kind: 'unit', parentId: adm.id }, { db });
  const other = await createUnit(sys, { name: 'Ekonomiavdelningen', kind: 'department', parentId: adm.id }, { db });
  const quality = await createTestUser(db, tt, [{ role: 'quality' }]);
  const officer = await createTestUser(db, tt, [{ role: 'agent', unitId: unit.id }]);
  const stranger = await createTestUser(db, tt, [{ role: 'officer', unitId: other.id }]);
  const plan = await createPlan(
    sys,
    { title: 'Mål och budget 2025–2027', firstYear: 2025, lastYear: 2027, decidedBy: 'Kommunfullmäktige' },
    { db },
  );
  const area = await createGoalArea(
    sys,
    plan.id,
    { number: 2, title: 'Attraktiv kommun att bo och verka i', ambition: 'År 2035 …' },
    { db },
  );
  const goal = await createGoal(sys, area.id, { number: '2.1', title: 'God service och tillgänglighet' }, { db });
  return {
    tt,
    boardId: board.id,
    unitId: unit.id,
    otherUnitId: other.id,
    quality,
    officer,
    stranger,
    planId: plan.id,
    areaId: area.id,
    goalId: goal.id,
  };
}
