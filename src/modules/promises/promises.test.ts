import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestTenant,
  createTestUser,
  form,
  formToken,
  loginCookies,
  type TestContext,
  type TestTenant,
} from '../../../test/helpers.ts';
import { addCaseEvent, createCase } from '../cases/cases.service.ts';
import { createCategory } from '../cases/categories.service.ts';
import { createMeeting } from '../meetings/meetings.service.ts';
import { createUnit } from '../org/org.service.ts';
import { createResultsLoader, promiseFulfilment, promiseYearResults } from './promises.results.ts';
import { createPromise, getPromise, transitionPromise, updatePromise } from './promises.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

interface World {
  tt: TestTenant;
  boardId: string;
  adminId: string;
  unitId: string;
  quality: Awaited<ReturnType<typeof createTestUser>>;
}

async function world(): Promise<World> {
  const tt = await createTestTenant(t.db);
  const sys = tt.system;
  const board = await createUnit(sys, { name: 'Byggnadsnämnden', kind: 'board', parentId: tt.rootId }, { db: t.db });
  const adm = await createUnit(sys, { name: 'Samhällsbyggnadsförvaltningen', kind: 'administration', parentId: board.id }, { db: t.db });
  const unit = await createUnit(sys, { name: 'Bygglovsenheten', kind: 'unit', parentId: adm.id }, { db: t.db });
  const quality = await createTestUser(t.db, tt, [{ role: 'quality' }]);
  return { tt, boardId: board.id, adminId: adm.id, unitId: unit.id, quality };
}

const DECISION = { board: 'Byggnadsnämnden', date: '2024-12-10', registrationNumber: 'BN 2024/77' };

function basePromise(w: World, over: Record<string, unknown> = {}) {
  return {
    title: 'Återkoppling inom två arbetsdagar',
    kind: 'policy',
    unitId: w.unitId,
    validFrom: '2025-01-01',
    metric: { type: 'case_first_response', workingDays: 2, filter: { categories: ['bygglov'] } },
    target: 0.95,
    remedy: 'Vi ber om ursäkt och återkommer samma dag.',
    counterRequirement: 'Lämna kontaktuppgifter.',
    ...over,
  };
}

async function decided(w: World, over: Record<string, unknown> = {}) {
  const p = await createPromise(w.tt.system, basePromise(w, over), { db: t.db });
  await transitionPromise(w.tt.system, p.id, { to: 'decided', decision: DECISION }, { db: t.db });
  return p.id;
}

/** A case received at `receivedAt` (ISO instant), first feedback at `answeredAt` if given. */
async function kase(w: World, receivedAt: string, answeredAt?: string, category = 'bygglov') {
  const { case: c } = await createCase(
    w.tt.system,
    { type: 'question', channel: 'phone', category, message: 'Hur lång tid tar bygglov?', receivedAt },
    { db: t.db },
  );
  if (answeredAt)
    await addCaseEvent(w.tt.system, c.id, { kind: 'first_response', body: 'Vi har tagit emot din fråga.', at: answeredAt }, { db: t.db });
  return c.id;
}

async function categories(w: World) {
  await createCategory(w.tt.system, { code: 'bygglov', name: 'Bygglov', unitId: w.unitId }, { db: t.db });
  await createCategory(w.tt.system, { code: 'skola', name: 'Skola', unitId: w.unitId }, { db: t.db });
}

