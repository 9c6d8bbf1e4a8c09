// Kolada end to end against the fake v3 server on loopback and a real database: the tenant's code,
// an indicator fed from a KPI with comparison series, the KPI search, refresh with revisions, the
// nightly run once with from_date, errors that say what failed, pages with Kolada unreachable,
// and the demo data offline.
import { renderToString } from 'preact-render-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeKolada, startFakeKolada } from '../../../test/fakes/kolada-server.ts';
import {
  createTestContext,
  createTestTenant,
  createTestUser,
  form,
  formToken,
  loginCookies,
  type TestContext,
  usingPostgres,
} from '../../../test/helpers.ts';
import { localDate } from '../calendar/calendar.ts';
import { goalsWorld } from '../goals/goals.fixtures.ts';
import { updateTenantSettings } from '../tenants/tenants.service.ts';
import { publicComparisons } from './kolada.read.ts';
import { listRevisions, storeValues } from './kolada.repo.ts';
import { seedKoladaDemo } from './kolada.seed.ts';
import { configureKolada, refreshNightly } from './kolada.service.ts';
import { PublicComparisonSection } from './kolada.views.tsx';

let t: TestContext;
let fake: FakeKolada;
// Kolada's cache is shared by tenants (and by test runs on one PostgreSQL database): every test uses ids of its own.
const rand = () => String(10000 + Math.floor(Math.random() * 89999));
const newKpi = () => `N${rand()}`;
const newGroup = () => `G${rand()}`;
// Outcomes are asked for this year and the two before; the figures follow the clock so that the test does not.
const Y = new Date().getFullYear();

function postForm(url: string, cookie: string, values: Record<string, string>) {
  const f = form(values);
  return t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': f['content-type'] }, payload: f.payload });
}

const useFake = () => configureKolada({ koladaUrl: fake.url, koladaTimeoutMs: 1000 }, { minIntervalMs: 0, backoffMs: 5 });
const useUnreachable = () =>
  configureKolada({ koladaUrl: 'http://127.0.0.1:9/v3', koladaTimeoutMs: 1000 }, { minIntervalMs: 0, backoffMs: 1 });

beforeAll(async () => {
  fake = await startFakeKolada();
  t = await createTestContext({ KOLADA_URL: fake.url, KOLADA_TIMEOUT_SECONDS: '1' });
  useFake();
  fake.municipalities.push(
    { id: '0188', title: 'Norrtälje', type: 'K' },
    { id: '0180', title: 'Stockholm', type: 'K' },
    { id: '0187', title: 'Vaxholm', type: 'K' },
    { id: '0192', title: 'Nynäshamn', type: 'K' },
    { id: '0000', title: 'Riket', type: 'L' },
  );
});
afterAll(async () => {
  await t.close();
  await fake.close();
});

/** A KPI in the fake with figures for Norrtälje, Stockholm, two group members and the country. */
function koladaKpi(title = 'Andel invånare som får svar på e-post inom en arbetsdag') {
  const kpi = newKpi();
  const group = newGroup();
  fake.kpis.push({ id: kpi, title: `${title} ${kpi}`, description: `Beskrivning av ${kpi}: mäts med testfrågor.` });
  fake.groups.push({
    id: group,
    title: 'Liknande kommuner',
    members: [
      { id: '0187', title: 'Vaxholm' },
      { id: '0192', title: 'Nynäshamn' },
    ],
  });
  const figures: Record<string, [number, number]> = {
    '0188': [68, 71],
    '0180': [61, 64],
    '0187': [72, 70],
    '0192': [58, 62],
    '0000': [63, 65],
  };
  for (const [m, [a, b]] of Object.entries(figures)) {
    fake.values.push({ kpi, municipality: m, period: Y - 2, gender: 'T', value: a, changed: '2026-01-10' });
    fake.values.push({ kpi, municipality: m, period: Y - 1, gender: 'T', value: b, changed: '2026-01-10' });
    fake.values.push({ kpi, municipality: m, period: Y - 1, gender: 'K', value: b + 2, changed: '2026-01-10' });
  }
  return { kpi, group };
}

async function world(code: string | null = '0188') {
  const w = await goalsWorld(t.db);
  if (code) await updateTenantSettings(w.tt.system, { municipalityCode: code }, { db: t.db });
  return w;
}

const indicatorBody = (w: Awaited<ReturnType<typeof world>>, source: Record<string, unknown>) => ({
  title: 'Svar på e-post inom en arbetsdag',
  level: 'KF',
  ownerUnitId: w.unitId,
  unit: '%',
  decimals: 0,
  direction: 'higher',
  goalIds: [w.goalId],
  source,
});

