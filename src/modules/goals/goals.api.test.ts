import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, createTestUser, type TestContext } from '../../../test/helpers.ts';
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

async function manualIndicator(w: Awaited<ReturnType<typeof goalsWorld>>, over: Record<string, unknown> = {}) {
  const res = await api('POST', '/api/v1/indicators', w.quality.auth, {
    title: 'Andel besvarade samtal',
    unit: '%',
    direction: 'higher',
    decimals: 0,
    ownerUnitId: w.unitId,
    level: 'KF',
    source: { type: 'manual' },
    goalIds: [w.goalId],
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('goals API: the plan and its indicators', () => {
  it('quality defines; an owner unit reports; others may not', async () => {
    const w = await goalsWorld(t.db);
    const body = {
      title: 'X',
      unit: '%',
      direction: 'higher',
      decimals: 0,
      ownerUnitId: w.unitId,
      level: 'KF',
      source: { type: 'manual' },
    };
    expect((await api('POST', '/api/v1/indicators', w.officer.auth, body)).statusCode).toBe(403);
    const id = await manualIndicator(w);
    const outcome = [{ period: '2025', kind: 'outcome', value: 82, comment: 'Helår' }];
    expect((await api('PUT', `/api/v1/indicators/${id}/values`, w.stranger.auth, outcome)).statusCode).toBe(403);
    const own = await api('PUT', `/api/v1/indicators/${id}/values`, w.officer.auth, outcome);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toEqual({ changed: 1 });
    const target = [{ period: '2025', kind: 'target', value: 90 }];
    expect((await api('PUT', `/api/v1/indicators/${id}/values`, w.officer.auth, target)).statusCode).toBe(403);
    expect((await api('PUT', `/api/v1/indicators/${id}/values`, w.quality.auth, target)).statusCode).toBe(200);
  });

  it('keeps history, ignores unchanged values and judges with a reason', async () => {
    const w = await goalsWorld(t.db);
    const id = await manualIndicator(w);
    const put = (v: unknown) => api('PUT', `/api/v1/indicators/${id}/values`, w.quality.auth, v);
    await put([
      { period: '2025', kind: 'target', value: 90 },
      { period: '2025', kind: 'outcome', value: 70 },
      { period: '2026', kind: 'target', value: 92 },
      { period: '2026-D1', kind: 'outcome', value: 85 },
    ]);
    expect((await put([{ period: '2025', kind: 'outcome', value: 88, comment: 'Rättat' }])).json()).toEqual({ changed: 1 });
    expect((await put([{ period: '2025', kind: 'outcome', value: 88, comment: 'Rättat' }])).json()).toEqual({ changed: 0 });
    const res = await api('GET', `/api/v1/indicators/${id}`, w.officer.auth);
    expect(res.statusCode, res.body).toBe(200);
    const ind = res.json();
    expect(ind.values).toContainEqual(
      expect.objectContaining({ period: '2025', kind: 'outcome', value: 88, computed: false, preliminary: false, comment: 'Rättat' }),
    );
    expect(ind.history).toEqual([expect.objectContaining({ period: '2025', kind: 'outcome', value: 70 })]);
    expect(ind.assessments).toEqual([
      { period: '2025', status: 'partly', reason: 'Utfall 88 %, mål minst 90 % — delvis uppfyllt (inom 10 % av målet)' },
      { period: '2026-D1', status: 'partly', reason: 'Utfall 85 %, mål minst 92 % — delvis uppfyllt (inom 10 % av målet)' },
      { period: '2026', status: 'no_data', reason: 'Inget utfall för perioden (mål minst 92 %).' },
    ]);
    // The tenant's rule: strict means no 'partly'.
    expect((await api('PUT', '/api/v1/goal-settings', w.quality.auth, { partlyRule: 'strict', defaultTolerance: 0.1 })).statusCode).toBe(
      200,
    );
    const strict = (await api('GET', `/api/v1/indicators/${id}`, w.officer.auth)).json();
    expect(strict.assessments[0]).toMatchObject({ period: '2025', status: 'not_met' });
  });

  it('a computed source refuses outcomes with a 409 that says why, but takes a comment', async () => {
    const w = await goalsWorld(t.db);
    const id = await manualIndicator(w, {
      title: 'Återkopplingstid',
      unit: 'arbetsdagar',
      direction: 'lower',
      source: { type: 'first_response_median', unitId: w.unitId },
    });
    const res = await api('PUT', `/api/v1/indicators/${id}/values`, w.quality.auth, [{ period: '2025', kind: 'outcome', value: 1.4 }]);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/beräknas av Insyn/);
    const note = await api('PUT', `/api/v1/indicators/${id}/values`, w.officer.auth, [
      { period: '2025', kind: 'outcome', value: null, comment: 'Nytt system i mars' },
    ]);
    expect(note.statusCode, note.body).toBe(200);
    const imported = await api('PUT', `/api/v1/indicators/${id}/values`, w.quality.auth, [
      { period: '2022', kind: 'outcome', value: 1.8, imported: true },
    ]);
    expect(imported.statusCode).toBe(200);
    const ind = (await api('GET', `/api/v1/indicators/${id}`, w.quality.auth)).json();
    expect(ind.computed).toBe(true);
    expect(ind.values).toContainEqual(
      expect.objectContaining({ period: '2022', kind: 'outcome', value: 1.8, imported: true, computed: false }),
    );
  });

  it('validates input with Swedish messages and refuses unknown units and sources', async () => {
    const w = await goalsWorld(t.db);
    const bad = await api('POST', '/api/v1/indicators', w.quality.auth, {
      title: 'X',
      unit: '%',
      direction: 'sideways',
      decimals: 0,
      ownerUnitId: w.unitId,
      level: 'KF',
    });
    expect(bad.statusCode).toBe(400);
    const other = await createTestTenant(t.db);
    const unknownUnit = await api('POST', '/api/v1/indicators', w.quality.auth, {
      title: 'X',
      unit: '%',
      direction: 'higher',
      decimals: 0,
      ownerUnitId: other.rootId,
      level: 'KF',
      source: { type: 'on_time_rate', unitId: other.rootId },
    });
    expect(unknownUnit.statusCode).toBe(400);
    expect(unknownUnit.json().fields.map((f: { field: string }) => f.field)).toEqual(['ownerUnitId', 'source.unitId']);
    const id = await manualIndicator(w);
    const badPeriod = await api('PUT', `/api/v1/indicators/${id}/values`, w.quality.auth, [
      { period: '2025-D3', kind: 'outcome', value: 1 },
    ]);
    expect(badPeriod.statusCode).toBe(400);
    const twice = await api('PUT', `/api/v1/indicators/${id}/values`, w.quality.auth, [
      { period: '2025', kind: 'outcome', value: 1 },
      { period: '2025', kind: 'outcome', value: 2 },
    ]);
    expect(twice.statusCode).toBe(400);
  });

  it('another municipality’s indicator and plan are 404', async () => {
    const w = await goalsWorld(t.db);
    const id = await manualIndicator(w);
    const other = await createTestTenant(t.db);
    const outsider = await createTestUser(t.db, other, [{ role: 'quality' }]);
    expect((await api('GET', `/api/v1/indicators/${id}`, outsider.auth)).statusCode).toBe(404);
    expect((await api('GET', `/api/v1/goal-plans/${w.planId}`, outsider.auth)).statusCode).toBe(404);
    expect(
      (await api('PUT', `/api/v1/indicators/${id}/values`, outsider.auth, [{ period: '2025', kind: 'target', value: 1 }])).statusCode,
    ).toBe(404);
  });

  it('builds the plan tree and a goal’s summary beside its written assessment', async () => {
    const w = await goalsWorld(t.db);
    const id = await manualIndicator(w);
    await api('PUT', `/api/v1/indicators/${id}/values`, w.quality.auth, [
      { period: '2025', kind: 'target', value: 90 },
      { period: '2025', kind: 'outcome', value: 95 },
    ]);
    const op = await api('POST', `/api/v1/goal-areas/${w.areaId}/goals`, w.quality.auth, {
      number: '2.1.1',
      title: 'Fler ärenden lösta direkt',
      parentGoalId: w.goalId,
      boardUnitId: w.boardId,
    });
    expect(op.statusCode, op.body).toBe(201);
    expect(
      (
        await api('PUT', `/api/v1/goals/${w.goalId}/board-texts`, w.quality.auth, {
          boardUnitId: w.boardId,
          year: 2025,
          text: '<b>Vi</b> …',
        })
      ).statusCode,
    ).toBe(204);
    const tree = (await api('GET', `/api/v1/goal-plans/${w.planId}`, w.officer.auth)).json();
    const goal = tree.goalAreas[0].goals[0];
    expect(goal).toMatchObject({ number: '2.1', indicatorIds: [id], boardTexts: [{ year: 2025, text: '<b>Vi</b> …' }] });
    expect(goal.children.map((c: { number: string }) => c.number)).toEqual(['2.1.1']);
    const filtered = (await api('GET', `/api/v1/goal-plans/${w.planId}?unit=${w.otherUnitId}`, w.officer.auth)).json();
    expect(filtered.goalAreas[0].goals[0].indicatorIds).toEqual([]);
    const written = await api('PUT', `/api/v1/goals/${w.goalId}/assessments/2025`, w.quality.auth, {
      status: 'partly',
      analysis: 'Bra men ojämnt.',
    });
    expect(written.statusCode, written.body).toBe(204);
    const detail = (await api('GET', `/api/v1/goals/${w.goalId}`, w.officer.auth)).json();
    expect(detail.summaries).toEqual([
      expect.objectContaining({
        period: '2025',
        status: 'met',
        written: expect.objectContaining({ status: 'partly', analysis: 'Bra men ojämnt.' }),
      }),
    ]);
  });

  it('is in the OpenAPI document with input and output schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const post = doc.paths['/api/v1/indicators'].post;
    expect(post.requestBody).toBeDefined();
    expect(JSON.stringify(post.requestBody)).toContain('first_response_median');
    expect(doc.paths['/api/v1/indicators/{id}/values'].put).toBeDefined();
    expect(doc.paths['/api/v1/goal-plans/{id}']).toBeDefined();
  });
});
