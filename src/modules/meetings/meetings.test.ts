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
import { stockholmInstant } from '../calendar/local-time.ts';
import { createUnit } from '../org/org.service.ts';
import * as repo from './meetings.repo.ts';
import { listMeetings, meetingDocumentOutcomes, meetingMinutesOutcomes } from './meetings.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

interface Setup {
  tt: TestTenant;
  build: string;
  tech: string;
  administration: string;
}

/** A tenant with two boards and an administration under the first. */
async function setup(): Promise<Setup> {
  const tt = await createTestTenant(t.db);
  const build = await createUnit(tt.system, { name: 'Byggnadsnämnden', kind: 'board', parentId: tt.rootId }, { db: t.db });
  const tech = await createUnit(tt.system, { name: 'Tekniska nämnden', kind: 'board', parentId: tt.rootId }, { db: t.db });
  const administration = await createUnit(
    tt.system,
    { name: 'Samhällsbyggnadsförvaltningen', kind: 'administration', parentId: build.id },
    { db: t.db },
  );
  return { tt, build: build.id, tech: tech.id, administration: administration.id };
}

const at = (date: string, time = '10:00') => stockholmInstant(date, time);

describe('meetings API', () => {
  it('a secretary of the board registers a meeting (201) with its verdicts; readers can read it', async () => {
    const s = await setup();
    const secretary = await createTestUser(t.db, s.tt, [{ role: 'secretary', unitId: s.build }]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: secretary.auth,
      payload: {
        boardUnitId: s.build,
        meetingDate: '2026-03-12',
        startsAt: '13:00',
        title: 'Ordinarie sammanträde',
        documentsPublishedAt: '2026-03-06 16:30',
        minutesApprovedDate: '2026-03-16',
        minutesPublishedAt: '2026-03-18T08:00:00+01:00',
      },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      boardUnitId: s.build,
      boardName: 'Byggnadsnämnden',
      meetingDate: '2026-03-12',
      startsAt: '13:00',
      documentsPublishedAt: '2026-03-06T15:30:00.000Z',
      documents: { deadline: '2026-03-06', outcome: 'met', daysBefore: 6, publishedDate: '2026-03-06' },
      minutes: { deadline: '2026-03-17', outcome: 'missed', publishedDate: '2026-03-18', workingDaysAfter: 2 },
    });
    const reader = await createTestUser(t.db, s.tt, [{ role: 'reader' }]);
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${body.id}`, headers: reader.auth });
    expect(one.statusCode).toBe(200);
    expect(one.json().title).toBe('Ordinarie sammanträde');
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/meetings?board=${s.tech}`, headers: reader.auth });
    expect(list.json().meetings).toHaveLength(0);
    const ranged = await t.app.inject({ method: 'GET', url: '/api/v1/meetings?from=2026-03-01&to=2026-03-31', headers: reader.auth });
    expect(ranged.json().meetings.map((m: { id: string }) => m.id)).toEqual([body.id]);
  });

  it('rejects bad input with field errors (400) and stores nothing', async () => {
    const s = await setup();
    const admin = await createTestUser(t.db, s.tt, [{ role: 'admin' }]);
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/meetings', headers: admin.auth, payload });
    const missing = await post({ boardUnitId: s.build });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields.map((f: { field: string }) => f.field)).toContain('meetingDate');

    const wrong = await post({
      boardUnitId: s.administration,
      meetingDate: '2026-02-30',
      documentsPublishedAt: 'förra veckan',
      minutesPublishedAt: '2026-03-01 10:00',
    });
    expect(wrong.statusCode).toBe(400);
    const fields = wrong.json().fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['boardUnitId', 'meetingDate', 'documentsPublishedAt', 'minutesApprovedDate']));

    const order = await post({
      boardUnitId: s.build,
      meetingDate: '2026-03-12',
      minutesApprovedDate: '2026-03-16',
      minutesPublishedAt: '2026-03-15 10:00',
    });
    expect(order.statusCode).toBe(400);
    expect(order.json().fields).toEqual([{ field: 'minutesPublishedAt', message: 'Protokollet kan inte publiceras före justeringen.' }]);
    const early = await post({ boardUnitId: s.build, meetingDate: '2026-03-12', minutesApprovedDate: '2026-03-11' });
    expect(early.json().fields[0].field).toBe('minutesApprovedDate');
    expect(await repo.listMeetings(t.db, s.tt.tenant.id)).toHaveLength(0);
  });

  it('a second meeting of a board on the same date is a conflict (409)', async () => {
    const s = await setup();
    const admin = await createTestUser(t.db, s.tt, [{ role: 'admin' }]);
    const payload = { boardUnitId: s.build, meetingDate: '2026-04-14' };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/meetings', headers: admin.auth, payload })).statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/meetings', headers: admin.auth, payload });
    expect(again.statusCode).toBe(409);
    expect(again.json().fields[0].field).toBe('meetingDate');
  });

  it('writes need secretary for the board or admin: reader 403, other board 403, anonymous 401', async () => {
    const s = await setup();
    const reader = await createTestUser(t.db, s.tt, [{ role: 'reader' }]);
    const secretary = await createTestUser(t.db, s.tt, [{ role: 'secretary', unitId: s.build }]);
    const payload = { boardUnitId: s.tech, meetingDate: '2026-05-05' };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/meetings', headers: reader.auth, payload })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/meetings', headers: secretary.auth, payload })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/meetings', payload })).statusCode).toBe(401);
    // A secretary in the board's administration covers the board.
    const office = await createTestUser(t.db, s.tt, [{ role: 'secretary', unitId: s.administration }]);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: office.auth,
      payload: { boardUnitId: s.build, meetingDate: '2026-05-05' },
    });
    expect(ok.statusCode).toBe(201);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/meetings/${ok.json().id}`,
      headers: reader.auth,
      payload: { title: 'X' },
    });
    expect(patch.statusCode).toBe(403);
  });

  it('PATCH records publication and justering; a meeting of another tenant is 404', async () => {
    const s = await setup();
    const other = await setup();
    const admin = await createTestUser(t.db, s.tt, [{ role: 'admin' }]);
    const otherAdmin = await createTestUser(t.db, other.tt, [{ role: 'admin' }]);
    const created = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/meetings',
        headers: admin.auth,
        payload: { boardUnitId: s.build, meetingDate: '2026-06-18' },
      })
    ).json();
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/meetings/${created.id}`,
      headers: admin.auth,
      payload: { documentsPublishedAt: '2026-06-08T09:00:00Z', minutesApprovedDate: '2026-06-18', minutesPublishedAt: '2026-06-22 09:00' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      meetingDate: '2026-06-18',
      documents: { outcome: 'met', daysBefore: 10 },
      minutes: { deadline: '2026-06-22', outcome: 'met' },
    });
    const cleared = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/meetings/${created.id}`,
      headers: admin.auth,
      payload: { minutesPublishedAt: null },
    });
    expect(cleared.json(), cleared.body).toMatchObject({ minutesPublishedAt: null });
    for (const method of ['GET', 'PATCH'] as const) {
      const res = await t.app.inject({
        method,
        url: `/api/v1/meetings/${created.id}`,
        headers: otherAdmin.auth,
        payload: method === 'PATCH' ? { title: 'Kapad' } : undefined,
      });
      expect(res.statusCode).toBe(404);
    }
    // Nor can a meeting be moved to another tenant's board.
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/meetings/${created.id}`,
      headers: admin.auth,
      payload: { boardUnitId: other.build },
    });
    expect(moved.statusCode).toBe(400);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/meetings', '/api/v1/meetings/{id}']));
  });
});