async function koladaIndicator() {
  const w = await world();
  const { kpi, group } = koladaKpi();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/indicators',
    headers: w.quality.auth,
    payload: indicatorBody(w, { type: 'kolada', kpi, gender: 'T', compareWith: ['0000', group, '0180'] }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return { w, kpi, group, id: res.json().id as string };
}

describe('tenant municipality code', () => {
  it('PATCH /api/v1/tenant takes four digits, refuses anything else in Swedish, and clears with an empty string', async () => {
    const tt = await createTestTenant(t.db);
    const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
    const patch = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'PATCH', url: '/api/v1/tenant', headers: admin.auth, payload });
    const ok = await patch({ municipalityCode: '0188' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().municipalityCode).toBe('0188');
    const bad = await patch({ municipalityCode: '188' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Kommunkoden är fyra siffror');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tenant', headers: admin.auth })).json().municipalityCode).toBe('0188');
    expect((await patch({ municipalityCode: '' })).json().municipalityCode).toBeNull();
    const cookie = await loginCookies(t.app, tt.tenant.slug, admin.email, admin.password);
    const page = await formToken(t.app, '/staff/settings', cookie);
    const posted = await postForm('/staff/settings', page.cookie, {
      _csrf: page.csrf,
      name: tt.tenant.name,
      orgNumber: '',
      defaultLanguage: 'sv',
      firstResponseDays: '2',
      municipalityCode: '2580',
    });
    expect(posted.statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/tenant', headers: admin.auth })).json().municipalityCode).toBe('2580');
  });
});

