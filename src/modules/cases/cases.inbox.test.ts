// The officer's inbox: what needs doing first, search, the counts, the resident's news, paging;
// a resident writing on a closed case; reassigning a case away; intake preview and shortcut.
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
import { setUserActive } from '../accounts/accounts.service.ts';
import { tenantCalendar } from '../calendar/calendar.service.ts';
import { localDate } from '../calendar/calendar.ts';
import { caseFixture, question } from './cases.fixtures.ts';
import { parseCaseSearch } from './cases.search.ts';
import { addCaseEvent, addResidentMessage, createCase, listCases } from './cases.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

async function setup() {
  const tenant = await createTestTenant(t.db, 'Inkorgsby kommun');
  const f = await caseFixture(t.db, tenant);
  const officer = await createTestUser(t.db, tenant, [{ role: 'officer', unitId: f.unitA }]);
  const officerB = await createTestUser(t.db, tenant, [{ role: 'officer', unitId: f.unitB }]);
  const agent = await createTestUser(t.db, tenant, [{ role: 'agent', unitId: f.unitA }]);
  const admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
  const login = (u: { email: string; password: string }) => loginCookies(t.app, tenant.tenant.slug, u.email, u.password);
  return { tenant, f, officer, officerB, agent, admin, login };
}

async function submit(url: string, page: string, cookie: string, values: Record<string, string>) {
  const { csrf, cookie: jar } = await formToken(t.app, page, cookie);
  const body = form({ _csrf: csrf, ...values });
  return t.app.inject({ method: 'POST', url, headers: { cookie: jar, 'content-type': body['content-type'] }, payload: body.payload });
}

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
/** Case numbers in the order the inbox lists them. */
const listed = (html: string) =>
  [...html.matchAll(/<th scope="row"><a href="\/staff\/cases\/[0-9a-f-]{36}">([0-9-]+)<\/a>/g)].map((m) => m[1]);
const lastYear = (month: string) => `${new Date().getFullYear() - 1}-${month}T09:00:00+01:00`;

describe('search terms', () => {
  it('reads a case number, a serial, an e-mail, a phone number and words; never passes query syntax through', () => {
    expect(parseCaseSearch('2026-42')).toMatchObject({ caseNumbers: ['2026-00042'] });
    expect(parseCaseSearch('42', 2026)).toMatchObject({ phoneKey: null });
    expect(parseCaseSearch('42', 2026)?.caseNumbers).toEqual(expect.arrayContaining(['2027-00042', '2026-00042', '2017-00042']));
    expect(parseCaseSearch('Anna@Example.se')).toMatchObject({ email: 'anna@example.se' });
    expect(parseCaseSearch('+46 70-123 45 67')?.phoneKey).toBe('701234567');
    expect(parseCaseSearch('070-123 45 67')?.phoneKey).toBe('701234567');
    expect(parseCaseSearch("gatlampa ' & | ! :* ()")?.textQuery).toBe('gatlampa:*');
    expect(parseCaseSearch('   ')).toBeNull();
    expect(parseCaseSearch('x '.repeat(500))?.textQuery?.split(' & ')).toHaveLength(8);
  });
});