describe('promises API', () => {
  it('POST creates a draft (201 with id); GET lists and reads it with its history', async () => {
    const w = await world();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/promises', headers: w.quality.auth, payload: basePromise(w) });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ status: 'draft', version: 1, target: 0.95, boardUnitId: w.boardId, unitId: w.unitId });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/promises', headers: w.quality.auth });
    expect(list.json().promises.map((p: { id: string }) => p.id)).toEqual([created.id]);
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/promises/${created.id}`, headers: w.quality.auth });
    expect(one.statusCode).toBe(200);
    expect(one.json().events).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'draft', by: w.quality.email })]);
  });

  it('400 with field errors for bad input; 401 anonymous; 403 for roles other than quality/admin', async () => {
    const w = await world();
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/promises',
      headers: w.quality.auth,
      payload: { kind: 'wish', target: 2 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['title', 'kind', 'unitId', 'validFrom', 'target']),
    );
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/promises', payload: basePromise(w) })).statusCode).toBe(401);
    const officer = await createTestUser(t.db, w.tt, [{ role: 'officer', unitId: w.unitId }]);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/promises', headers: officer.auth, payload: basePromise(w) })).statusCode,
    ).toBe(403);
    const reader = await createTestUser(t.db, w.tt, [{ role: 'reader' }]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/promises', headers: reader.auth })).statusCode).toBe(200);
  });

  it('another municipality’s promise is a 404 for reading, changing, transitions and results', async () => {
    const a = await world();
    const b = await world();
    const id = await decided(a);
    const auth = b.quality.auth;
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/promises/${id}`, headers: auth })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'PATCH', url: `/api/v1/promises/${id}`, headers: auth, payload: { target: 0.5 } })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/promises/${id}/transitions`, headers: auth, payload: { to: 'published' } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/promises/${id}/fulfilment?from=2025-01-01&to=2025-12-31`, headers: auth }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/promises/${id}/claims`,
          headers: auth,
          payload: { claimedOn: '2025-01-01', description: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    // Owning a unit of another tenant is refused as a field error.
    const cross = await t.app.inject({
      method: 'POST',
      url: '/api/v1/promises',
      headers: auth,
      payload: basePromise(b, { unitId: a.unitId }),
    });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().fields[0].field).toBe('unitId');
  });
});

describe('workflow', () => {
  it('cannot be decided without metric and target: the error names what is missing', async () => {
    const w = await world();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/promises',
      headers: w.quality.auth,
      payload: basePromise(w, { metric: undefined, target: undefined }),
    });
    const { id } = res.json();
    const decide = await t.app.inject({
      method: 'POST',
      url: `/api/v1/promises/${id}/transitions`,
      headers: w.quality.auth,
      payload: { to: 'decided', decision: DECISION },
    });
    expect(decide.statusCode).toBe(400);
    expect(decide.json().message).toBe('Löftet kan inte beslutas: mätetal och målvärde saknas.');
    expect(decide.json().fields.map((f: { field: string }) => f.field)).toEqual(['metric', 'target']);
    const noDecision = await t.app.inject({
      method: 'POST',
      url: `/api/v1/promises/${id}/transitions`,
      headers: w.quality.auth,
      payload: { to: 'decided' },
    });
    expect(noDecision.json().fields.map((f: { field: string }) => f.field)).toEqual(['metric', 'target', 'decision']);
  });

  it('draft → decided → published → retired records who and when; a decided promise changed gets version 2', async () => {
    const w = await world();
    const id = (await t.app.inject({ method: 'POST', url: '/api/v1/promises', headers: w.quality.auth, payload: basePromise(w) })).json()
      .id;
    const post = (payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/v1/promises/${id}/transitions`, headers: w.quality.auth, payload });
    expect((await post({ to: 'published' })).statusCode).toBe(409);
    // A draft is edited in place.
    const draftPatch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/promises/${id}`,
      headers: w.quality.auth,
      payload: { target: 0.9 },
    });
    expect(draftPatch.json()).toMatchObject({ version: 1, target: 0.9 });
    const d = await post({ to: 'decided', decision: { ...DECISION, board: w.boardId } });
    expect(d.statusCode).toBe(200);
    expect(d.json()).toMatchObject({
      status: 'decided',
      decision: { board: 'Byggnadsnämnden', boardUnitId: w.boardId, date: '2024-12-10', registrationNumber: 'BN 2024/77' },
    });
    expect((await post({ to: 'published' })).json().status).toBe('published');
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/promises/${id}`,
      headers: w.quality.auth,
      payload: { target: 0.98, validFrom: '2025-07-01' },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({ version: 2, target: 0.98, validFrom: '2025-07-01', status: 'published' });
    const early = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/promises/${id}`,
      headers: w.quality.auth,
      payload: { target: 0.5, validFrom: '2025-07-01' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().fields[0].field).toBe('validFrom');
    expect((await post({ to: 'retired', retiredOn: '2026-06-30' })).json()).toMatchObject({ status: 'retired', retiredOn: '2026-06-30' });
    const again = await post({ to: 'published' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('avslutat');
    expect(
      (await t.app.inject({ method: 'PATCH', url: `/api/v1/promises/${id}`, headers: w.quality.auth, payload: { target: 0.5 } }))
        .statusCode,
    ).toBe(409);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/promises/${id}`, headers: w.quality.auth })).json();
    expect(detail.versions.map((v: { version: number; target: number; decided: boolean }) => [v.version, v.target, v.decided])).toEqual([
      [1, 0.9, true],
      [2, 0.98, true],
    ]);
    expect(detail.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['draft', 'decided', 'published', 'retired']);
    expect(detail.events.every((e: { by: string; at: string }) => e.by === w.quality.email && e.at)).toBe(true);
  });
});