describe('an indicator fed from Kolada', () => {
  it('takes its yearly outcomes from Kolada and carries the comparison series with their source', async () => {
    const { w, id, group } = await koladaIndicator();
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/indicators/${id}`, headers: w.quality.auth });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.computed).toBe(true);
    expect(d.sourceText).toContain('Källa: Kolada');
    const outcome = (p: number) => d.values.find((v: { period: string; kind: string }) => v.period === String(p) && v.kind === 'outcome');
    expect(outcome(Y - 1)).toMatchObject({ value: 71, computed: true });
    expect(outcome(Y - 2)).toMatchObject({ value: 68, computed: true });
    expect(d.comparisons).toEqual([
      {
        municipality: '0188',
        title: 'Norrtälje',
        own: true,
        values: [
          { period: Y - 2, value: 68 },
          { period: Y - 1, value: 71 },
        ],
      },
      {
        municipality: '0000',
        title: 'Riket',
        own: false,
        values: [
          { period: Y - 2, value: 63 },
          { period: Y - 1, value: 65 },
        ],
      },
      // A group is the unweighted mean of its members (Vaxholm and Nynäshamn).
      {
        municipality: group,
        title: 'Liknande kommuner',
        own: false,
        values: [
          { period: Y - 2, value: 65 },
          { period: Y - 1, value: 66 },
        ],
      },
      {
        municipality: '0180',
        title: 'Stockholm',
        own: false,
        values: [
          { period: Y - 2, value: 61 },
          { period: Y - 1, value: 64 },
        ],
      },
    ]);
    expect(d.kolada.sourceNote).toBe(`Källa: Kolada, hämtad ${localDate(new Date())}`);
    expect(d.kolada.revisions).toEqual([]);
  });

  it('uses the chosen gender', async () => {
    const w = await world();
    const { kpi } = koladaKpi();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/indicators',
      headers: w.quality.auth,
      payload: indicatorBody(w, { type: 'kolada', kpi, gender: 'K' }),
    });
    expect(res.statusCode).toBe(201);
    const d = (await t.app.inject({ method: 'GET', url: `/api/v1/indicators/${res.json().id}`, headers: w.quality.auth })).json();
    expect(d.values.find((v: { period: string }) => v.period === String(Y - 1)).value).toBe(73);
  });

  it('refuses an unknown KPI, a missing municipality code and a Kolada that does not answer, saying what failed', async () => {
    const w = await world();
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/indicators',
      headers: w.quality.auth,
      payload: indicatorBody(w, { type: 'kolada', kpi: 'N00000' }),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toBe('KPI N00000 finns inte i Kolada');
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/indicators',
      headers: w.quality.auth,
      payload: indicatorBody(w, { type: 'kolada', kpi: 'x' }),
    });
    expect(malformed.statusCode).toBe(400);

    const { kpi } = koladaKpi();
    fake.fault(`/kpi/${kpi}`, { kind: 'hang' });
    const slow = await t.app.inject({
      method: 'POST',
      url: '/api/v1/indicators',
      headers: w.quality.auth,
      payload: indicatorBody(w, { type: 'kolada', kpi }),
    });
    expect(slow.statusCode).toBe(503);
    expect(slow.json().message).toBe('Kolada svarade inte inom 1 s');

    const noCode = await world(null);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/indicators',
      headers: noCode.quality.auth,
      payload: indicatorBody(noCode, { type: 'kolada', kpi }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Kommunkoden saknas');
  });

  it('refresh records a value Kolada revised (once), shows the new one with a note, and lists it for the quality strategist', async () => {
    const { w, id, kpi } = await koladaIndicator();
    // Last year's report was approved (its round closed) with 71 before Kolada changed it.
    const round = await t.app.inject({
      method: 'POST',
      url: '/api/v1/follow-up-rounds',
      headers: w.quality.auth,
      payload: { planId: w.planId, title: `Årsredovisning ${Y - 1}`, period: String(Y - 1), deadline: `${Y}-02-15` },
    });
    expect(round.statusCode, round.body).toBe(201);
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/follow-up-rounds/${round.json().id}/close`,
      headers: w.quality.auth,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const row = fake.values.find((v) => v.kpi === kpi && v.municipality === '0188' && v.period === Y - 1 && v.gender === 'T');
    if (!row) throw new Error('fixture');
    row.value = 72;
    const refresh = () => t.app.inject({ method: 'POST', url: `/api/v1/indicators/${id}/refresh`, headers: w.quality.auth });
    const first = await refresh();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ revised: 1 });
    expect((await refresh()).json()).toMatchObject({ revised: 0 });
    const d = (await t.app.inject({ method: 'GET', url: `/api/v1/indicators/${id}`, headers: w.quality.auth })).json();
    expect(d.values.find((v: { period: string; kind: string }) => v.period === String(Y - 1) && v.kind === 'outcome').value).toBe(72);
    const today = localDate(new Date());
    expect(d.kolada.revisions.map((r: { text: string; inClosedRound: boolean }) => [r.text, r.inClosedRound])).toEqual([
      [`Kolada har ändrat ${Y - 1} från 71 till 72, ${today}`, true],
    ]);

    const cookie = await loginCookies(t.app, w.tt.tenant.slug, w.quality.email, w.quality.password);
    const list = await t.app.inject({ method: 'GET', url: '/staff/kolada', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`Kolada har ändrat ${Y - 1} från 71 till 72, ${today}`);
    expect(list.body).toContain(`/staff/goals/indicators/${id}`);
    expect(list.body).toContain(`${Y - 1} ingick i en uppföljning som stängdes före ändringen: rapporten godkändes med det gamla värdet`);
    const page = await t.app.inject({ method: 'GET', url: `/staff/goals/indicators/${id}`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Jämförelse (Kolada)');
    expect(page.body).toContain(`Källa: Kolada, hämtad ${today}`);
    expect(page.body).toContain('role="img"');
    expect(page.body).toContain('Liknande kommuner');
    expect(page.body).toContain('Hämta från Kolada nu');

    const officer = await t.app.inject({ method: 'POST', url: `/api/v1/indicators/${id}/refresh`, headers: w.officer.auth });
    expect(officer.statusCode).toBe(403);
    const manual = await t.app.inject({
      method: 'POST',
      url: '/api/v1/indicators',
      headers: w.quality.auth,
      payload: indicatorBody(w, { type: 'manual' }),
    });
    const notKolada = await t.app.inject({
      method: 'POST',
      url: `/api/v1/indicators/${manual.json().id}/refresh`,
      headers: w.quality.auth,
    });
    expect(notKolada.statusCode).toBe(409);
    expect(notKolada.json().message).toContain('hämtas inte från Kolada');
  });

  it('with Kolada unreachable every page renders and says when the figures were fetched; the button says what failed', async () => {
    const { w, id } = await koladaIndicator();
    const cookie = await loginCookies(t.app, w.tt.tenant.slug, w.quality.email, w.quality.password);
    useUnreachable();
    try {
      const page = await formToken(t.app, `/staff/goals/indicators/${id}`, cookie);
      const api = await t.app.inject({ method: 'GET', url: `/api/v1/indicators/${id}`, headers: w.quality.auth });
      expect(api.statusCode).toBe(200);
      expect(api.json().comparisons[0].values).toHaveLength(2);
      const posted = await postForm('/staff/kolada/refresh', page.cookie, { _csrf: page.csrf, indicatorId: id });
      expect(posted.statusCode).toBe(303);
      const after = await t.app.inject({ method: 'GET', url: `/staff/goals/indicators/${id}`, headers: { cookie: page.cookie } });
      expect(after.statusCode).toBe(200);
      expect(after.body).toContain('Kunde inte hämta från Kolada: Kolada gick inte att nå');
      expect(after.body).toContain(`Källa: Kolada, hämtad ${localDate(new Date())}`);
      expect((await t.app.inject({ method: 'GET', url: '/staff/kolada', headers: { cookie: page.cookie } })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: '/staff/goals', headers: { cookie: page.cookie } })).statusCode).toBe(200);
      const search = await t.app.inject({
        method: 'GET',
        url: `/staff/kolada/indicators/${id}/link?title=zzzz${rand()}`,
        headers: { cookie: page.cookie },
      });
      expect(search.statusCode).toBe(400);
      expect(search.body).toContain('Kolada gick inte att nå');
    } finally {
      useFake();
    }
  });
});