describe('outcomes for the promises module', () => {
  it('documents: met, missed and pending by deadline in [from, to], filtered by board', async () => {
    const s = await setup();
    const id = s.tt.tenant.id;
    await repo.insertMeetings(t.db, id, [
      { boardUnitId: s.build, meetingDate: '2026-03-12', documentsPublishedAt: at('2026-03-06') }, // deadline 03-06, met
      { boardUnitId: s.build, meetingDate: '2026-03-26', documentsPublishedAt: at('2026-03-21') }, // deadline 03-20, missed
      { boardUnitId: s.tech, meetingDate: '2026-03-24' }, // deadline 03-18, unpublished: missed after it
      { boardUnitId: s.tech, meetingDate: '2026-04-06' }, // deadline 03-31, pending on 03-25
      { boardUnitId: s.build, meetingDate: '2026-04-10' }, // deadline 04-04: outside the range
    ]);
    const rows = await meetingDocumentOutcomes(t.db, id, { from: '2026-03-01', to: '2026-03-31', daysBefore: 6, today: '2026-03-25' });
    expect(rows.map((r) => [r.meetingDate, r.deadline, r.outcome, r.publishedDate])).toEqual([
      ['2026-03-12', '2026-03-06', 'met', '2026-03-06'],
      ['2026-03-24', '2026-03-18', 'missed', null],
      ['2026-03-26', '2026-03-20', 'missed', '2026-03-21'],
      ['2026-04-06', '2026-03-31', 'pending', null],
    ]);
    expect(rows[0]).toMatchObject({ boardUnitId: s.build, boardName: 'Byggnadsnämnden' });
    const tech = await meetingDocumentOutcomes(t.db, id, {
      from: '2026-03-01',
      to: '2026-03-31',
      daysBefore: 6,
      boardUnitIds: [s.tech],
      today: '2026-03-25',
    });
    expect(tech.map((r) => r.outcome)).toEqual(['missed', 'pending']);
    // Another tenant sees none of them.
    const other = await setup();
    expect(await meetingDocumentOutcomes(t.db, other.tt.tenant.id, { from: '2026-03-01', to: '2026-03-31', daysBefore: 6 })).toEqual([]);
  });

  it('minutes: deadline in working days after justering, across Easter', async () => {
    const s = await setup();
    const id = s.tt.tenant.id;
    await repo.insertMeetings(t.db, id, [
      { boardUnitId: s.build, meetingDate: '2026-03-26', minutesApprovedDate: '2026-04-02', minutesPublishedAt: at('2026-04-07') }, // → 04-07 met
      { boardUnitId: s.build, meetingDate: '2026-04-09', minutesApprovedDate: '2026-04-14', minutesPublishedAt: at('2026-04-16') }, // → 04-15 missed
      { boardUnitId: s.tech, meetingDate: '2026-04-20', minutesApprovedDate: '2026-04-24' }, // → 04-27 pending on 04-27
      { boardUnitId: s.tech, meetingDate: '2026-04-22' }, // not approved: no deadline, not measured
      { boardUnitId: s.tech, meetingDate: '2026-03-20', minutesApprovedDate: '2026-03-30', minutesPublishedAt: at('2026-03-30') }, // → 03-31: outside
    ]);
    const rows = await meetingMinutesOutcomes(t.db, id, { from: '2026-04-01', to: '2026-04-30', workingDays: 1, today: '2026-04-27' });
    expect(rows.map((r) => [r.meetingDate, r.deadline, r.outcome, r.publishedDate])).toEqual([
      ['2026-03-26', '2026-04-07', 'met', '2026-04-07'],
      ['2026-04-09', '2026-04-15', 'missed', '2026-04-16'],
      ['2026-04-20', '2026-04-27', 'pending', null],
    ]);
    const later = await meetingMinutesOutcomes(t.db, id, { from: '2026-04-01', to: '2026-04-30', workingDays: 1, today: '2026-04-28' });
    expect(later[2].outcome).toBe('missed');
  });
});