describe('fulfilment from real cases', () => {
  it('counts met, missed and open overdue by deadline; Easter, DST and time zone edges; filters by category', async () => {
    const w = await world();
    await categories(w);
    const id = await decided(w);
    // Monday 3 March 2025 (deadline Wednesday 5 March).
    await kase(w, '2025-03-03T08:00:00+01:00', '2025-03-04T09:00:00+01:00'); // met
    await kase(w, '2025-03-03T08:00:00+01:00', '2025-03-10T09:00:00+01:00'); // missed
    await kase(w, '2025-03-03T08:00:00+01:00'); // still open: open overdue
    await kase(w, '2025-03-03T08:00:00+01:00', '2025-03-04T09:00:00+01:00', 'skola'); // other category
    // Received Sunday 30 March 00:30 CET (the night clocks go forward); deadline Tuesday 1 April.
    await kase(w, '2025-03-29T23:30:00Z', '2025-04-01T21:30:00Z'); // 23:30 CEST on 1 April: met
    await kase(w, '2025-03-29T23:30:00Z', '2025-04-01T22:30:00Z'); // 00:30 CEST on 2 April: missed
    // Thursday before Easter 2025: Good Friday and Easter Monday are not working days → deadline 23 April.
    await kase(w, '2025-04-17T10:00:00+02:00', '2025-04-23T15:00:00+02:00'); // met
    const march = await promiseFulfilment(t.db, w.tt.tenant.id, id, { from: '2025-03-01', to: '2025-03-31' });
    expect(march).toMatchObject({ measured: 3, met: 1, missed: 2, openOverdue: 1, target: 0.95, status: 'too_few' });
    const api = await t.app.inject({
      method: 'GET',
      url: `/api/v1/promises/${id}/fulfilment?from=2025-04-01&to=2025-04-30`,
      headers: w.quality.auth,
    });
    expect(api.json()).toMatchObject({ measured: 3, met: 2, missed: 1, openOverdue: 0, target: 0.95 });
    expect(api.json().ratio).toBeCloseTo(2 / 3);
    // The minimum count is a tenant setting.
    const set = await t.app.inject({ method: 'PUT', url: '/api/v1/promise-settings', headers: w.quality.auth, payload: { minCount: 3 } });
    expect(set.json()).toEqual({ minCount: 3 });
    expect((await promiseFulfilment(t.db, w.tt.tenant.id, id, { from: '2025-03-01', to: '2025-03-31' })).status).toBe('not_met');
  });

  it('a version changed mid-period splits the period: each case judged by the version in force when it came in', async () => {
    const w = await world();
    await categories(w);
    const id = await decided(w, { target: 0.9 });
    // Version 2 from 1 July: one working day and a higher target.
    await updatePromise(
      w.tt.system,
      id,
      { validFrom: '2025-07-01', target: 0.99, metric: { type: 'case_first_response', workingDays: 1 } },
      { db: t.db },
    );
    await kase(w, '2025-06-30T09:00:00+02:00', '2025-07-02T09:00:00+02:00'); // v1: deadline 2 July → met
    await kase(w, '2025-07-01T09:00:00+02:00', '2025-07-03T09:00:00+02:00'); // v2: deadline 2 July → missed
    await kase(w, '2025-07-07T09:00:00+02:00', '2025-07-08T09:00:00+02:00'); // v2: met
    const july = await promiseFulfilment(t.db, w.tt.tenant.id, id, { from: '2025-07-01', to: '2025-07-31' });
    expect(july.versions.map((v) => [v.version, v.measured, v.met, v.target])).toEqual([
      [1, 1, 1, 0.9],
      [2, 2, 1, 0.99],
    ]);
    expect(july.measured).toBe(3);
    // Judged against the target in force at the end of the period, and it says the target changed.
    expect(july).toMatchObject({ target: 0.99, targetChanged: true });
    const p = await getPromise(t.db, w.tt.tenant.id, id);
    const year = await promiseYearResults(createResultsLoader(t.db, w.tt.tenant.id, '2025-12-31'), p, 2025);
    const months = year.results.filter((r) => r.period.kind === 'month');
    expect(months.reduce((s, r) => s + r.fulfilment.measured, 0)).toBe(
      year.results.find((r) => r.period.kind === 'year')?.fulfilment.measured,
    );
    expect(year.results.find((r) => r.period.key === '2025-D2')?.fulfilment.measured).toBe(3);
    expect(year.results.find((r) => r.period.key === '2025-D1')?.fulfilment.measured).toBe(0);
  });

  it('nothing is measured while the promise is a draft', async () => {
    const w = await world();
    await categories(w);
    const p = await createPromise(w.tt.system, basePromise(w), { db: t.db });
    await kase(w, '2025-03-03T08:00:00+01:00', '2025-03-04T09:00:00+01:00');
    expect((await promiseFulfilment(t.db, w.tt.tenant.id, p.id, { from: '2025-01-01', to: '2025-12-31' })).measured).toBe(0);
  });
});

