// Staff leftovers of the goals module: editing an action plan's own fields (form and PUT), and the
// upload page that imports the plan template (XLSX, or one sheet as CSV) through the import service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, formToken, loginCookies, type TestContext } from '../../../test/helpers.ts';
import { multipartBody } from '../../../test/multipart.ts';
import { goalsWorld } from './goals.fixtures.ts';
import { xlsxOf } from './goals.transfer.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
}, 180_000);
afterAll(async () => {
  await t.close();
});

type World = Awaited<ReturnType<typeof goalsWorld>>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const plansOf = async (w: World) =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/goal-plans/${w.planId}`, headers: w.quality.auth })).json();

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

async function upload(cookie: string, w: World, fields: Record<string, string>, file?: { filename: string; type: string; bytes: Buffer }) {
  const page = `/staff/goals/plans/${w.planId}/import`;
  const { csrf, cookie: jar } = await formToken(t.app, page, cookie);
  const { headers, payload } = multipartBody({ _csrf: csrf, ...fields }, file && { field: 'file', ...file });
  return t.app.inject({ method: 'POST', url: page, headers: { ...headers, cookie: jar }, payload });
}

async function createPlan(w: World) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/action-plans',
    headers: w.quality.auth,
    payload: {
      title: 'Service till företag',
      purpose: 'Snabbare besked.',
      responsibleUnitId: w.unitId,
      periodFrom: '2025-01-01',
      periodTo: '2027-12-31',
      budget: { '2025': 450000 },
      followUpInterval: 'tertial',
      activities: [{ number: 1, title: 'Företagslots', startDate: '2025-03-01', endDate: '2025-12-31', responsibleUnitId: w.unitId }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; activities: { id: string }[] };
}

describe('editing an action plan', () => {
  it('shows the plan in the form, refuses a wrong period in the form (400, nothing stored), saves and keeps the activities', async () => {
    const w = await goalsWorld(t.db);
    const made = await createPlan(w);
    const q = await loginCookies(t.app, w.tt.tenant.slug, w.quality.email, w.quality.password);
    const page = await get(q, `/staff/goals/action-plans/${made.id}`);
    expect(page.body).toContain(`/staff/goals/action-plans/${made.id}/edit`);
    const form = await get(q, `/staff/goals/action-plans/${made.id}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Service till företag"');
    expect(form.body).toContain('2025: 450 000');

    const values = {
      title: 'Service till företagare',
      purpose: 'Snabbare och tydligare besked.',
      responsibleUnitId: w.otherUnitId,
      periodFrom: '2025-01-01',
      periodTo: '2024-12-31',
      goalsText: 'Fler nöjda företag.',
      budget: '2025: 500 000\n2026: 250 000',
      followUpInterval: 'half_year',
    };
    const editUrl = `/staff/goals/action-plans/${made.id}/edit`;
    const bad = await submit(q, editUrl, `/staff/goals/action-plans/${made.id}`, values);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#periodTo"');
    expect(bad.body).toContain('Periodens slut kan inte ligga före starten.');
    expect(bad.body).toContain('value="Service till företagare"');
    const unchanged = (await t.app.inject({ method: 'GET', url: `/api/v1/action-plans/${made.id}`, headers: w.quality.auth })).json();
    expect(unchanged.title).toBe('Service till företag');

    const ok = await submit(q, editUrl, `/staff/goals/action-plans/${made.id}`, { ...values, periodTo: '2026-12-31' });
    expect(ok.statusCode, ok.body).toBe(303);
    expect(ok.headers.location).toBe(`/staff/goals/action-plans/${made.id}`);
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/action-plans/${made.id}`, headers: w.quality.auth })).json();
    expect(after).toMatchObject({
      title: 'Service till företagare',
      purpose: 'Snabbare och tydligare besked.',
      responsibleUnitId: w.otherUnitId,
      periodTo: '2026-12-31',
      goalsText: 'Fler nöjda företag.',
      budget: { '2025': 500000, '2026': 250000 },
      followUpInterval: 'half_year',
    });
    expect(after.activities.map((a: { id: string }) => a.id)).toEqual(made.activities.map((a) => a.id));
  });

  it('is for quality or admin: 403 for an officer; PUT replaces the fields; a taken name is 409; another tenant’s plan is 404', async () => {
    const w = await goalsWorld(t.db);
    const made = await createPlan(w);
    const officer = await loginCookies(t.app, w.tt.tenant.slug, w.officer.email, w.officer.password);
    expect((await get(officer, `/staff/goals/action-plans/${made.id}/edit`)).statusCode).toBe(403);
    expect((await get(officer, `/staff/goals/action-plans/${made.id}`)).body).not.toContain('/edit"');

    const body = {
      title: 'Ny titel',
      responsibleUnitId: w.unitId,
      periodFrom: '2025-01-01',
      periodTo: '2025-12-31',
      followUpInterval: 'yearly',
    };
    const put = (auth: Record<string, string>, id: string, payload: unknown) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/action-plans/${id}`, headers: auth, payload: payload as object });
    const res = await put(w.quality.auth, made.id, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Ny titel', followUpInterval: 'yearly', budget: {} });
    expect((await put(w.officer.auth, made.id, body)).statusCode).toBe(403);
    expect((await put(w.quality.auth, made.id, { ...body, activities: [] })).statusCode).toBe(400);

    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/action-plans',
      headers: w.quality.auth,
      payload: { ...body, title: 'Andra planen' },
    });
    expect(second.statusCode).toBe(201);
    const taken = await put(w.quality.auth, second.json().id, body);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toContain('Det finns redan en handlingsplan med det namnet.');

    const other = await goalsWorld(t.db);
    expect((await put(other.quality.auth, made.id, { ...body, responsibleUnitId: other.unitId })).statusCode).toBe(404);
  });
});

