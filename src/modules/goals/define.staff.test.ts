// The staff forms that define the plan: quality defines through the same services as the API,
// a wrong field is shown in the form (400, nothing stored), anyone else gets 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, formToken, loginCookies, type TestContext } from '../../../test/helpers.ts';
import { parseBudget } from './define.work-fields.ts';
import { goalsWorld } from './goals.fixtures.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

type World = Awaited<ReturnType<typeof goalsWorld>>;

async function session(w: World, who: 'quality' | 'officer') {
  const u = w[who];
  return loginCookies(t.app, w.tt.tenant.slug, u.email, u.password);
}

/** Fetches the form page, then posts the form with its CSRF token; list values repeat their key. */
async function submit(cookie: string, page: string, action: string, values: Record<string, string | string[]>) {
  const { csrf, cookie: jar } = await formToken(t.app, page, cookie);
  const body = new URLSearchParams({ _csrf: csrf });
  for (const [k, v] of Object.entries(values)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return t.app.inject({
    method: 'POST',
    url: action,
    headers: { cookie: jar, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const api = (w: World, url: string) => t.app.inject({ method: 'GET', url, headers: w.quality.auth });

describe('staff forms that define the plan', () => {
  it('are for quality or admin only: 403 for an officer, on the page and on the post', async () => {
    const w = await goalsWorld(t.db);
    const officer = await session(w, 'officer');
    for (const url of [
      '/staff/goals/plans/new',
      `/staff/goals/plans/${w.planId}/goal-areas/new`,
      `/staff/goals/goal-areas/${w.areaId}/edit`,
      `/staff/goals/goals/${w.goalId}/edit`,
      '/staff/goals/indicators/new',
      '/staff/goals/assignments/new',
      '/staff/goals/action-plans/new',
    ])
      expect((await get(officer, url)).statusCode, url).toBe(403);
    // The post is refused too (with the officer's own valid CSRF token from a page they may see).
    const { csrf, cookie } = await formToken(t.app, '/staff/goals', officer);
    const res = await t.app.inject({
      method: 'POST',
      url: '/staff/goals/plans',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, title: 'Smygplan', firstYear: '2026', lastYear: '2027' }).toString(),
    });
    expect(res.statusCode).toBe(403);
    const plans = (await api(w, '/api/v1/goal-plans')).json().plans as { title: string }[];
    expect(plans.map((p) => p.title)).not.toContain('Smygplan');
    // The plan page offers no define links to the officer.
    expect((await get(officer, '/staff/goals')).body).not.toContain('/staff/goals/plans/new');
  });

  it('plan, goal area, goals and board texts: errors in the form, nothing stored; then saved', async () => {
    const w = await goalsWorld(t.db);
    const q = await session(w, 'quality');
    expect((await get(q, '/staff/goals')).body).toContain('/staff/goals/plans/new');

    const bad = await submit(q, '/staff/goals/plans/new', '/staff/goals/plans', {
      title: 'Mål 2028–2030',
      firstYear: '2030',
      lastYear: '2028',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('class="error-summary"');
    expect(bad.body).toContain('href="#lastYear"');
    expect(bad.body).toContain('Sista året kan inte ligga före det första.');
    expect(bad.body).toContain('value="Mål 2028–2030"');
    const before = (await api(w, '/api/v1/goal-plans')).json().plans as { title: string }[];
    expect(before.map((p) => p.title)).not.toContain('Mål 2028–2030');

    const ok = await submit(q, '/staff/goals/plans/new', '/staff/goals/plans', {
      title: 'Mål 2028–2030',
      firstYear: '2028',
      lastYear: '2030',
      decidedBy: 'Kommunfullmäktige',
      decisionDate: '2027-11-20',
      registrationNumber: 'KS 2027/12',
    });
    expect(ok.statusCode, ok.body).toBe(303);
    const planId = /plan=([0-9a-f-]{36})/.exec(ok.headers.location as string)?.[1] ?? '';
    const plan = (await api(w, '/api/v1/goal-plans')).json().plans.find((p: { id: string }) => p.id === planId);
    expect(plan).toMatchObject({ title: 'Mål 2028–2030', decisionDate: '2027-11-20', registrationNumber: 'KS 2027/12' });

    const edited = await submit(q, `/staff/goals/plans/${planId}/edit`, `/staff/goals/plans/${planId}`, {
      title: 'Mål och budget 2028–2030',
      firstYear: '2028',
      lastYear: '2030',
      decidedBy: 'Kommunfullmäktige',
      decisionDate: '2027-11-21',
      registrationNumber: '',
    });
    expect(edited.statusCode, edited.body).toBe(303);
    expect((await api(w, '/api/v1/goal-plans')).json().plans.find((p: { id: string }) => p.id === planId)).toMatchObject({
      title: 'Mål och budget 2028–2030',
      decisionDate: '2027-11-21',
      registrationNumber: null,
    });

    const areaPage = `/staff/goals/plans/${planId}/goal-areas/new`;
    const badArea = await submit(q, areaPage, `/staff/goals/plans/${planId}/goal-areas`, { number: 'ett', title: '' });
    expect(badArea.statusCode).toBe(400);
    expect(badArea.body).toContain('Ange målområdets nummer (1–99).');
    expect(badArea.body).toContain('aria-invalid="true"');
    const area = await submit(q, areaPage, `/staff/goals/plans/${planId}/goal-areas`, {
      number: '1',
      title: 'Trygg kommun',
      ambition: 'År 2035 är alla trygga.\n\n- Belysning\n- Närvaro',
      inPractice: '<script>alert(1)</script>',
      position: '',
    });
    expect(area.statusCode, area.body).toBe(303);
    const tree = (await api(w, `/api/v1/goal-plans/${planId}`)).json();
    const areaId = tree.goalAreas[0].id as string;
    expect(tree.goalAreas[0]).toMatchObject({ number: 1, title: 'Trygg kommun', position: 1 });
    const treePage = await get(q, `/staff/goals?plan=${planId}`);
    expect(treePage.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(treePage.body).not.toContain('<script>alert(1)');

    const goalPage = `/staff/goals/goal-areas/${areaId}/goals/new`;
    const dir = await submit(q, goalPage, `/staff/goals/goal-areas/${areaId}/goals`, {
      number: '1.1',
      title: 'Trygga offentliga miljöer',
      text: '',
    });
    expect(dir.statusCode, dir.body).toBe(303);
    const dirId = /goals\/goals\/([0-9a-f-]{36})/.exec(dir.headers.location as string)?.[1] ?? '';
    // An operational goal needs its board.
    const noBoard = await submit(q, `${goalPage}?parent=${dirId}`, `/staff/goals/goal-areas/${areaId}/goals`, {
      number: '1.1.1',
      title: 'Fler trygghetsvandringar',
      parentGoalId: dirId,
      boardUnitId: '',
    });
    expect(noBoard.statusCode).toBe(400);
    expect(noBoard.body).toContain('Ett verksamhetsmål ligger under ett inriktningsmål och tillhör en nämnd.');
    const op = await submit(q, `${goalPage}?parent=${dirId}`, `/staff/goals/goal-areas/${areaId}/goals`, {
      number: '1.1.1',
      title: 'Fler trygghetsvandringar',
      parentGoalId: dirId,
      boardUnitId: w.boardId,
    });
    expect(op.statusCode, op.body).toBe(303);
    const dup = await submit(q, goalPage, `/staff/goals/goal-areas/${areaId}/goals`, { number: '1.1', title: 'Igen' });
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('Målområdet har redan ett mål 1.1.');

    const text = await submit(q, `/staff/goals/goals/${dirId}/edit`, `/staff/goals/goals/${dirId}/board-texts`, {
      boardUnitId: w.boardId,
      year: '2028',
      text: 'Styrelsen leder arbetet.',
    });
    expect(text.statusCode, text.body).toBe(303);
    const goal = (await api(w, `/api/v1/goals/${dirId}`)).json();
    expect(goal.boardTexts).toEqual([{ boardUnitId: w.boardId, year: 2028, text: 'Styrelsen leder arbetet.' }]);
    // The edit page's "Ändra" link prefills the board-text form with the saved text.
    const prefilled = await get(q, `/staff/goals/goals/${dirId}/edit?board=${w.boardId}&year=2028`);
    expect(prefilled.body).toContain('Styrelsen leder arbetet.</textarea>');
    // The goal page: the computed summary beside the written assessment, which stands.
    const written = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/goals/${dirId}/assessments/2028-D1`,
      headers: w.quality.auth,
      payload: { status: 'partly', analysis: 'Vandringarna har börjat.' },
    });
    expect(written.statusCode, written.body).toBe(204);
    const page = await get(q, `/staff/goals/goals/${dirId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Fler trygghetsvandringar');
    expect(page.body).toContain('Beräknad sammanfattning');
    expect(page.body).toContain('0 av 0 indikatorer uppfyllda.');
    expect(page.body).toContain('Vandringarna har börjat.');
    // The plan's PATCH in the API changes what the form shows.
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/goal-plans/${planId}`,
      headers: w.quality.auth,
      payload: { registrationNumber: 'KS 2027/99' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await get(q, `/staff/goals/plans/${planId}/edit`)).body).toContain('value="KS 2027/99"');
    const officerPatch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/goal-plans/${planId}`,
      headers: w.officer.auth,
      payload: { title: 'X' },
    });
    expect(officerPatch.statusCode).toBe(403);
  });

  it('indicator with a computed source and two goals; values form refuses a computed outcome with the reason', async () => {
    const w = await goalsWorld(t.db);
    const q = await session(w, 'quality');
    const page = await get(q, '/staff/goals/indicators/new');
    // Every registered source kind is offered.
    for (const type of ['manual', 'first_response_median', 'first_contact_resolution', 'on_time_rate', 'promise_fulfilment'])
      expect(page.body).toContain(`value="${type}"`);
    const base = {
      title: 'Återkopplingstid (tillfälle 1)',
      level: 'KF',
      ownerUnitId: w.unitId,
      unit: 'arbetsdagar',
      decimals: '1',
      direction: 'lower',
      tolerance: '15',
      sourceType: 'first_response_median',
      goalIds: [w.goalId],
    };
    const missing = await submit(q, '/staff/goals/indicators/new', '/staff/goals/indicators', { ...base, source_unitId: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#source_unitId"');
    expect(missing.body).toContain('Välj vilken enhet som ska mätas för den valda källan.');
    const other = await t.app.inject({
      method: 'POST',
      url: `/api/v1/goal-areas/${w.areaId}/goals`,
      headers: w.quality.auth,
      payload: { number: '2.2', title: 'Öppenhet' },
    });
    const res = await submit(q, '/staff/goals/indicators/new', '/staff/goals/indicators', {
      ...base,
      source_unitId: w.unitId,
      goalIds: [w.goalId, other.json().id],
    });
    expect(res.statusCode, res.body).toBe(303);
    const id = /indicators\/([0-9a-f-]{36})/.exec(res.headers.location as string)?.[1] ?? '';
    const ind = (await api(w, `/api/v1/indicators/${id}`)).json();
    expect(ind).toMatchObject({
      direction: 'lower',
      decimals: 1,
      tolerance: 0.15,
      source: { type: 'first_response_median', unitId: w.unitId },
      computed: true,
    });
    expect(new Set(ind.goalIds)).toEqual(new Set([w.goalId, other.json().id]));

    // The edit form shows what is stored, and saves a change.
    const edit = await get(q, `/staff/goals/indicators/${id}/edit`);
    expect(edit.body).toContain('value="15"');
    const saved = await submit(q, `/staff/goals/indicators/${id}/edit`, `/staff/goals/indicators/${id}`, {
      ...base,
      title: 'Återkopplingstid',
      tolerance: '',
      source_unitId: w.unitId,
    });
    expect(saved.statusCode, saved.body).toBe(303);
    expect((await api(w, `/api/v1/indicators/${id}`)).json()).toMatchObject({
      title: 'Återkopplingstid',
      tolerance: null,
      goalIds: [w.goalId],
    });

    const refused = await submit(q, `/staff/goals/indicators/${id}`, `/staff/goals/indicators/${id}/values`, {
      period: '2025',
      kind: 'outcome',
      value: '1,4',
      comment: '',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('class="error-summary"');
    expect(refused.body).toMatch(/beräknas/);
    const target = await submit(q, `/staff/goals/indicators/${id}`, `/staff/goals/indicators/${id}/values`, {
      period: '2025',
      kind: 'target',
      value: '1',
      comment: 'Mål högst 1',
    });
    expect(target.statusCode, target.body).toBe(303);
    expect((await api(w, `/api/v1/indicators/${id}`)).json().values).toContainEqual(
      expect.objectContaining({ period: '2025', kind: 'target', value: 1 }),
    );
  });

  it('assignment, action plan with budget and activities', async () => {
    const w = await goalsWorld(t.db);
    const q = await session(w, 'quality');
    const a = {
      kind: 'assignment',
      title: 'Utred kontaktcenter',
      originBody: 'Kommunfullmäktige',
      originDecisionDate: '2025-02-30',
      goalId: w.goalId,
      responsibleUnitId: w.unitId,
      isNew: 'true',
      endDate: '2026-06-30',
      status: 'ongoing',
    };
    const bad = await submit(q, '/staff/goals/assignments/new', '/staff/goals/assignments', a);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#originDecisionDate"');
    const ok = await submit(q, '/staff/goals/assignments/new', '/staff/goals/assignments', { ...a, originDecisionDate: '2025-02-28' });
    expect(ok.statusCode, ok.body).toBe(303);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/assignments', headers: w.quality.auth })).json();
    const made = list.assignments.find((x: { title: string }) => x.title === 'Utred kontaktcenter');
    expect(made).toMatchObject({ isNew: true, endDate: '2026-06-30', status: 'ongoing', goalId: w.goalId });
    const { isNew: _dropped, ...notNew } = a;
    const edited = await submit(q, `/staff/goals/assignments/${made.id}/edit`, `/staff/goals/assignments/${made.id}`, {
      ...notNew,
      originDecisionDate: '2025-02-28',
      status: 'delayed',
    });
    expect(edited.statusCode, edited.body).toBe(303);
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/assignments/${made.id}`, headers: w.quality.auth })).json();
    expect(after).toMatchObject({ isNew: false, status: 'delayed' });

    const plan = {
      title: 'Service till företag',
      responsibleUnitId: w.unitId,
      periodFrom: '2025-01-01',
      periodTo: '2027-12-31',
      budget: '2025: 450 000\n2026: 300000 kr',
      followUpInterval: 'tertial',
    };
    const badBudget = await submit(q, '/staff/goals/action-plans/new', '/staff/goals/action-plans', { ...plan, budget: '2025 mycket' });
    expect(badBudget.statusCode).toBe(400);
    expect(badBudget.body).toContain('Rad 1 i budgeten ska se ut som 2025: 450 000.');
    const made2 = await submit(q, '/staff/goals/action-plans/new', '/staff/goals/action-plans', plan);
    expect(made2.statusCode, made2.body).toBe(303);
    const planUrl = made2.headers.location as string;
    const planId = planUrl.split('/').at(-1) ?? '';
    const actPage = `/staff/goals/action-plans/${planId}/activities/new`;
    const act = { number: '1', title: 'Företagslots', startDate: '2025-03-01', endDate: '2025-02-01', responsibleUnitId: w.unitId };
    const badAct = await submit(q, actPage, `/staff/goals/action-plans/${planId}/activities`, act);
    expect(badAct.statusCode).toBe(400);
    expect(badAct.body).toContain('href="#endDate"');
    expect(badAct.body).toContain('Slutdatumet kan inte ligga före startdatumet.');
    const okAct = await submit(q, actPage, `/staff/goals/action-plans/${planId}/activities`, { ...act, endDate: '2025-12-31' });
    expect(okAct.statusCode, okAct.body).toBe(303);
    const view = (await t.app.inject({ method: 'GET', url: `/api/v1/action-plans/${planId}`, headers: w.quality.auth })).json();
    expect(view.budget).toEqual({ '2025': 450000, '2026': 300000 });
    expect(view.activities).toEqual([expect.objectContaining({ number: 1, title: 'Företagslots', endDate: '2025-12-31' })]);
    const actId = view.activities[0].id as string;
    const moved = await submit(q, `/staff/goals/activities/${actId}/edit`, `/staff/goals/activities/${actId}`, {
      ...act,
      endDate: '2026-03-31',
      status: 'ongoing',
    });
    expect(moved.statusCode, moved.body).toBe(303);
    const html = await get(q, planUrl);
    expect(html.body).toContain(`/staff/goals/activities/${actId}/edit`);
  });

  it('reads a budget line by line', () => {
    expect(parseBudget('2025: 450 000\n\n2026=1 kr')).toEqual({ '2025': 450000, '2026': 1 });
    expect(() => parseBudget('2025: 1\n2025: 2')).toThrow();
  });
});

describe('the assignments list page', () => {
  it('sorts by end date or title and filters by unit, status and overdue, on a set clock', async () => {
    const w = await goalsWorld(t.db);
    t.ctx.now = () => new Date('2026-03-01T10:00:00Z');
    try {
      const mk = async (title: string, endDate: string, status: string, unit = w.unitId) => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/assignments',
          headers: w.quality.auth,
          payload: { kind: 'assignment', title, endDate, status, responsibleUnitId: unit },
        });
        expect(res.statusCode, res.body).toBe(201);
      };
      await mk('Bredband till byarna', '2026-02-28', 'ongoing');
      await mk('Arkivplan', '2026-03-31', 'not_started');
      await mk('Cykelstrategi', '2026-01-31', 'done');
      await mk('Dagvattenplan', '2025-12-31', 'delayed', w.otherUnitId);
      const q = await session(w, 'officer');
      const rows = async (query: string) => {
        const page = await get(q, `/staff/goals/assignments?${query}`);
        expect(page.statusCode).toBe(200);
        return [...page.body.matchAll(/<th scope="row">(?:<span class="kind">[^<]*<\/span>)?([^<]+)<\/th>/g)].map((m) => m[1]);
      };
      expect(await rows('')).toEqual(['Dagvattenplan', 'Cykelstrategi', 'Bredband till byarna', 'Arkivplan']);
      expect(await rows('sort=title')).toEqual(['Arkivplan', 'Bredband till byarna', 'Cykelstrategi', 'Dagvattenplan']);
      expect(await rows(`unit=${w.otherUnitId}`)).toEqual(['Dagvattenplan']);
      expect(await rows('status=not_started')).toEqual(['Arkivplan']);
      // Overdue: end date before today (1 March 2026), neither done nor cancelled.
      expect(await rows('overdue=true')).toEqual(['Dagvattenplan', 'Bredband till byarna']);
      expect(await rows(`overdue=true&unit=${w.unitId}`)).toEqual(['Bredband till byarna']);
      const page = await get(q, '/staff/goals/assignments?overdue=true');
      expect(page.body.match(/\(passerat\)/g)).toHaveLength(2);
    } finally {
      t.ctx.now = undefined;
    }
  });
});