describe('fulfilment from meetings, measured series and claims', () => {
  it('documents at least 6 days before the meeting, measured from registered meetings', async () => {
    const w = await world();
    const id = await decided(w, { metric: { type: 'meeting_documents', daysBefore: 6 }, target: 1 });
    const meet = (meetingDate: string, documentsPublishedAt: string | null) =>
      createMeeting(w.tt.system, { boardUnitId: w.boardId, meetingDate, documentsPublishedAt }, { db: t.db });
    await meet('2025-03-12', '2025-03-05 16:00'); // 7 days before: met
    await meet('2025-03-26', '2025-03-22 10:00'); // 4 days before: missed
    await meet('2025-04-09', null); // never published: missed, open overdue
    const f = await promiseFulfilment(t.db, w.tt.tenant.id, id, { from: '2025-03-01', to: '2025-04-30' });
    expect(f).toMatchObject({ measured: 3, met: 1, missed: 2, openOverdue: 1 });
  });

  it('measured series values and claims through the API count in the results', async () => {
    const w = await world();
    const id = await decided(w, { kind: 'guarantee', metric: { type: 'measured_series' }, target: 0.9 });
    const post = (url: string, payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/v1/promises/${id}/${url}`, headers: w.quality.auth, payload });
    expect((await post('measurements', { period: '2025-02', numerator: 18, denominator: 20, comment: 'Två sena beslut' })).statusCode).toBe(
      201,
    );
    expect((await post('measurements', { period: '2025-03', numerator: 10, denominator: 10 })).statusCode).toBe(201);
    // Entering a month again replaces it.
    expect((await post('measurements', { period: '2025-03', numerator: 9, denominator: 10 })).statusCode).toBe(201);
    const wrong = await post('measurements', { period: '2025-04', numerator: 11, denominator: 10 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0].field).toBe('numerator');
    expect(
      (
        await post('claims', {
          claimedOn: '2025-03-14',
          description: 'Beslut 2 veckor sent',
          remedyGiven: 'Avgiften sänktes med två femtedelar',
          costSek: 4800,
        })
      ).statusCode,
    ).toBe(201);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/promises/${id}/measurements`, headers: w.quality.auth });
    expect(list.json().measurements.map((m: { period: string; numerator: number }) => [m.period, m.numerator])).toEqual([
      ['2025-02', 18],
      ['2025-03', 9],
    ]);
    const f = (
      await t.app.inject({ method: 'GET', url: `/api/v1/promises/${id}/fulfilment?from=2025-01-01&to=2025-03-31`, headers: w.quality.auth })
    ).json();
    expect(f).toMatchObject({ measured: 30, met: 27, missed: 3, status: 'met', claims: { count: 1, costSek: 4800 } });
    const claims = await t.app.inject({ method: 'GET', url: `/api/v1/promises/${id}/claims`, headers: w.quality.auth });
    expect(claims.json().claims[0]).toMatchObject({ description: 'Beslut 2 veckor sent', costSek: 4800, enteredBy: w.quality.email });
  });

  it('minutes within one working day after approval, and resolution within N working days', async () => {
    const w = await world();
    await categories(w);
    const minutes = await decided(w, { metric: { type: 'meeting_minutes', workingDays: 1 }, target: 0.95 });
    // Approved Friday 13 June 2025: the next working day is Monday 16 June.
    await createMeeting(
      w.tt.system,
      { boardUnitId: w.boardId, meetingDate: '2025-06-10', minutesApprovedDate: '2025-06-13', minutesPublishedAt: '2025-06-16 16:30' },
      { db: t.db },
    );
    // Approved Thursday 19 June: midsommarafton is not a working day, so Monday 23 June is; published Tuesday: missed.
    await createMeeting(
      w.tt.system,
      { boardUnitId: w.boardId, meetingDate: '2025-06-17', minutesApprovedDate: '2025-06-19', minutesPublishedAt: '2025-06-24 09:00' },
      { db: t.db },
    );
    expect(await promiseFulfilment(t.db, w.tt.tenant.id, minutes, { from: '2025-06-01', to: '2025-06-30' })).toMatchObject({
      measured: 2,
      met: 1,
      missed: 1,
    });
    const resolution = await decided(w, { metric: { type: 'case_resolution', workingDays: 10 } });
    const late = await kase(w, '2025-05-05T09:00:00+02:00', '2025-05-06T09:00:00+02:00');
    await addCaseEvent(w.tt.system, late, { kind: 'resolved', body: 'Svar i sak.', at: '2025-05-26T10:00:00+02:00' }, { db: t.db });
    const onTime = await kase(w, '2025-05-05T09:00:00+02:00');
    await addCaseEvent(w.tt.system, onTime, { kind: 'resolved', body: 'Svar i sak.', at: '2025-05-12T10:00:00+02:00' }, { db: t.db });
    // Received 5 May: the 10th working day is 19 May (no holiday in between).
    expect(await promiseFulfilment(t.db, w.tt.tenant.id, resolution, { from: '2025-05-19', to: '2025-05-19' })).toMatchObject({
      measured: 2,
      met: 1,
      missed: 1,
    });
  });

  it('a quality strategist scoped to another unit may read but not change the promise (403)', async () => {
    const w = await world();
    const id = await decided(w);
    const other = await createUnit(w.tt.system, { name: 'Socialnämnden', kind: 'board', parentId: w.tt.rootId }, { db: t.db });
    const scoped = await createTestUser(t.db, w.tt, [{ role: 'quality', unitId: other.id }]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/promises/${id}`, headers: scoped.auth })).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'PATCH', url: `/api/v1/promises/${id}`, headers: scoped.auth, payload: { target: 0.5 } })).statusCode,
    ).toBe(403);
    const own = await createTestUser(t.db, w.tt, [{ role: 'quality', unitId: w.boardId }]);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/promises/${id}/transitions`, headers: own.auth, payload: { to: 'published' } }))
        .statusCode,
    ).toBe(200);
  });

  it('a case-measured promise takes no entered values (409)', async () => {
    const w = await world();
    const id = await decided(w);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/promises/${id}/measurements`,
      headers: w.quality.auth,
      payload: { period: '2025-02', numerator: 1, denominator: 1 },
    });
    expect(res.statusCode).toBe(409);
  });
});

describe('public pages and open data', () => {
  it('published promises are listed by administration in sv, fi and en with sentence, chart and table; drafts are not', async () => {
    const w = await world();
    await categories(w);
    const id = await decided(w, {
      translations: { fi: { title: 'Vastaamme kahden työpäivän kuluessa' }, en: { title: 'We reply within two working days' } },
    });
    await transitionPromise(w.tt.system, id, { to: 'published' }, { db: t.db });
    const draft = await createPromise(w.tt.system, basePromise(w, { title: 'Hemligt utkast' }), { db: t.db });
    const slug = w.tt.tenant.slug;
    const sv = await t.app.inject({ method: 'GET', url: `/${slug}/promises?lang=sv` });
    expect(sv.statusCode).toBe(200);
    expect(sv.body).toContain('<h2 id="g-');
    expect(sv.body).toContain('Samhällsbyggnadsförvaltningen');
    expect(sv.body).toContain('Återkoppling inom två arbetsdagar');
    expect(sv.body).not.toContain('Hemligt utkast');
    // The list is a summary (issue 12): one sentence per promise, the chart and table on its own page.
    expect(sv.body).not.toContain('<svg');
    expect(sv.body).toContain(`/${slug}/promises/${id}?lang=sv`);
    expect(sv.body).not.toContain('<style');
    expect(sv.body).not.toMatch(/ style="/);
    const fi = await t.app.inject({ method: 'GET', url: `/${slug}/promises?lang=fi` });
    expect(fi.body).toContain('<html lang="fi">');
    expect(fi.body).toContain('Vastaamme kahden työpäivän kuluessa');
    expect((await t.app.inject({ method: 'GET', url: `/${slug}/promises/${id}?lang=fi` })).body).toContain('tammi');
    const en = await t.app.inject({ method: 'GET', url: `/${slug}/promises?lang=en` });
    expect(en.body).toContain('We reply within two working days');
    const detail = await t.app.inject({ method: 'GET', url: `/${slug}/promises/${id}?lang=sv` });
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Diagram/);
    expect(detail.body).toContain('<caption>Andel per månad');
    expect(detail.body).toContain('Om vi inte håller löftet');
    expect((await t.app.inject({ method: 'GET', url: `/${slug}/promises/${id}?lang=en` })).body).toContain('What we need from you');
    expect(detail.body).toContain('BN 2024/77');
    expect((await t.app.inject({ method: 'GET', url: `/${slug}/promises/${draft.id}` })).statusCode).toBe(404);
    const json = await t.app.inject({ method: 'GET', url: `/${slug}/promises.json` });
    expect(json.json().promises.map((p: { id: string }) => p.id)).toEqual([id]);
    const csv = await t.app.inject({ method: 'GET', url: `/${slug}/promises.csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('measured;met;missed');
    const one = await t.app.inject({ method: 'GET', url: `/${slug}/promises/${id}.json` });
    expect(one.json().months.length).toBeGreaterThanOrEqual(12);
    expect((await t.app.inject({ method: 'GET', url: `/${slug}/promises/${id}.csv` })).body).toMatch(/^\uFEFFmonth;measured/);
  });
});