describe('inbox', () => {
  it('shows what needs doing first: unanswered by deadline (last year first), then promised feedback, then the rest', async () => {
    const { tenant, officer, admin, login } = await setup();
    const db = { db: t.db };
    const calendar = await tenantCalendar(t.db, tenant.tenant.id);
    const make = async (receivedAt: string) => (await createCase(admin.actor, question({ receivedAt }), db)).case;
    const answeredOld = await make(lastYear('01-05'));
    await addCaseEvent(officer.actor, answeredOld.id, { kind: 'first_response', body: 'Vi tittar på det.' }, db);
    const promised = await make(lastYear('01-06'));
    await addCaseEvent(officer.actor, promised.id, { kind: 'first_response', body: 'Vi tittar på det.' }, db);
    const next = calendar.addWorkingDays(localDate(new Date()), 3);
    await addCaseEvent(officer.actor, promised.id, { kind: 'next_feedback_promised', nextFeedbackDate: next }, db);
    const neverAnswered = await make(lastYear('02-10'));
    const fresh = await make(new Date().toISOString());
    const closed = await make(lastYear('01-02'));
    await addCaseEvent(officer.actor, closed.id, { kind: 'resolved', body: 'Klart.' }, db);

    const cookie = await login(officer);
    const page = await get('/staff/cases', cookie);
    expect(page.statusCode).toBe(200);
    expect(listed(page.body)).toEqual([neverAnswered.caseNumber, fresh.caseNumber, promised.caseNumber, answeredOld.caseNumber]);
    expect(page.body).toContain('sorterade efter det som ska göras först');
    expect(page.body).toContain(`${next} (utlovad)`);
    // The other orders.
    expect(listed((await get('/staff/cases?sort=due', cookie)).body)[0]).toBe(answeredOld.caseNumber);
    expect(listed((await get('/staff/cases?sort=received', cookie)).body)[0]).toBe(fresh.caseNumber);
    // The closed case was the last one acted on.
    expect(listed((await get('/staff/cases?sort=activity&status=all', cookie)).body)[0]).toBe(closed.caseNumber);
    // Paging is bounded and by page.
    const paged = await listCases(officer.actor, { status: 'open', sort: 'priority', page: 2, pageSize: 3 }, db);
    expect(paged.items.map((c) => c.caseNumber)).toEqual([answeredOld.caseNumber]);
    expect(paged.total).toBe(4);
    for (const q of ['page=1e308', 'page=-5', 'sort=DROP', 'only=x', 'status[]=a', `q=${'å'.repeat(400)}`]) {
      expect((await get(`/staff/cases?${q}`, cookie)).statusCode).toBe(200);
    }
    // A NUL byte is refused at the edge (src/http/input.ts) with a message, as everywhere.
    const nul = await get('/staff/cases?q=%00', cookie);
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain('NUL');
  });

  it('searches by case number, name, e-mail, phone and words of the text, within the units the officer covers', async () => {
    const { tenant, officer, admin, login } = await setup();
    const db = { db: t.db };
    const lamp = (
      await createCase(
        admin.actor,
        question({
          message: 'Gatlampan på Storgatan är trasig.',
          contact: { name: 'Åsa Lind', email: 'asa.lind@example.se', phone: '070-123 45 67' },
        }),
        db,
      )
    ).case;
    const other = (await createCase(admin.actor, question({ message: 'När töms soporna?', contact: { name: 'Bo Ek' } }), db)).case;
    const elsewhere = (await createCase(admin.actor, question({ category: 'cat-b', message: 'Gatlampan vid skolan.' }), db)).case;
    const cookie = await login(officer);
    const search = async (q: string) => listed((await get(`/staff/cases?status=all&q=${encodeURIComponent(q)}`, cookie)).body);
    expect(await search(lamp.caseNumber)).toEqual([lamp.caseNumber]);
    expect(await search(String(Number(lamp.caseNumber.slice(5))))).toEqual([lamp.caseNumber]);
    expect(await search('åsa')).toEqual([lamp.caseNumber]);
    expect(await search('ASA.LIND@example.se')).toEqual([lamp.caseNumber]);
    expect(await search('+46 70 123 45 67')).toEqual([lamp.caseNumber]);
    expect(await search('gatlamp storg')).toEqual([lamp.caseNumber]);
    expect(await search('sopor')).toEqual([other.caseNumber]);
    // Unit B's case is not the officer's, even though its text matches.
    expect(await search('gatlampan')).not.toContain(elsewhere.caseNumber);
    expect(await search("' OR 1=1 --")).toEqual([]);
    const page = await get('/staff/cases?q=%C3%A5sa', cookie);
    expect(page.body).toContain('1 ärende som matchar ”åsa”');
    expect(page.body).toContain('value="åsa"');
    // The API searches the same way, and refuses an over-long query with a 400.
    const api = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases?q=${encodeURIComponent('åsa lind')}&status=open&sort=received`,
      headers: officer.auth,
    });
    expect(api.statusCode).toBe(200);
    expect(api.json().items.map((c: { caseNumber: string }) => c.caseNumber)).toEqual([lamp.caseNumber]);
    expect(api.json().items[0].residentWroteAt).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases?q=${'a'.repeat(201)}`, headers: officer.auth })).statusCode).toBe(400);
    expect(tenant.tenant.id).toBeTruthy();
  });

  it('counts what is due today, overdue and has news from the resident; marks and filters them; an answer clears the mark', async () => {
    const { officer, admin, login } = await setup();
    const db = { db: t.db };
    const overdue = (await createCase(admin.actor, question({ receivedAt: lastYear('03-03') }), db)).case;
    const today = (await createCase(admin.actor, question(), db)).case;
    await addCaseEvent(admin.actor, today.id, { kind: 'deadline_changed', newDueDate: localDate(new Date()), reason: 'Test' }, db);
    const { case: wrote, trackingToken } = await createCase(admin.actor, question(), db);
    await addResidentMessage(t.db, officer.actor.tenantId, trackingToken, 'Jag har en bild också.');
    const cookie = await login(officer);
    const page = await get('/staff/cases', cookie);
    expect(page.body).toContain('>1 förfaller idag</a>');
    expect(page.body).toContain('>1 försenade</a>');
    expect(page.body).toContain('>1 med nytt från invånaren</a>');
    expect(page.body).toMatch(new RegExp(`${wrote.caseNumber}</a> <span class="badge">Nytt från invånaren</span>`));
    expect(listed((await get('/staff/cases?only=resident', cookie)).body)).toEqual([wrote.caseNumber]);
    expect(listed((await get('/staff/cases?only=overdue', cookie)).body)).toEqual([overdue.caseNumber]);
    expect(listed((await get('/staff/cases?only=due_today', cookie)).body)).toEqual([today.caseNumber]);
    // An internal note is not an answer; a reply to the resident is.
    await addCaseEvent(officer.actor, wrote.id, { kind: 'note', body: 'Ringer imorgon.' }, db);
    expect((await get('/staff/cases', cookie)).body).toContain('>1 med nytt från invånaren</a>');
    await addCaseEvent(officer.actor, wrote.id, { kind: 'first_response', body: 'Tack för bilden.' }, db);
    const after = await get('/staff/cases', cookie);
    expect(after.body).toContain('>0 med nytt från invånaren</a>');
    expect(after.body).not.toContain('<span class="badge">');
  });
});

