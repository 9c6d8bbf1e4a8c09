// Test world of the portal: a municipality with a board, an administration and a unit, a
// category, one published promise (and one draft that must not show), a decided plan with a goal
// area, a direction goal, an indicator with outcomes and targets, an assignment, and a meeting.
import { createTestTenant, type TestTenant } from '../../../test/helpers.ts';
import type { Db } from '../../db/database.ts';
import { createCategory } from '../cases/categories.service.ts';
import { createAssignment } from '../goals/assignments.service.ts';
import { createGoal, createGoalArea, createIndicator, createPlan, putIndicatorValues } from '../goals/index.ts';
import { createMeeting } from '../meetings/meetings.service.ts';
import { createUnit } from '../org/org.service.ts';
import { createPromise, transitionPromise } from '../promises/promises.service.ts';

export interface PortalWorld {
  tt: TestTenant;
  slug: string;
  boardId: string;
  adminId: string;
  unitId: string;
  promiseId: string;
  draftId: string;
  planId: string;
  areaId: string;
  goalId: string;
  indicatorId: string;
  assignmentId: string;
}

export async function portalWorld(db: Db, name = 'Portalkommun'): Promise<PortalWorld> {
  const tt = await createTestTenant(db, name);
  const sys = tt.system;
  const ctx = { db };
  const board = await createUnit(sys, { name: 'Byggnadsnämnden', kind: 'board', parentId: tt.rootId }, ctx);
  const adm = await createUnit(sys, { name: 'Samhällsbyggnadsförvaltningen', kind: 'administration', parentId: board.id }, ctx);
  const unit = await createUnit(sys, { name: 'Bygglovsenheten', kind: 'unit', parentId: adm.id }, ctx);
  await createCategory(sys, { code: 'webb', name: 'Webbplatsen', unitId: unit.id }, ctx);
  const promise = await createPromise(
    sys,
    {
      title: 'Besked om bygglov inom fyra veckor',
      text: 'Du får besked om ditt bygglov inom fyra veckor från komplett ansökan.',
      kind: 'guarantee',
      unitId: unit.id,
      validFrom: '2025-01-01',
      metric: { type: 'case_first_response', workingDays: 2 },
      target: 0.9,
    },
    ctx,
  );
  const decision = { board: 'Byggnadsnämnden', date: '2024-12-10', registrationNumber: 'BN 2024/77' };
  await transitionPromise(sys, promise.id, { to: 'decided', decision }, ctx);
  await transitionPromise(sys, promise.id, { to: 'published' }, ctx);
  const draft = await createPromise(
    sys,
    {
      title: 'Utkast som inte syns',
      kind: 'policy',
      unitId: unit.id,
      validFrom: '2025-01-01',
      metric: { type: 'case_first_response', workingDays: 2 },
    },
    ctx,
  );
  const plan = await createPlan(
    sys,
    { title: 'Mål och budget 2025–2027', firstYear: 2025, lastYear: 2027, decidedBy: 'Kommunfullmäktige' },
    ctx,
  );
  await createPlan(sys, { title: 'Utkast till plan', firstYear: 2026, lastYear: 2028 }, ctx);
  const area = await createGoalArea(
    sys,
    plan.id,
    { number: 1, title: 'Attraktiv kommun att bo i', ambition: 'Det ska vara enkelt att bygga och bo här.' },
    ctx,
  );
  const goal = await createGoal(
    sys,
    area.id,
    { number: '1.1', title: 'Snabb handläggning av bygglov', text: 'Invånare får snabba och tydliga besked.', boardUnitId: board.id },
    ctx,
  );
  const indicator = await createIndicator(
    sys,
    {
      title: 'Andel bygglov med besked inom tio veckor',
      unit: '%',
      direction: 'higher',
      decimals: 1,
      ownerUnitId: unit.id,
      level: 'KF',
      source: { type: 'manual' },
      definition: 'Antal beslut inom tio veckor delat med alla beslut.',
      dataSource: 'Ärendesystemet',
      goalIds: [goal.id],
    },
    ctx,
  );
  await putIndicatorValues(
    sys,
    indicator.id,
    [
      { period: '2024', kind: 'outcome', value: 81.5 },
      { period: '2025', kind: 'outcome', value: 88.25 },
      { period: '2025', kind: 'target', value: 90 },
      { period: '2026', kind: 'target', value: 92 },
    ],
    ctx,
  );
  const assignment = await createAssignment(
    sys,
    {
      kind: 'assignment',
      title: 'Inför e-tjänst för bygglov',
      goalId: goal.id,
      responsibleUnitId: adm.id,
      endDate: '2026-12-31',
      status: 'ongoing',
    },
    ctx,
  );
  await createMeeting(sys, { boardUnitId: board.id, meetingDate: '2026-03-12' }, ctx);
  return {
    tt,
    slug: tt.tenant.slug,
    boardId: board.id,
    adminId: adm.id,
    unitId: unit.id,
    promiseId: promise.id,
    draftId: draft.id,
    planId: plan.id,
    areaId: area.id,
    goalId: goal.id,
    indicatorId: indicator.id,
    assignmentId: assignment.id,
  };
}