function rows(unit: string) {
  return {
    areas: [[3, 'Trygg kommun', 'Sveriges tryggaste kommun.', '']],
    goals: [['3.1', 'Stärka tryggheten', 'Text']],
    indicators: [['3.1.1', 'Andel trygga', 'KF', unit, '%', 0, 'higher', '3.1']],
    values: [['3.1.1', '2025', 'target', 80, '', 'nej']],
    assignments: [],
  };
}
const xlsx = (unit: string) => xlsxOf(rows(unit) as never);

describe('the plan import page', () => {
  it('imports an XLSX file, then the same file changes nothing; errors name sheet, row and column and store nothing', async () => {
    const w = await goalsWorld(t.db);
    const q = await loginCookies(t.app, w.tt.tenant.slug, w.quality.email, w.quality.password);
    expect((await get(q, `/staff/goals?plan=${w.planId}`)).body).toContain(`/staff/goals/plans/${w.planId}/import`);
    const page = await get(q, `/staff/goals/plans/${w.planId}/import`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('enctype="multipart/form-data"');

    const bad = await upload(q, w, {}, { filename: 'plan.xlsx', type: XLSX, bytes: await xlsx('Ingen sådan enhet') });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('class="error-summary"');
    expect(bad.body).toContain('Blad Indikatorer, rad 2, kolumn D (Ansvarig enhet): enheten &quot;Ingen sådan enhet&quot; finns inte.');
    expect(bad.body).toContain('href="#file"');
    expect((await plansOf(w)).goalAreas.map((a: { number: number }) => a.number)).toEqual([2]);

    const ok = await upload(q, w, {}, { filename: 'plan.xlsx', type: XLSX, bytes: await xlsx('Kontaktcenter') });
    expect(ok.statusCode, ok.body).toBe(303);
    expect(ok.headers.location).toBe(`/staff/goals?plan=${w.planId}`);
    const flash = await get(q, ok.headers.location as string);
    expect(flash.body).toContain('Importen är klar. Nya eller ändrade: målområden 1, mål 1, indikatorer 1, värden 1.');
    expect((await plansOf(w)).goalAreas.map((a: { number: number }) => a.number)).toEqual([2, 3]);
    const again = await upload(q, w, {}, { filename: 'plan.xlsx', type: XLSX, bytes: await xlsx('Kontaktcenter') });
    expect(again.statusCode).toBe(303);
    expect((await get(q, again.headers.location as string)).body).toContain('Importen är klar: ingenting behövde ändras.');
  });

  it('imports one sheet as CSV with its sheet chosen; asks for the sheet, for a file, and refuses a file over 5 MB', async () => {
    const w = await goalsWorld(t.db);
    const q = await loginCookies(t.app, w.tt.tenant.slug, w.quality.email, w.quality.password);
    const csv = Buffer.from('\uFEFFNummer;Titel;Ambition 2035;I praktiken\n4;Hållbar kommun;Klimatneutral 2035.;\n');
    const noSheet = await upload(q, w, { sheet: '' }, { filename: 'omraden.csv', type: 'text/csv', bytes: csv });
    expect(noSheet.statusCode).toBe(400);
    expect(noSheet.body).toContain('href="#sheet"');
    expect(noSheet.body).toContain('Välj vilket blad i mallen CSV-filen är.');
    const noFile = await upload(q, w, { sheet: 'areas' }, { filename: '', type: 'application/octet-stream', bytes: Buffer.alloc(0) });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.body).toContain('Välj en XLSX- eller CSV-fil att importera.');
    const big = await upload(
      q,
      w,
      { sheet: 'areas' },
      { filename: 'stor.csv', type: 'text/csv', bytes: Buffer.alloc(5 * 1024 * 1024 + 10, 'a') },
    );
    expect(big.statusCode).toBe(400);
    expect(big.body).toContain('Filen är större än 5 MB.');
    const wrongHeader = await upload(q, w, { sheet: 'goals' }, { filename: 'omraden.csv', type: 'text/csv', bytes: csv });
    expect(wrongHeader.statusCode).toBe(400);
    expect(wrongHeader.body).toContain('Blad Inriktningsmål, rad 1: rubrikraden ska vara');
    expect((await plansOf(w)).goalAreas.map((a: { number: number }) => a.number)).toEqual([2]);

    const ok = await upload(q, w, { sheet: 'areas' }, { filename: 'omraden.csv', type: 'text/csv', bytes: csv });
    expect(ok.statusCode, ok.body).toBe(303);
    expect((await plansOf(w)).goalAreas.map((a: { title: string }) => a.title)).toContain('Hållbar kommun');
  });

  it('is for quality or admin and needs the form’s CSRF token', async () => {
    const w = await goalsWorld(t.db);
    const officer = await loginCookies(t.app, w.tt.tenant.slug, w.officer.email, w.officer.password);
    expect((await get(officer, `/staff/goals/plans/${w.planId}/import`)).statusCode).toBe(403);
    const { csrf, cookie } = await formToken(t.app, '/staff/goals', officer);
    const { headers, payload } = multipartBody(
      { _csrf: csrf },
      { field: 'file', filename: 'plan.xlsx', type: XLSX, bytes: await xlsx('Kontaktcenter') },
    );
    const refused = await t.app.inject({
      method: 'POST',
      url: `/staff/goals/plans/${w.planId}/import`,
      headers: { ...headers, cookie },
      payload,
    });
    expect(refused.statusCode).toBe(403);
    const q = await loginCookies(t.app, w.tt.tenant.slug, w.quality.email, w.quality.password);
    const noToken = multipartBody({}, { field: 'file', filename: 'plan.xlsx', type: XLSX, bytes: await xlsx('Kontaktcenter') });
    const forged = await t.app.inject({
      method: 'POST',
      url: `/staff/goals/plans/${w.planId}/import`,
      headers: { ...noToken.headers, cookie: q },
      payload: noToken.payload,
    });
    expect(forged.statusCode).toBe(403);
    expect((await plansOf(w)).goalAreas.map((a: { number: number }) => a.number)).toEqual([2]);
  });
});