describe('a resident writing on a closed case', () => {
  it('reopens the case, e-mails the officers of its unit (not others) and shows it in the inbox', async () => {
    const { tenant, officer, officerB, admin, login } = await setup();
    const db = { db: t.db };
    const { case: c, trackingToken } = await createCase(admin.actor, question({ contact: { email: 'inv@example.se' } }), db);
    await addCaseEvent(officer.actor, c.id, { kind: 'resolved', body: 'Klart.' }, db);
    const page = `/${tenant.tenant.slug}/cases/track/${trackingToken}`;
    const track = await t.app.inject({ method: 'GET', url: page });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(track.body)?.[1] ?? '';
    const cookie = track.cookies.map((k) => `${k.name}=${k.value}`).join('; ');
    const res = await t.app.inject({
      method: 'POST',
      url: page,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, text: 'Lampan är trasig igen.' }).toString(),
    });
    expect(res.statusCode).toBe(303);
    const row = await t.db
      .selectFrom('cases')
      .select(['status', 'resolved_at', 'resident_wrote_at'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'in_progress', resolved_at: null });
    expect(row.resident_wrote_at).not.toBeNull();
    const events = await t.db
      .selectFrom('case_events')
      .select(['kind', 'visible_to_resident'])
      .where('case_id', '=', c.id)
      .orderBy('at')
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['received', 'resolved', 'resident_message', 'reopened']);
    const mails = await t.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'body'])
      .where('ref_id', '=', c.id)
      .where('kind', '=', 'case_reopened_by_resident')
      .execute();
    expect(mails.map((m) => m.to_address)).toEqual([officer.email]);
    expect(mails[0].subject).toContain(c.caseNumber);
    expect(mails[0].body).toContain(`/staff/cases/${c.id}`);
    expect(mails[0].body).not.toContain('Lampan är trasig igen.');
    expect(mails.map((m) => m.to_address)).not.toContain(officerB.email);
    const inbox = await get('/staff/cases', await login(officer));
    expect(listed(inbox.body)).toContain(c.caseNumber);
    expect(inbox.body).toContain('<span class="badge">Nytt från invånaren</span>');
    // On an open case, a message marks it but neither reopens nor e-mails again.
    await addResidentMessage(t.db, tenant.tenant.id, trackingToken, 'Och en sak till.');
    expect(
      (
        await t.db
          .selectFrom('mail_outbox')
          .select('id')
          .where('ref_id', '=', c.id)
          .where('kind', '=', 'case_reopened_by_resident')
          .execute()
      ).length,
    ).toBe(1);
  });
});

