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
import { addCalendarDays, localDate } from '../calendar/calendar.ts';
import { caseFixture, question } from './cases.fixtures.ts';
import { addCaseEvent, createCase } from './cases.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

async function setup() {
  const tenant = await createTestTenant(t.db);
  const f = await caseFixture(t.db, tenant);
  const agent = await createTestUser(t.db, tenant, [{ role: 'agent', unitId: f.unitA }]);
  const officer = await createTestUser(t.db, tenant, [{ role: 'officer', unitId: f.unitA }]);
  const admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
  const login = (u: { email: string; password: string }) => loginCookies(t.app, tenant.tenant.slug, u.email, u.password);
  return { tenant, f, agent, officer, admin, login };
}

async function submit(url: string, page: string, cookie: string, values: Record<string, string>) {
  const { csrf, cookie: jar } = await formToken(t.app, page, cookie);
  const body = form({ _csrf: csrf, ...values });
  return t.app.inject({ method: 'POST', url, headers: { cookie: jar, 'content-type': body['content-type'] }, payload: body.payload });
}

const count = async (tenantId: string) =>
  Number(
    (
      await t.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', tenantId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('staff pages', () => {
  it('intake: phone preselected, errors keep input and store nothing, success redirects to the case', async () => {
    const { agent, login, tenant } = await setup();
    const cookie = await login(agent);
    const page = await t.app.inject({ method: 'GET', url: '/staff/cases/new', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Ny kontakt</h1>');
    expect(page.body).toMatch(/<option value="phone" selected/);
    expect(page.body).toContain('Kategori A – Enhet A1 (återkoppling inom 2 arbetsdagar)');

    const bad = await submit('/staff/cases/new', '/staff/cases/new', cookie, {
      channel: 'phone',
      type: 'question',
      category: '',
      message: 'Min fråga',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('error-summary');
    expect(bad.body).toContain('Välj ett område.');
    expect(bad.body).toContain('Min fråga');
    expect(await count(tenant.tenant.id)).toBe(0);

    const ok = await submit('/staff/cases/new', '/staff/cases/new', cookie, {
      channel: 'phone',
      type: 'question',
      category: 'cat-a',
      message: 'Hur söker jag?',
      receivedAt: '2026-03-02T09:15',
      language: 'sv',
    });
    expect(ok.statusCode).toBe(303);
    const caseUrl = ok.headers.location as string;
    expect(caseUrl).toMatch(/^\/staff\/cases\/[0-9a-f-]{36}$/);
    const casePage = await t.app.inject({ method: 'GET', url: caseUrl, headers: { cookie } });
    expect(casePage.statusCode).toBe(200);
    expect(casePage.body).toContain('2026-00001');
    expect(casePage.body).toContain('2026-03-04');
    expect(casePage.body).toMatch(/Försenad \d+ arbetsdagar/);
  });

  it('intake: resolved at first contact needs the answer and closes the case', async () => {
    const { agent, login } = await setup();
    const cookie = await login(agent);
    const base = { channel: 'phone', type: 'question', category: 'cat-a', message: 'Fråga', resolved: 'yes' };
    expect((await submit('/staff/cases/new', '/staff/cases/new', cookie, base)).statusCode).toBe(400);
    const ok = await submit('/staff/cases/new', '/staff/cases/new', cookie, { ...base, answer: 'Svaret' });
    expect(ok.statusCode).toBe(303);
    const page = await t.app.inject({ method: 'GET', url: ok.headers.location as string, headers: { cookie } });
    expect(page.body).toContain('Avslutad');
    expect(page.body).toContain('Besvarad i tid');
  });

  it('inbox sorts by due date and says where each case stands', async () => {
    const { officer, login, admin, tenant, f } = await setup();
    const db = { db: t.db };
    const old = (await createCase(admin.actor, question({ receivedAt: '2026-03-02T09:00:00+01:00' }), db)).case;
    const fresh = (await createCase(admin.actor, question({ message: 'Ny' }), db)).case;
    const answered = (await createCase(admin.actor, question({ receivedAt: '2026-03-02T10:00:00+01:00' }), db)).case;
    await addCaseEvent(admin.actor, answered.id, { kind: 'first_response', body: 'Hej', at: '2026-03-03T10:00:00+01:00' }, db);
    await createCase(admin.actor, question({ category: 'cat-b' }), db); // another unit: not in the officer's inbox
    const cookie = await login(officer);
    const inbox = await t.app.inject({ method: 'GET', url: '/staff/cases', headers: { cookie } });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).toContain('3 ärenden');
    expect(inbox.body.indexOf(old.caseNumber)).toBeLessThan(inbox.body.indexOf(fresh.caseNumber));
    expect(inbox.body).toMatch(/class="due due-overdue">Försenad \d+ arbetsdagar/);
    expect(inbox.body).toContain('Besvarad i tid');
    expect(inbox.body).toMatch(/I tid – \d arbetsdag(ar)? kvar/);
    const mine = await t.app.inject({ method: 'GET', url: '/staff/cases?scope=mine', headers: { cookie } });
    expect(mine.body).toContain('0 ärenden');
    // An agent may read every case but the inbox opens on the agent's own unit.
    const agentB = await createTestUser(t.db, tenant, [{ role: 'agent', unitId: f.unitB }]);
    const agentInbox = await t.app.inject({ method: 'GET', url: '/staff/cases', headers: { cookie: await login(agentB) } });
    expect(agentInbox.body).toMatch(/<caption>1 (<!-- -->)?ärende,/);
  });

  it('case page actions work through the forms, with errors shown at the field', async () => {
    const { officer, login, admin } = await setup();
    const c = (await createCase(admin.actor, question({ receivedAt: new Date(Date.now() - 60_000).toISOString() }), { db: t.db })).case;
    const cookie = await login(officer);
    const url = `/staff/cases/${c.id}`;
    const events = `${url}/events`;

    const empty = await submit(events, url, cookie, { kind: 'first_response', body: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#answer-body"');
    expect(empty.body).toContain('id="answer-body"');

    let saturday = addCalendarDays(localDate(new Date()), 1);
    while (new Date(`${saturday}T12:00:00Z`).getUTCDay() !== 6) saturday = addCalendarDays(saturday, 1);
    const weekend = await submit(events, url, cookie, { kind: 'next_feedback_promised', nextFeedbackDate: saturday });
    expect(weekend.statusCode).toBe(400);
    expect(weekend.body).toContain('Välj en arbetsdag');
    const page = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(page.body).not.toContain(`<option value="${saturday}"`);

    expect((await submit(events, url, cookie, { kind: 'first_response', body: 'Vi återkommer.' })).statusCode).toBe(303);
    expect((await submit(events, url, cookie, { kind: 'note', body: 'Ring tillbaka' })).statusCode).toBe(303);
    expect(
      (await submit(events, url, cookie, { kind: 'referred', authority: '', otherAuthority: 'Kronofogden', reason: 'Skulder' })).statusCode,
    ).toBe(303);
    const after = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(after.body).toContain('Vi återkommer.');
    expect(after.body).toContain('Till Kronofogden: Skulder');
    expect(after.body).toContain('internt, visas inte för invånaren');
    expect(after.body).toContain('Öppna ärendet igen');
    expect((await submit(events, url, cookie, { kind: 'reopened', reason: '' })).statusCode).toBe(303);
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie } })).body).toContain('Pågår');
  });

  it('categories page is for admins and validates', async () => {
    const { officer, admin, login, f } = await setup();
    const officerCookie = await login(officer);
    expect((await t.app.inject({ method: 'GET', url: '/staff/categories', headers: { cookie: officerCookie } })).statusCode).toBe(403);
    const cookie = await login(admin);
    const bad = await submit('/staff/categories', '/staff/categories', cookie, { code: 'X Y', name: '', unitId: f.unitB, active: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Ange en kod');
    const dup = await submit('/staff/categories', '/staff/categories', cookie, {
      code: 'cat-a',
      name: 'Dubblett',
      unitId: f.unitB,
      active: 'yes',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.body).toContain('Det finns redan en kategori med den koden.');
    const ok = await submit('/staff/categories', '/staff/categories', cookie, {
      code: 'parkering',
      name: 'Parkering',
      unitId: f.unitB,
      firstResponseDays: '1',
      active: 'yes',
    });
    expect(ok.statusCode).toBe(303);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/categories', headers: admin.auth });
    expect(list.json().categories.find((c: { code: string }) => c.code === 'parkering')).toMatchObject({
      name: 'Parkering',
      unitId: f.unitB,
      firstResponseDays: 1,
    });
  });

  it('unit override of the working days: form and API, admin only', async () => {
    const { admin, officer, login, f, agent } = await setup();
    const cookie = await login(admin);
    const bad = await submit('/staff/categories/unit-days', '/staff/categories', cookie, { unitDaysUnit: f.unitA, unitDays: 'två' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#unitDays"');
    const ok = await submit('/staff/categories/unit-days', '/staff/categories', cookie, { unitDaysUnit: f.unitA, unitDays: '5' });
    expect(ok.statusCode).toBe(303);
    const c = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: agent.auth,
      payload: question({ receivedAt: '2026-03-02T09:00:00+01:00' }),
    });
    expect(c.json().firstResponseDue).toBe('2026-03-09');
    const put = (headers: Record<string, string>, days: number | null) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/org-units/${f.unitA}/first-response-days`,
        headers,
        payload: { firstResponseDays: days },
      });
    expect((await put(officer.auth, 1)).statusCode).toBe(403);
    expect((await put(admin.auth, 0)).json().firstResponseDays).toBe(0);
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: agent.auth,
      payload: question({ receivedAt: '2026-03-02T09:00:00+01:00' }),
    });
    expect(same.json().firstResponseDue).toBe('2026-03-02');
    expect((await put(admin.auth, null)).statusCode).toBe(200);
    const c2 = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: agent.auth,
      payload: question({ receivedAt: '2026-03-02T09:00:00+01:00' }),
    });
    expect(c2.json().firstResponseDue).toBe('2026-03-04');
    // The deadline stored on the first case is not recomputed.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.json().id}`, headers: admin.auth })).json().firstResponseDue).toBe(
      '2026-03-09',
    );
  });

  it('stats page has a chart with the same data as a table, and a CSV export', async () => {
    const { officer, admin, login } = await setup();
    const db = { db: t.db };
    const c = (await createCase(admin.actor, question({ receivedAt: '2026-03-02T09:00:00+01:00' }), db)).case;
    await addCaseEvent(admin.actor, c.id, { kind: 'first_response', body: 'Hej', at: '2026-03-03T10:00:00+01:00' }, db);
    await createCase(admin.actor, question({ receivedAt: '2026-03-02T09:00:00+01:00', category: 'cat-b' }), db);
    const cookie = await login(officer);
    const page = await t.app.inject({ method: 'GET', url: '/staff/stats?from=2026-03-01&to=2026-03-31', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<svg[^>]*role="img"/);
    expect(page.body).toContain('aria-label="Andel besvarade i tid per kategori: Kategori A 100 %, Kategori B 0 %"');
    expect(page.body).not.toContain('<style>');
    expect(page.body).toContain('<caption>Per kategori</caption>');
    expect(page.body).toContain('50\u00a0%');
    const csv = await t.app.inject({ method: 'GET', url: '/staff/stats.csv?from=2026-03-01&to=2026-03-31', headers: { cookie } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('Grupp;Värde;Inkomna;I tid');
    expect(lines[1]).toBe('Totalt;2026-03-01–2026-03-31;2;1;0;1;0;50;1;0;0');
    expect(lines).toContain('Kategori;Kategori B;1;0;0;1;0;0;;0;0');
    const bad = await t.app.inject({ method: 'GET', url: '/staff/stats?from=2026-13-01', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
  });
});