describe('KPI search', () => {
  it('proxies Kolada’s title search with title and description, cached, and links from the indicator page', async () => {
    const w = await world();
    const words = `mätord${rand()}`;
    const { kpi } = koladaKpi(words);
    const search = () =>
      t.app.inject({ method: 'GET', url: `/api/v1/kolada/kpis?title=${encodeURIComponent(words)}`, headers: w.officer.auth });
    const first = await search();
    expect(first.statusCode).toBe(200);
    expect(first.json().kpis).toEqual([{ id: kpi, title: `${words} ${kpi}`, description: `Beskrivning av ${kpi}: mäts med testfrågor.` }]);
    const asked = fake.requests.length;
    expect((await search()).json().kpis).toHaveLength(1);
    expect(fake.requests.length).toBe(asked);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/kolada/kpis?title=x', headers: w.officer.auth })).statusCode).toBe(400);

    const manual = await t.app.inject({
      method: 'POST',
      url: '/api/v1/indicators',
      headers: w.quality.auth,
      payload: indicatorBody(w, { type: 'manual' }),
    });
    const id = manual.json().id;
    const cookie = await loginCookies(t.app, w.tt.tenant.slug, w.quality.email, w.quality.password);
    const indicatorPage = await t.app.inject({ method: 'GET', url: `/staff/goals/indicators/${id}`, headers: { cookie } });
    expect(indicatorPage.body).toContain(`/staff/kolada/indicators/${id}/link`);
    const page = await formToken(t.app, `/staff/kolada/indicators/${id}/link?title=${encodeURIComponent(words)}`, cookie);
    const results = await t.app.inject({
      method: 'GET',
      url: `/staff/kolada/indicators/${id}/link?title=${encodeURIComponent(words)}`,
      headers: { cookie: page.cookie },
    });
    expect(results.body).toContain(`Beskrivning av ${kpi}: mäts med testfrågor.`);
    const linked = await postForm(`/staff/kolada/indicators/${id}/link`, page.cookie, {
      _csrf: page.csrf,
      kpi,
      gender: 'T',
      compareWith: '0000, 0180',
    });
    expect(linked.statusCode, linked.body).toBe(303);
    const d = (await t.app.inject({ method: 'GET', url: `/api/v1/indicators/${id}`, headers: w.quality.auth })).json();
    expect(d.source).toEqual({ type: 'kolada', kpi, gender: 'T', compareWith: ['0000', '0180'] });
    expect(d.comparisons.map((c: { municipality: string }) => c.municipality)).toEqual(['0188', '0000', '0180']);
    const wrong = await postForm(`/staff/kolada/indicators/${id}/link`, page.cookie, {
      _csrf: page.csrf,
      kpi: 'N00000',
      gender: 'T',
      compareWith: '',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('KPI N00000 finns inte i Kolada');
  });
});

describe('nightly refresh', () => {
  it('runs once across instances and asks only for what changed since the last run (from_date), deletions included', async () => {
    const { w, id, kpi } = await koladaIndicator();
    const scope = `test-${rand()}`;
    const night1 = new Date('2027-03-01T03:30:00Z');
    const runs = await Promise.all([refreshNightly(t.db, night1, { scope }), refreshNightly(t.db, night1, { scope })]);
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
    expect(runs.find((r) => r.ran)?.fromDate).toBe('2027-02-21');
    expect((await refreshNightly(t.db, new Date('2027-03-01T01:00:00Z'), { scope: `${scope}-early` })).ran).toBe(false);

    const own = (period: number, gender = 'T') =>
      fake.values.find((v) => v.kpi === kpi && v.municipality === '0188' && v.period === period && v.gender === gender);
    const revised = own(Y - 1);
    const deleted = own(Y - 2);
    if (!revised || !deleted) throw new Error('fixture');
    revised.value = 75;
    revised.changed = '2027-03-01';
    deleted.deleted = true;
    deleted.changed = '2027-03-01';
    const start = fake.requests.length;
    const night2 = new Date('2027-03-02T03:30:00Z');
    const r = await refreshNightly(t.db, night2, { scope });
    expect(r).toMatchObject({ ran: true, fromDate: '2027-02-28' });
    expect(fake.requests.slice(start).some((q) => q.includes(`kpi_id=${kpi}`) && q.includes('from_date=2027-02-28'))).toBe(true);
    const d = (await t.app.inject({ method: 'GET', url: `/api/v1/indicators/${id}`, headers: w.quality.auth })).json();
    const texts = d.kolada.revisions.map((x: { text: string }) => x.text);
    expect(texts).toContain(`Kolada har ändrat ${Y - 1} från 71 till 75, 2027-03-02`);
    expect(texts).toContain(`Kolada har tagit bort värdet för ${Y - 2} (var 68), 2027-03-02`);
    expect(d.comparisons[0].values).toEqual([{ period: Y - 1, value: 75 }]);
  });
});

describe('demo data', () => {
  it('seeds a recorded comparison set without a network, labelled as demo data', async () => {
    const tt = await createTestTenant(t.db, 'Norrtälje (test)');
    const quality = await createTestUser(t.db, tt, [{ role: 'quality' }]);
    useUnreachable();
    try {
      await seedKoladaDemo(t.db, { norrtalje: tt.tenant });
      const list = (await t.app.inject({ method: 'GET', url: '/api/v1/indicators', headers: quality.auth })).json();
      const demo = list.indicators.find((i: { title: string }) => i.title.includes('demodata'));
      const d = (await t.app.inject({ method: 'GET', url: `/api/v1/indicators/${demo.id}`, headers: quality.auth })).json();
      expect(d.kolada.kpiTitle).toContain('(demodata)');
      expect(d.comparisons.map((c: { title: string }) => c.title)).toEqual([
        'Norrtälje',
        'Liknande kommuner (demodata)',
        'Stockholm',
        'Riket',
      ]);
      expect(d.comparisons[0].values.find((v: { period: number }) => v.period === 2024).value).toBe(72);
      // Vaxholm 76, Nynäshamn 69, Södertälje 63 in 2025.
      expect(d.comparisons[1].values.find((v: { period: number }) => v.period === 2025).value).toBeCloseTo(69.333, 2);
      expect(d.kolada.revisions.map((r: { text: string }) => r.text)).toContain('Kolada har ändrat 2024 från 71 till 72, 2026-11-23');
      expect(list.indicators.filter((i: { title: string }) => i.title.includes('demodata'))).toHaveLength(2);

      // The umbrella site's read: public figures by the municipality's slug, rendered in Finnish.
      const pub = await publicComparisons(t.db, tt.tenant.slug, { type: 'kolada', kpi: 'N99001', compareWith: ['0000'] });
      expect(pub?.comparisons.map((c) => [c.municipality, c.values.length])).toEqual([
        ['0188', 5],
        ['0000', 5],
      ]);
      expect(pub?.sourceNote).toBe('Källa: Kolada, hämtad 2026-11-23');
      if (!pub) throw new Error('no comparisons');
      const html = renderToString(PublicComparisonSection({ lang: 'fi', data: pub, decimals: 0 }));
      expect(html).toContain('Vertailu muihin kuntiin');
      expect(html).toContain('<p lang="sv">Källa: Kolada, hämtad 2026-11-23</p>');
      expect(html).toContain('role="img"');
      expect(await publicComparisons(t.db, tt.tenant.slug, { type: 'manual' })).toBeNull();
    } finally {
      useFake();
    }
  });
});

describe.skipIf(!usingPostgres)('concurrent refreshes (PostgreSQL)', () => {
  it('record a value Kolada revised once, however many fetch it at the same time', async () => {
    const kpi = newKpi();
    const record = (value: number) => [
      { kpi, municipality: '0188', period: 2024, gender: 'T' as const, value, status: null, deleted: false },
    ];
    await storeValues(t.db, record(71), 'test:first', new Date('2027-03-01T04:00:00Z'));
    const at = new Date('2027-03-02T04:00:00Z');
    const results = await Promise.all([1, 2, 3, 4].map(() => storeValues(t.db, record(72), 'test:again', at)));
    expect(results.map((r) => r.revised).sort()).toEqual([0, 0, 0, 1]);
    const revisions = await listRevisions(t.db, [{ kpi, municipality: '0188', gender: 'T' }]);
    expect(revisions.map((r) => [r.old_value, r.new_value])).toEqual([[71, 72]]);
  });
});
