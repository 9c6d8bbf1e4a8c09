// The staff page /staff/retention (Swedish, admin only) and the legal-hold form on the case page:
// plain forms with CSRF, errors shown again with 400, the preview and a run from the page, the
// demo rule in effect only in the future.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestTenant,
  createTestUser,
  form,
  formToken,
  loginCookies,
  type TestContext,
} from '../../../test/helpers.ts';
import { caseFixture } from '../cases/cases.fixtures.ts';
import { addCaseEvent, createCase } from '../cases/cases.service.ts';
import { DEMO_DECISION, seedRetentionDemo } from './index.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

async function world() {
  const tt = await createTestTenant(t.db, 'Sidby kommun');
  await caseFixture(t.db, tt);
  const admin = await createTestUser(t.db, tt, [{ role: 'admin' }]);
  const cookie = await loginCookies(t.app, tt.tenant.slug, admin.email, admin.password);
  const created = await createCase(
    tt.system,
    {
      type: 'question',
      channel: 'phone',
      category: 'cat-a',
      message: 'Bertil Bengtsson undrar över bygglovet.',
      contact: { name: 'Bertil Bengtsson', phone: '070-765 43 21' },
      receivedAt: '2022-01-10T09:00:00Z',
    },
    { db: t.db },
  );
  await addCaseEvent(tt.system, created.case.id, { kind: 'resolved', body: 'Hej Bertil!', at: '2022-01-12T09:00:00Z' }, { db: t.db });
  return { tt, admin, cookie, caseId: created.case.id };
}

const post = async (url: string, page: string, cookie: string, values: Record<string, string>) => {
  const { csrf, cookie: jar } = await formToken(t.app, page, cookie);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: jar, ...form({ _csrf: csrf, ...values }) },
    payload: form({ _csrf: csrf, ...values }).payload,
  });
};

describe('/staff/retention', () => {
  it('adds a rule, shows errors again, previews, runs and lists the run with its report', async () => {
    const { cookie, caseId } = await world();
    const page = await t.app.inject({ method: 'GET', url: '/staff/retention', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Gallring</h1>');
    expect(page.body).toContain('arkivlagen');
    expect(page.body).toContain('Det finns inga gallringsregler ännu');

    const bad = await post('/staff/retention/rules', '/staff/retention', cookie, { monthsAfterClosure: 'två år', decisionReference: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Ange antal månader efter avslut som ett heltal');
    expect(bad.body).toContain('value="två år"');

    const ok = await post('/staff/retention/rules', '/staff/retention', cookie, {
      caseType: '',
      categoryCode: 'cat-a',
      monthsAfterClosure: '24',
      decisionReference: 'Dokumenthanteringsplan, beslutad 2025-03-12, dnr KS 2025/123',
      scope: 'contact',
      effectiveFrom: '2026-01-01',
    });
    expect(ok.statusCode).toBe(303);
    const listed = await t.app.inject({ method: 'GET', url: '/staff/retention', headers: { cookie } });
    expect(listed.body).toContain('Regeln har lagts till.');
    expect(listed.body).toContain('Alla typer, Kategori A');

    const preview = await post('/staff/retention/preview', '/staff/retention', cookie, { date: '', ruleId: '' });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toMatch(/1 ärende skulle gallras \d{4}-\d{2}-\d{2}/);
    expect(preview.body).toContain(`/staff/cases/${caseId}`);
    const badPreview = await post('/staff/retention/preview', '/staff/retention', cookie, { date: '2027-13-01' });
    expect(badPreview.statusCode).toBe(400);
    expect(badPreview.body).toContain('Ange datum som ÅÅÅÅ-MM-DD.');

    const run = await post('/staff/retention/runs', '/staff/retention', cookie, {});
    expect(run.statusCode).toBe(303);
    const after = await t.app.inject({ method: 'GET', url: '/staff/retention', headers: { cookie } });
    expect(after.body).toContain('Gallringen är klar: 1 ärende gallrades.');
    expect(after.body).toContain('1 ärende enligt Dokumenthanteringsplan, beslutad 2025-03-12, dnr KS 2025/123 (24 månader)');

    const casePage = await t.app.inject({ method: 'GET', url: `/staff/cases/${caseId}`, headers: { cookie } });
    expect(casePage.body).toContain('Personuppgifterna gallrades');
    expect(casePage.body).not.toContain('070-765 43 21');
    // Contact-only: the message stays.
    expect(casePage.body).toContain('Bertil Bengtsson undrar');
  });

  it('is for admins only', async () => {
    const { tt } = await world();
    const officer = await createTestUser(t.db, tt, [{ role: 'quality' }]);
    const cookie = await loginCookies(t.app, tt.tenant.slug, officer.email, officer.password);
    const res = await t.app.inject({ method: 'GET', url: '/staff/retention', headers: { cookie } });
    expect(res.statusCode).toBe(403);
    const staff = await t.app.inject({ method: 'GET', url: '/staff', headers: { cookie } });
    expect(staff.body).not.toContain('href="/staff/retention"');
  });
});

describe('legal hold on the staff case page', () => {
  it('sets and releases the hold through the form; a hold without a reason is refused with a message', async () => {
    const { cookie, caseId } = await world();
    const url = `/staff/cases/${caseId}`;
    const page = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(page.body).toContain('Ärendet är inte spärrat mot gallring.');
    expect(page.body).toContain(`action="/staff/cases/${caseId}/legal-hold"`);

    const empty = await post(`${url}/legal-hold`, url, cookie, { action: 'hold', reason: '  ' });
    expect(empty.statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie } })).body).toContain(
      'Skriv varför ärendet ska spärras mot gallring',
    );

    const held = await post(`${url}/legal-hold`, url, cookie, { action: 'hold', reason: 'Begärt av förvaltningsrätten' });
    expect(held.statusCode).toBe(303);
    const shown = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(shown.body).toContain('Ärendet är spärrat mot gallring.');
    expect(shown.body).toContain('Skäl: Begärt av förvaltningsrätten');
    expect(shown.body).toContain('Häv spärren mot gallring');

    const noCsrf = await t.app.inject({
      method: 'POST',
      url: `${url}/legal-hold`,
      headers: { cookie, ...form({ action: 'release' }) },
      payload: form({ action: 'release' }).payload,
    });
    expect(noCsrf.statusCode).toBe(403);

    const released = await post(`${url}/legal-hold`, url, cookie, { action: 'release' });
    expect(released.statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie } })).body).toContain('Spärren mot gallring är hävd.');
  });
});

describe('demo data', () => {
  it('seeds a rule in effect only from a future 1 January: nothing is cleared today, the preview of that day shows the cases', async () => {
    const { tt, admin, caseId } = await world();
    const rule = await seedRetentionDemo(t.db, { norrtalje: tt.tenant }, new Date('2026-12-02T10:00:00Z'));
    expect(rule).toMatchObject({ effectiveFrom: '2028-01-01', monthsAfterClosure: 24, decisionReference: DEMO_DECISION });
    expect(DEMO_DECISION).toContain('demodata');
    const run = (await t.app.inject({ method: 'POST', url: '/api/v1/retention/runs', headers: admin.auth })).json();
    expect(run.clearedCases).toBe(0);
    const p = (
      await t.app.inject({ method: 'POST', url: '/api/v1/retention/preview', headers: admin.auth, payload: { ruleId: rule.id } })
    ).json();
    expect(p).toMatchObject({ date: '2028-01-01', total: 1 });
    expect(p.cases[0].id).toBe(caseId);
  });
});
