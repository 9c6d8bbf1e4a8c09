// Test world of the reports module: the goals world (a council plan, goal area 2, goal 2.1, the
// executive board and its contact centre) with a manual indicator and its values, the board's
// text, a written assessment and an assignment with its status for 2026-D2 — made through the
// goals API, as a quality strategist would.
import { expect } from 'vitest';
import type { Db } from '../../db/database.ts';
import type { App } from '../../http/context.ts';
import { type GoalsWorld, goalsWorld } from '../goals/goals.fixtures.ts';

export interface ReportsWorld extends GoalsWorld {
  indicatorId: string;
}

export const AREA_TITLE = 'Attraktiv kommun att bo och verka i';

export async function reportsWorld(app: App, db: Db): Promise<ReportsWorld> {
  const w = await goalsWorld(db);
  const call = async (method: 'POST' | 'PUT', url: string, payload: unknown, expected: number) => {
    const res = await app.inject({ method, url, headers: w.quality.auth, payload: payload as Record<string, unknown> });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(expected);
    return res.statusCode === 204 ? null : res.json();
  };
  const indicator = await call(
    'POST',
    '/api/v1/indicators',
    {
      title: 'Andel besvarade samtal',
      unit: '%',
      direction: 'higher',
      decimals: 1,
      ownerUnitId: w.unitId,
      level: 'KF',
      source: { type: 'manual' },
      goalIds: [w.goalId],
    },
    201,
  );
  await call(
    'PUT',
    `/api/v1/indicators/${indicator.id}/values`,
    [
      { period: '2024', kind: 'outcome', value: 71.5 },
      { period: '2025', kind: 'outcome', value: 78.25 },
      { period: '2026-D2', kind: 'outcome', value: 82.5 },
      { period: '2026', kind: 'forecast', value: 84 },
      { period: '2025', kind: 'target', value: 80 },
      { period: '2026', kind: 'target', value: 85 },
      { period: '2027', kind: 'target', value: 90 },
    ],
    200,
  );
  await call(
    'PUT',
    `/api/v1/goals/${w.goalId}/board-texts`,
    { boardUnitId: w.boardId, year: 2026, text: 'Kontaktcenter svarar snabbare.' },
    204,
  );
  await call(
    'PUT',
    `/api/v1/goals/${w.goalId}/assessments/2026-D2`,
    { status: 'partly', analysis: 'Svarstiderna har kortats men målet nås inte ännu.' },
    204,
  );
  const assignment = await call(
    'POST',
    '/api/v1/assignments',
    { kind: 'assignment', title: 'Inför chatt i kontaktcenter', goalId: w.goalId, responsibleUnitId: w.unitId, endDate: '2026-12-31' },
    201,
  );
  await call('PUT', `/api/v1/assignments/${assignment.id}/status/2026-D2`, { status: 'ongoing', comment: 'Upphandling pågår.' }, 200);
  return { ...w, indicatorId: indicator.id };
}
