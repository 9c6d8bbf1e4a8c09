import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { goalsWorld } from './goals.fixtures.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({ method, url, headers, payload: payload as Record<string, unknown> });

describe('assignments API', () => {
  it('defines, filters by unit, status and overdue, sorts by end date, and takes a status per period from the owner', async () => {
    const w = await goalsWorld(t.db);
    const mk = (over: Record<string, unknown>) =>
      api('POST', '/api/v1/assignments', w.quality.auth, {
        kind: 'assignment',
        title: 'Uppdrag',
        responsibleUnitId: w.unitId,
        goalId: w.goalId,
        ...over,
      });
    const late = await mk({
      title: 'Ta fram en digitaliseringsplan',
      endDate: '2025-06-30',
      originBody: 'Kommunfullmäktige',
      originRegistrationNumber: 'KS 2024/12',
    });
    expect(late.statusCode, late.body).toBe(201);
    expect(
      (await mk({ title: 'Nämndinitiativ: öppna data', kind: 'initiative', endDate: '2027-12-31', responsibleUnitId: w.otherUnitId }))
        .statusCode,
    ).toBe(201);
    expect((await mk({ title: 'Klart uppdrag', endDate: '2025-01-31', status: 'done' })).statusCode).toBe(201);
    expect(
      (await api('POST', '/api/v1/assignments', w.officer.auth, { kind: 'assignment', title: 'X', responsibleUnitId: w.unitId }))
        .statusCode,
    ).toBe(403);

    const all = (await api('GET', '/api/v1/assignments', w.officer.auth)).json().assignments;
    expect(all.map((a: { endDate: string }) => a.endDate)).toEqual(['2025-01-31', '2025-06-30', '2027-12-31']);
    const overdue = (await api('GET', '/api/v1/assignments?overdue=true', w.officer.auth)).json().assignments;
    expect(overdue.map((a: { title: string; overdue: boolean }) => [a.title, a.overdue])).toEqual([
      ['Ta fram en digitaliseringsplan', true],
    ]);
    const mine = (await api('GET', `/api/v1/assignments?unit=${w.unitId}&status=not_started`, w.officer.auth)).json().assignments;
    expect(mine).toHaveLength(1);

    const id = late.json().id;
    expect((await api('PUT', `/api/v1/assignments/${id}/status/2026-D1`, w.stranger.auth, { status: 'ongoing' })).statusCode).toBe(403);
    const rep = await api('PUT', `/api/v1/assignments/${id}/status/2026-D1`, w.officer.auth, {
      status: 'delayed',
      comment: 'Väntar på upphandling',
    });
    expect(rep.statusCode, rep.body).toBe(200);
    expect(rep.json()).toMatchObject({
      status: 'delayed',
      updates: [{ period: '2026-D1', status: 'delayed', comment: 'Väntar på upphandling' }],
    });
    expect((await api('PUT', `/api/v1/assignments/${id}/status/2026-D3`, w.officer.auth, { status: 'done' })).statusCode).toBe(400);
    const dup = await mk({ code: 'U1' });
    expect(dup.statusCode).toBe(201);
    expect((await mk({ code: 'U1' })).statusCode).toBe(409);
  });
});

describe('action plans API', () => {
  it('creates a plan with activities, budget and indicators; the responsible unit reports progress', async () => {
    const w = await goalsWorld(t.db);
    const ind = await api('POST', '/api/v1/indicators', w.quality.auth, {
      title: 'NKI företag',
      unit: 'index',
      direction: 'higher',
      decimals: 0,
      ownerUnitId: w.unitId,
      level: 'board',
    });
    const body = {
      title: 'Handlingsplan för service till företag',
      purpose: 'Bättre service.',
      responsibleUnitId: w.unitId,
      periodFrom: '2025-01-01',
      periodTo: '2027-12-31',
      goalsText: 'NKI minst 75.',
      indicatorIds: [ind.json().id],
      budget: { '2025': 450000, '2026': 300000 },
      followUpInterval: 'tertial',
      activities: [
        {
          number: 1,
          title: 'Företagslots',
          startDate: '2025-02-01',
          endDate: '2025-12-31',
          responsibleUnitId: w.unitId,
          steps: '- Rekrytera\n- Starta',
        },
        { number: 2, title: 'Servicemätning', startDate: '2025-03-01', endDate: '2026-06-30', responsibleUnitId: w.otherUnitId },
      ],
    };
    const bad = await api('POST', '/api/v1/action-plans', w.quality.auth, {
      ...body,
      activities: [{ number: 1, title: 'X', startDate: '2025-05-01', endDate: '2025-04-01', responsibleUnitId: w.unitId }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].field).toBe('activities.0.endDate');
    const res = await api('POST', '/api/v1/action-plans', w.quality.auth, body);
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    expect(plan).toMatchObject({ budget: { '2025': 450000 }, followUpInterval: 'tertial', indicatorIds: [ind.json().id] });
    expect(plan.activities.map((a: { number: number }) => a.number)).toEqual([1, 2]);
    const [a1, a2] = plan.activities;
    expect((await api('PUT', `/api/v1/activities/${a2.id}/progress/2025-D1`, w.officer.auth, { status: 'ongoing' })).statusCode).toBe(403);
    expect(
      (await api('PUT', `/api/v1/activities/${a1.id}/progress/2025-D1`, w.officer.auth, { status: 'ongoing', comment: 'Lotsen anställd' }))
        .statusCode,
    ).toBe(204);
    const again = (await api('GET', `/api/v1/action-plans/${plan.id}`, w.officer.auth)).json();
    expect(again.activities[0]).toMatchObject({ status: 'ongoing', progress: [{ period: '2025-D1', comment: 'Lotsen anställd' }] });
    expect((await api('POST', '/api/v1/action-plans', w.quality.auth, body)).statusCode).toBe(409);
  });
});