describe('a resident writing on a closed case of a unit without active officers', () => {
  it('e-mails the administrators instead', async () => {
    const { tenant, officerB, admin } = await setup();
    const db = { db: t.db };
    const { case: c, trackingToken } = await createCase(admin.actor, question({ category: 'cat-b' }), db);
    await addCaseEvent(officerB.actor, c.id, { kind: 'resolved', body: 'Klart.' }, db);
    await setUserActive(tenant.system, officerB.id, false, db);
    const view = await addResidentMessage(t.db, tenant.tenant.id, trackingToken, 'Det är inte klart.');
    expect(view).toMatchObject({ status: 'in_progress', reopened: true });
    const mails = await t.db
      .selectFrom('mail_outbox')
      .select('to_address')
      .where('ref_id', '=', c.id)
      .where('kind', '=', 'case_reopened_by_resident')
      .execute();
    expect(mails.map((m) => m.to_address)).toEqual([admin.email]);
  });
});

describe('reassigning', () => {
  it('to a unit the officer does not cover lands on the inbox with a message, not a 404', async () => {
    const { f, officer, admin, login } = await setup();
    const c = (await createCase(admin.actor, question(), { db: t.db })).case;
    const cookie = await login(officer);
    const res = await submit(`/staff/cases/${c.id}/events`, `/staff/cases/${c.id}`, cookie, {
      kind: 'reassigned',
      unitId: f.unitB,
      reason: 'Fel enhet',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/staff/cases');
    const inbox = await get('/staff/cases', mergeSet(cookie, res));
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).toContain(`Ärende ${c.caseNumber} har flyttats till Förvaltning B. Du har inte längre tillgång till det.`);
  });
});

describe('intake ("Ny kontakt")', () => {
  it('shows the owning unit and the due date before saving, and stores nothing', async () => {
    const { tenant, agent, login } = await setup();
    const cookie = await login(agent);
    const res = await submit('/staff/cases/new', '/staff/cases/new', cookie, {
      action: 'preview',
      channel: 'phone',
      type: 'question',
      category: 'cat-a',
      message: 'Hej',
      receivedAt: '2026-12-01T10:00',
      language: 'sv',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Ansvarig: Enhet A1. Återkoppling senast torsdag 3 december 2026 (2 arbetsdagar).');
    expect(res.body).toContain('>Hej</textarea>');
    const n = await t.db.selectFrom('cases').select('id').where('tenant_id', '=', tenant.tenant.id).execute();
    expect(n).toHaveLength(0);
    const json = await get('/staff/cases/new/preview?category=cat-b&receivedAt=2026-12-04T16:00', cookie);
    expect(json.json()).toEqual({ text: 'Ansvarig: Förvaltning B. Återkoppling senast tisdag 8 december 2026 (2 arbetsdagar).' });
    expect((await get('/staff/cases/new/preview?category=nope', cookie)).json()).toEqual({ text: '' });
  });

  it('every staff page offers Ny kontakt on an access key, announced in the menu', async () => {
    const { agent, login } = await setup();
    const cookie = await login(agent);
    for (const url of ['/staff', '/staff/cases', '/staff/account']) {
      const page = await get(url, cookie);
      expect(page.body).toMatch(
        /<a href="\/staff\/cases\/new"[^>]* accesskey="n" aria-keyshortcuts="Alt\+N Alt\+Shift\+N Control\+Alt\+N"/,
      );
      expect(page.body).toContain('Ny kontakt<span class="shortcut"> (snabbtangent N)</span>');
    }
  });
});

function mergeSet(cookie: string, res: { cookies: { name: string; value: string }[] }): string {
  const map = new Map(cookie.split(/;\s*/).map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as const));
  for (const c of res.cookies) map.set(c.name, c.value);
  return [...map].map(([k, v]) => `${k}=${v}`).join('; ');
}