const CSV_OK = [
  'nämnd;datum;handlingar_publicerade;justerad;protokoll_publicerat',
  'Byggnadsnämnden;2026-01-20;2026-01-12 14:00;2026-01-23;2026-01-23 15:00',
  'Byggnadsnämnden;2026-02-17;2026-02-12 09:00;2026-02-20;2026-02-25 10:00',
  'tekniska nämnden;2026-02-18;2026-02-10;;',
].join('\n');

describe('staff pages', () => {
  async function secretaryCookie(s: Setup, unitId: string | null) {
    const user = await createTestUser(t.db, s.tt, [{ role: 'secretary', unitId }]);
    return loginCookies(t.app, s.tt.tenant.slug, user.email, user.password);
  }

  it('CSV import stores every row, and a re-import updates instead of duplicating', async () => {
    const s = await setup();
    const cookie = await secretaryCookie(s, null);
    const post = async (csv: string) => {
      const token = await formToken(t.app, '/staff/meetings/import', cookie);
      const f = form({ _csrf: token.csrf, csv });
      return t.app.inject({
        method: 'POST',
        url: '/staff/meetings/import',
        headers: { cookie: token.cookie, 'content-type': f['content-type'] },
        payload: f.payload,
      });
    };
    const first = await post(CSV_OK);
    expect(first.statusCode).toBe(303);
    const stored = await repo.listMeetings(t.db, s.tt.tenant.id);
    expect(stored.map((m) => [m.boardName, m.meetingDate, m.minutesApprovedDate])).toEqual([
      ['Byggnadsnämnden', '2026-01-20', '2026-01-23'],
      ['Byggnadsnämnden', '2026-02-17', '2026-02-20'],
      ['Tekniska nämnden', '2026-02-18', null],
    ]);
    expect(stored[0].documentsPublishedAt?.toISOString()).toBe('2026-01-12T13:00:00.000Z');
    const page = await t.app.inject({ method: 'GET', url: '/staff/meetings?year=2026', headers: { cookie } });
    expect(page.body).toContain('3 nya och 0 uppdaterade');
    expect(page.body).toContain('För sent – 3 arbetsdagar efter justeringen');

    // Same meetings again, with the late minutes corrected, comma-separated and English headers.
    const second = await post(['board,meeting_date,minutes_published_at', 'Byggnadsnämnden,2026-02-17,2026-02-20 16:00'].join('\n'));
    expect(second.statusCode).toBe(303);
    const again = await repo.listMeetings(t.db, s.tt.tenant.id);
    expect(again).toHaveLength(3);
    expect(again[1].minutesPublishedAt?.toISOString()).toBe('2026-02-20T15:00:00.000Z');
    // Columns absent from the file keep their values.
    expect(again[1].documentsPublishedAt?.toISOString()).toBe(stored[1].documentsPublishedAt?.toISOString());
    expect(await post(CSV_OK).then((r) => r.statusCode)).toBe(303);
    expect(await repo.listMeetings(t.db, s.tt.tenant.id)).toHaveLength(3);
  });

  it('a file with one bad row stores nothing and names the row', async () => {
    const s = await setup();
    const cookie = await secretaryCookie(s, s.build);
    const csv = [
      'nämnd;datum;handlingar_publicerade;justerad;protokoll_publicerat',
      'Byggnadsnämnden;2026-01-20;2026-01-12 14:00;2026-01-23;2026-01-23 15:00',
      'Byggnadsnämnden;2026-02-17;2026-02-12 09:00;2026-02-16;2026-02-25 10:00',
      'Byggnadsnämnden;2026-13-01;;;',
      'Tekniska nämnden;2026-03-10;;;',
      'Okänd nämnd;2026-03-10;;;',
    ].join('\n');
    const token = await formToken(t.app, '/staff/meetings/import', cookie);
    const f = form({ _csrf: token.csrf, csv });
    const res = await t.app.inject({
      method: 'POST',
      url: '/staff/meetings/import',
      headers: { cookie: token.cookie, 'content-type': f['content-type'] },
      payload: f.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Rad 3: Protokollet kan inte justeras före sammanträdet.');
    expect(res.body).toContain('Rad 4: Sammanträdesdatumet finns inte i kalendern.');
    expect(res.body).toContain('Rad 5: du får inte registrera sammanträden för Tekniska nämnden.');
    expect(res.body).toContain('Rad 6: nämnden &quot;Okänd nämnd&quot; finns inte');
    expect(res.body).not.toContain('Rad 2:');
    // What was typed is kept for correction.
    expect(res.body).toContain('Byggnadsnämnden;2026-01-20');
    expect(await repo.listMeetings(t.db, s.tt.tenant.id)).toHaveLength(0);
  });

  it('a file with unknown columns is rejected at the header', async () => {
    const s = await setup();
    const cookie = await secretaryCookie(s, null);
    const token = await formToken(t.app, '/staff/meetings/import', cookie);
    const f = form({ _csrf: token.csrf, csv: 'nämnd;när\nByggnadsnämnden;2026-01-01' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/staff/meetings/import',
      headers: { cookie: token.cookie, 'content-type': f['content-type'] },
      payload: f.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('okänd kolumn &quot;när&quot;');
    expect(res.body).toContain('kolumnen &quot;datum&quot; saknas');
  });

  it('the form registers and edits a meeting; errors re-render the form with 400', async () => {
    const s = await setup();
    const cookie = await secretaryCookie(s, s.build);
    const token = await formToken(t.app, '/staff/meetings/new', cookie);
    const bad = form({ _csrf: token.csrf, boardUnitId: s.build, meetingDate: '2026-09-15', minutesPublishedAt: '2026-09-20T10:00' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/staff/meetings/new',
      headers: { cookie: token.cookie, 'content-type': bad['content-type'] },
      payload: bad.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Ange justeringsdatum när protokollet är publicerat.');
    expect(res.body).toContain('value="2026-09-20T10:00"');

    const good = form({
      _csrf: token.csrf,
      boardUnitId: s.build,
      meetingDate: '2026-09-15',
      startsAt: '13:00',
      documentsPublishedAt: '2026-09-07T10:00',
    });
    const created = await t.app.inject({
      method: 'POST',
      url: '/staff/meetings/new',
      headers: { cookie: token.cookie, 'content-type': good['content-type'] },
      payload: good.payload,
    });
    expect(created.statusCode).toBe(303);
    const [meeting] = await listMeetings(s.tt.system, {}, { db: t.db });
    expect(meeting).toMatchObject({ meetingDate: '2026-09-15', startsAt: '13:00', documents: { outcome: 'met', daysBefore: 8 } });

    const edit = await formToken(t.app, `/staff/meetings/${meeting.id}`, cookie);
    const page = await t.app.inject({ method: 'GET', url: `/staff/meetings/${meeting.id}`, headers: { cookie } });
    expect(page.body).toContain('value="2026-09-07T10:00"');
    const update = form({
      _csrf: edit.csrf,
      boardUnitId: s.build,
      meetingDate: '2026-09-15',
      startsAt: '13:00',
      documentsPublishedAt: '2026-09-07T10:00',
      minutesApprovedDate: '2026-09-18',
      minutesPublishedAt: '2026-09-21T09:00',
    });
    const saved = await t.app.inject({
      method: 'POST',
      url: `/staff/meetings/${meeting.id}`,
      headers: { cookie: edit.cookie, 'content-type': update['content-type'] },
      payload: update.payload,
    });
    expect(saved.statusCode).toBe(303);
    const list = await t.app.inject({ method: 'GET', url: `/staff/meetings?board=${s.build}&year=2026`, headers: { cookie } });
    expect(list.body).toContain('I tid – 1 arbetsdag efter justeringen');
    expect(list.body).toContain('href="/staff/meetings"');
  });

  it('the menu shows Sammanträden to secretaries, not to officers', async () => {
    const s = await setup();
    const cookie = await secretaryCookie(s, s.build);
    const home = await t.app.inject({ method: 'GET', url: '/staff/meetings', headers: { cookie } });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Registrera ett sammanträde');
    const officer = await createTestUser(t.db, s.tt, [{ role: 'officer', unitId: s.build }]);
    const officerCookie = await loginCookies(t.app, s.tt.tenant.slug, officer.email, officer.password);
    const page = await t.app.inject({ method: 'GET', url: '/staff', headers: { cookie: officerCookie } });
    expect(page.body).not.toContain('href="/staff/meetings"');
  });
});

describe('public page and open data', () => {
  async function published() {
    const s = await setup();
    await repo.insertMeetings(t.db, s.tt.tenant.id, [
      // Documents 8 days before, minutes the day of justering: both on time.
      {
        boardUnitId: s.build,
        meetingDate: '2026-03-12',
        documentsPublishedAt: at('2026-03-04'),
        minutesApprovedDate: '2026-03-16',
        minutesPublishedAt: at('2026-03-16', '15:00'),
      },
      // Documents 4 days before, minutes 3 working days after justering: both late.
      {
        boardUnitId: s.build,
        meetingDate: '2026-04-14',
        documentsPublishedAt: at('2026-04-10'),
        minutesApprovedDate: '2026-04-17',
        minutesPublishedAt: at('2026-04-22'),
      },
      { boardUnitId: s.tech, meetingDate: '2025-11-11', documentsPublishedAt: at('2025-11-03') },
    ]);
    return s;
  }

  it('renders in Swedish, Finnish and English with the verdicts in words', async () => {
    const s = await published();
    const url = `/${s.tt.tenant.slug}/meetings?year=2026`;
    const sv = await t.app.inject({ method: 'GET', url: `${url}&lang=sv` });
    expect(sv.statusCode).toBe(200);
    expect(sv.body).toContain('<html lang="sv"');
    expect(sv.body).toContain('Nämndernas sammanträden 2026');
    expect(sv.body).toContain('I tid – 8 dagar före');
    expect(sv.body).toContain('För sent – 4 dagar före (senast 8 apr. 2026)');
    expect(sv.body).toContain('I tid – samma dag som justeringen');
    expect(sv.body).toContain('För sent – 3 arbetsdagar efter justeringen');
    expect(sv.body).toContain('Handlingar i tid: 1 av 2 sammanträden.');
    expect(sv.body).not.toContain('Tekniska nämnden');
    const fi = await t.app.inject({ method: 'GET', url: `${url}&lang=fi` });
    expect(fi.body).toContain('<html lang="fi"');
    expect(fi.body).toContain('Ajallaan – 8 päivää ennen kokousta');
    expect(fi.body).toContain('Myöhässä – 3 työpäivää tarkastuksen jälkeen');
    const en = await t.app.inject({ method: 'GET', url: `${url}&lang=en` });
    expect(en.body).toContain('On time – 8 days before');
    expect(en.body).toContain('Late – 4 days before (due by 8 Apr 2026)');
    expect(en.body).toContain('<caption lang="sv">Byggnadsnämnden 2026</caption>');
    expect(en.body).not.toMatch(/<script/);
    const last = await t.app.inject({ method: 'GET', url: `/${s.tt.tenant.slug}/meetings?year=2025&lang=sv` });
    expect(last.body).toContain('Tekniska nämnden');
    expect(last.body).toContain('Protokollet är inte justerat ännu');
  });

  it('the same data as JSON and CSV; the portal home and unknown tenants are unaffected', async () => {
    const s = await published();
    const json = await t.app.inject({ method: 'GET', url: `/${s.tt.tenant.slug}/meetings.json?year=2026` });
    expect(json.statusCode).toBe(200);
    const data = json.json();
    expect(data.rules).toEqual({ documentsDaysBefore: 6, minutesWorkingDaysAfterApproval: 1 });
    expect(data.boards).toHaveLength(1);
    expect(
      data.boards[0].meetings.map((m: { date: string; documentsOutcome: string; minutesOutcome: string }) => [
        m.date,
        m.documentsOutcome,
        m.minutesOutcome,
      ]),
    ).toEqual([
      ['2026-03-12', 'met', 'met'],
      ['2026-04-14', 'missed', 'missed'],
    ]);
    const csv = await t.app.inject({ method: 'GET', url: `/${s.tt.tenant.slug}/meetings.csv?year=2026` });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toContain('board,boardId,id,date');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('Byggnadsnämnden');
    expect(lines[2]).toContain(',missed,');
    expect((await t.app.inject({ method: 'GET', url: `/${s.tt.tenant.slug}` })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/no-such-town/meetings' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/no-such-town/meetings.json' })).statusCode).toBe(404);
  });
});