/** Posts a staff form like a browser: fetches the page for its CSRF token first. */
async function postForm(url: string, cookie: string, values: Record<string, string>, page = url) {
  const tok = await formToken(t.app, page, cookie);
  const f = form({ _csrf: tok.csrf, ...values });
  return t.app.inject({ method: 'POST', url, headers: { cookie: tok.cookie, 'content-type': f['content-type'] }, payload: f.payload });
}

describe('staff pages', () => {
  it('the form names missing fields; deciding without metric and target says what is missing', async () => {
    const w = await world();
    const cookie = await loginCookies(t.app, w.tt.tenant.slug, w.quality.email, w.quality.password);
    const list = await t.app.inject({ method: 'GET', url: '/staff/promises', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Servicelöften');
    const tok = await formToken(t.app, '/staff/promises/new', cookie);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/staff/promises/new',
      headers: { cookie: tok.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: tok.csrf, title: '', kind: 'guarantee', target: 'mycket' }).payload,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('error-summary');
    expect(bad.body).toContain('Ange målvärdet i procent');
    const ok = await postForm('/staff/promises/new', cookie, {
      title: 'Bygglov inom fyra veckor',
      kind: 'guarantee',
      unitId: w.unitId,
      validFrom: '2025-01-01',
      target: '',
    });
    expect(ok.statusCode).toBe(303);
    const url = ok.headers.location as string;
    const decide = await postForm(
      `${url}/transitions`,
      cookie,
      { to: 'decided', 'decision.board': w.boardId, 'decision.date': '2025-01-20', 'decision.registrationNumber': 'BN 2025/3' },
      url,
    );
    expect(decide.statusCode).toBe(400);
    expect(decide.body).toContain('Mätetal saknas');
    expect(decide.body).toContain('Målvärde saknas');
    const edit = await postForm(
      `${url}/edit`,
      cookie,
      {
        title: 'Bygglov inom fyra veckor',
        kind: 'guarantee',
        unitId: w.unitId,
        validFrom: '2025-01-01',
        metric: 'measured_series',
        'metric.valueKind': 'counts',
        target: '90',
      },
      `${url}/edit`,
    );
    expect(edit.statusCode).toBe(303);
    expect(
      (
        await postForm(
          `${url}/transitions`,
          cookie,
          { to: 'decided', 'decision.board': w.boardId, 'decision.date': '2025-01-20', 'decision.registrationNumber': 'BN 2025/3' },
          url,
        )
      ).statusCode,
    ).toBe(303);
    const value = await postForm(
      `${url}/measurements`,
      cookie,
      { period: '2025-02', numerator: '9', denominator: '10', comment: 'Ett sent beslut' },
      `${url}/measurements`,
    );
    expect(value.statusCode).toBe(303);
    const badValue = await postForm(
      `${url}/measurements`,
      cookie,
      { period: '2025-03', numerator: 'nio', denominator: '10' },
      `${url}/measurements`,
    );
    expect(badValue.statusCode).toBe(400);
    expect(badValue.body).toContain('Ange antal som klarade löftet som ett heltal.');
    const claim = await postForm(
      `${url}/claims`,
      cookie,
      { claimedOn: '2025-02-20', description: 'Beslut efter fem veckor', remedyGiven: 'Avgiften sänktes', costSek: '1 200' },
      `${url}/claims`,
    );
    expect(claim.statusCode).toBe(303);
    const detail = await getPromise(t.db, w.tt.tenant.id, url.split('/').pop() as string);
    expect(detail).toMatchObject({ status: 'decided', current: { target: 0.9, decisionRegistrationNumber: 'BN 2025/3' } });
    const results = await t.app.inject({ method: 'GET', url: `${url}/results?year=2025`, headers: { cookie } });
    expect(results.body).toContain('februari 2025</th><td class="num">10</td><td class="num">9</td><td class="num">1</td>');
    expect(results.body).toContain('1 (1\u00a0200\u00a0kr)');
    expect(results.statusCode).toBe(200);
    expect(results.body).toContain('Delår 1');
  });
});
