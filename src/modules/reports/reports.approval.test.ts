import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, loginCookies, type TestContext, usingPostgres } from '../../../test/helpers.ts';
import { listTenants } from '../tenants/tenants.service.ts';
import { AREA_TITLE, type ReportsWorld, reportsWorld } from './reports.fixtures.ts';
import { listPublishedReports } from './reports.service.ts';
import { warmPublishedReports } from './reports.warm.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const api = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({ method, url, headers, payload: payload as Record<string, unknown> });

async function approved(w: ReportsWorld) {
  const created = await api('POST', '/api/v1/reports', w.quality.auth, { boardUnitId: w.boardId, period: '2026-D2' });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const res = await api('POST', `/api/v1/reports/${id}/approve`, w.quality.auth, {
    decisionDate: '2026-09-24',
    registrationNumber: 'KS 2026/411',
  });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toMatchObject({ status: 'approved', decisionDate: '2026-09-24', registrationNumber: 'KS 2026/411' });
  return id;
}

describe('reports: approval freezes the report', () => {
  it('an approved report reads the same after a value changes, and the change is listed', async () => {
    const w = await reportsWorld(t.app, t.db);
    const id = await approved(w);
    const put = await api('PUT', `/api/v1/indicators/${w.indicatorId}/values`, w.quality.auth, [
      { period: '2026-D2', kind: 'outcome', value: 91.5 },
    ]);
    expect(put.statusCode, put.body).toBe(200);
    const model = (await api('GET', `/api/v1/reports/${id}`, w.quality.auth)).json();
    expect(model.status).toBe('approved');
    expect(model.registrationNumber).toBe('KS 2026/411');
    expect(model.areas[0].goals[0].indicators[0].outcome).toBe(82.5);
    const cookie = await loginCookies(t.app, w.tt.tenant.slug, w.quality.email, w.quality.password);
    const page = await t.app.inject({ method: 'GET', url: `/staff/reports/${id}`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const changes = page.body.slice(page.body.indexOf('Ändringar sedan fastställandet'));
    expect(changes).toMatch(
      /<th scope="row">Andel besvarade samtal<\/th><td>2026-D2<\/td><td>Utfall<\/td><td class="num">82,5<\/td><td class="num">91,5<\/td><td>[^<]*@test\.example<\/td>/,
    );
  });

  it('refuses a second approval, a bad date, a blank registration number, other roles and publishing a draft', async () => {
    const w = await reportsWorld(t.app, t.db);
    const created = await api('POST', '/api/v1/reports', w.quality.auth, { boardUnitId: w.boardId, period: '2026' });
    const id = created.json().id;
    const bad = await api('POST', `/api/v1/reports/${id}/approve`, w.quality.auth, {
      decisionDate: '2026-02-30',
      registrationNumber: 'KS 1',
    });
    expect(bad.statusCode).toBe(400);
    const blank = await api('POST', `/api/v1/reports/${id}/approve`, w.quality.auth, {
      decisionDate: '2026-02-20',
      registrationNumber: '  ',
    });
    expect(blank.statusCode).toBe(400);
    expect(
      (await api('POST', `/api/v1/reports/${id}/approve`, w.officer.auth, { decisionDate: '2026-02-20', registrationNumber: 'KS 1' }))
        .statusCode,
    ).toBe(403);
    expect((await api('POST', `/api/v1/reports/${id}/publish`, w.quality.auth)).statusCode).toBe(409);
    expect(
      (await api('POST', `/api/v1/reports/${id}/approve`, w.quality.auth, { decisionDate: '2026-02-20', registrationNumber: 'KS 1' }))
        .statusCode,
    ).toBe(200);
    const again = await api('POST', `/api/v1/reports/${id}/approve`, w.quality.auth, {
      decisionDate: '2026-02-21',
      registrationNumber: 'KS 2',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/redan fastställd/);
  });
});

describe('reports: publishing and versions', () => {
  it('publishes on the public pages with every format; a new version says what it replaces and why', { timeout: 120_000 }, async () => {
    const w = await reportsWorld(t.app, t.db);
    const id = await approved(w);
    const slug = w.tt.tenant.slug;
    expect((await t.app.inject({ method: 'GET', url: `/${slug}/rapporter/${id}` })).statusCode).toBe(404);
    expect((await api('POST', `/api/v1/reports/${id}/publish`, w.quality.auth)).json().status).toBe('published');
    const list = await t.app.inject({ method: 'GET', url: `/${slug}/rapporter` });
    expect(list.body).toContain(`/${slug}/rapporter/${id}`);
    const page = await t.app.inject({ method: 'GET', url: `/${slug}/rapporter/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(AREA_TITLE);
    expect((await t.app.inject({ method: 'GET', url: `/${slug}/rapporter/${id}.xlsx` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/${slug}/rapporter/${id}.docx` })).statusCode).toBe(200);

    const noReason = await api('POST', '/api/v1/reports', w.quality.auth, { boardUnitId: w.boardId, period: '2026-D2' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().fields).toEqual([expect.objectContaining({ field: 'reason' })]);
    const v2 = await api('POST', '/api/v1/reports', w.quality.auth, {
      boardUnitId: w.boardId,
      period: '2026-D2',
      reason: 'Rättat utfall för svarstider.',
    });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json()).toMatchObject({ version: 2, replacesReportId: id, replaceReason: 'Rättat utfall för svarstider.' });
    const v2id = v2.json().id;
    await api('POST', `/api/v1/reports/${v2id}/approve`, w.quality.auth, { decisionDate: '2026-10-22', registrationNumber: 'KS 2026/450' });
    await api('POST', `/api/v1/reports/${v2id}/publish`, w.quality.auth);
    const old = await t.app.inject({ method: 'GET', url: `/${slug}/rapporter/${id}` });
    expect(old.body).toContain(`/${slug}/rapporter/${v2id}`);
    expect(old.body).toContain('Det finns en senare version av rapporten.');
    const newer = await t.app.inject({ method: 'GET', url: `/${slug}/rapporter/${v2id}` });
    expect(newer.body).toContain('Rättat utfall för svarstider.');
    const listed = (await api('GET', `/api/v1/reports?board=${w.boardId}&period=2026-D2`, w.quality.auth)).json().reports;
    expect(listed.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    expect(listed[1].replacedByReportId).toBe(v2id);
  });

  it('the start-up warm-up builds the newest published reports of every municipality', { timeout: 120_000 }, async () => {
    const w = await reportsWorld(t.app, t.db);
    const id = await approved(w);
    await api('POST', `/api/v1/reports/${id}/publish`, w.quality.auth);
    let expected = 0;
    for (const tenant of await listTenants(t.db)) expected += Math.min(3, (await listPublishedReports(t.db, tenant.id)).length);
    expect(expected).toBeGreaterThan(0);
    const warmed = await warmPublishedReports(t.app, t.db);
    expect(warmed.files).toBe(expected);
  });

  it.skipIf(!usingPostgres)('two approvals at once: one wins, the other is a 409; two creates at once: one draft', async () => {
    const w = await reportsWorld(t.app, t.db);
    const created = await api('POST', '/api/v1/reports', w.quality.auth, { boardUnitId: w.boardId, period: '2026-D1' });
    const id = created.json().id;
    const body = { decisionDate: '2026-05-20', registrationNumber: 'KS 2026/200' };
    const both = await Promise.all([1, 2].map(() => api('POST', `/api/v1/reports/${id}/approve`, w.quality.auth, body)));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const creates = await Promise.all(
      [1, 2].map(() => api('POST', '/api/v1/reports', w.quality.auth, { boardUnitId: w.boardId, period: '2027' })),
    );
    expect(creates.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });
});
