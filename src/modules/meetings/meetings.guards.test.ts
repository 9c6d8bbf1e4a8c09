// What a meeting may not be saved with (a publication time ahead of now, no board), and two
// secretaries changing one meeting at once.
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
  usingPostgres,
} from '../../../test/helpers.ts';
import { addCalendarDays, localDate } from '../calendar/calendar.ts';
import { createUnit } from '../org/org.service.ts';
import * as repo from './meetings.repo.ts';
import { documentsVerdict } from './meetings.rules.ts';
import { checkMeeting } from './meetings.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

async function setup(): Promise<{ tt: TestTenant; ks: string; build: string; office: string }> {
  const tt = await createTestTenant(t.db);
  const ks = await createUnit(tt.system, { name: 'Kommunstyrelsen', kind: 'board', parentId: tt.rootId }, { db: t.db });
  const build = await createUnit(tt.system, { name: 'Byggnadsnämnden', kind: 'board', parentId: tt.rootId }, { db: t.db });
  const office = await createUnit(tt.system, { name: 'Kansliavdelningen', kind: 'department', parentId: ks.id }, { db: t.db });
  return { tt, ks: ks.id, build: build.id, office: office.id };
}

const inDays = (days: number) => addCalendarDays(localDate(new Date()), days);

describe('publication times ahead of now', () => {
  it('are refused on the API (create and change) with a sentence naming the field', async () => {
    const s = await setup();
    const admin = await createTestUser(t.db, s.tt, [{ role: 'admin' }]);
    const meetingDate = inDays(30);
    const ahead = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: admin.auth,
      payload: { boardUnitId: s.build, meetingDate, documentsPublishedAt: `${inDays(3)} 10:00` },
    });
    expect(ahead.statusCode).toBe(400);
    expect(ahead.json().fields).toEqual([
      { field: 'documentsPublishedAt', message: expect.stringContaining('Tidpunkten ligger i framtiden') },
    ]);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: admin.auth,
      payload: { boardUnitId: s.build, meetingDate },
    });
    expect(created.statusCode).toBe(201);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/meetings/${created.json().id}`,
      headers: admin.auth,
      payload: { minutesApprovedDate: meetingDate, minutesPublishedAt: `${addCalendarDays(meetingDate, 1)} 09:00` },
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().fields[0]).toMatchObject({ field: 'minutesPublishedAt', message: expect.stringContaining('framtiden') });
    const now = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/meetings/${created.json().id}`,
      headers: admin.auth,
      payload: { documentsPublishedAt: new Date().toISOString() },
    });
    expect(now.statusCode).toBe(200);
    expect(now.json().documents.outcome).toBe('met');
  });

  it('are refused by the check the CSV import uses, and a stored one is not counted as on time', () => {
    const board = { id: 'b', name: 'Byggnadsnämnden', kind: 'board', parentId: null } as Parameters<typeof checkMeeting>[1][number];
    const now = new Date('2026-03-01T12:00:00Z');
    const { errors } = checkMeeting(
      { boardUnitId: 'b', meetingDate: '2026-03-20', documentsPublishedAt: '2026-03-10 10:00' },
      [board],
      now,
    );
    expect(errors.map((e) => e.field)).toEqual(['documentsPublishedAt']);
    expect(
      checkMeeting({ boardUnitId: 'b', meetingDate: '2026-03-20', documentsPublishedAt: '2026-03-01 13:00' }, [board], now).errors,
    ).toEqual([]);
    // Stored before the check existed: published "on 10 March", judged on 1 March.
    const v = documentsVerdict(
      { meetingDate: '2026-03-20', documentsPublishedAt: new Date('2026-03-10T09:00:00Z') },
      { daysBefore: 6, today: '2026-03-01' },
    );
    expect(v).toEqual({ deadline: '2026-03-14', outcome: 'pending', publishedDate: null });
  });
});

describe('a meeting without a board', () => {
  it('the form preselects no board, and saving without one is refused with a sentence', async () => {
    const s = await setup();
    // The secretariat under the executive board may write only for it.
    const secretary = await createTestUser(t.db, s.tt, [{ role: 'secretary', unitId: s.office }]);
    const cookie = await loginCookies(t.app, s.tt.tenant.slug, secretary.email, secretary.password);
    const page = await t.app.inject({ method: 'GET', url: '/staff/meetings/new', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<option value="${s.ks}">Kommunstyrelsen</option>`);
    expect(page.body).not.toMatch(/<option[^>]*selected[^>]*>Kommunstyrelsen/);
    const token = await formToken(t.app, '/staff/meetings/new', cookie);
    const f = form({ _csrf: token.csrf, boardUnitId: '', meetingDate: inDays(20) });
    const res = await t.app.inject({
      method: 'POST',
      url: '/staff/meetings/new',
      headers: { cookie: token.cookie, 'content-type': f['content-type'] },
      payload: f.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Välj vilken nämnd sammanträdet hör till.');
    expect(await repo.listMeetings(t.db, s.tt.tenant.id)).toEqual([]);
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: secretary.auth,
      payload: { meetingDate: inDays(20) },
    });
    expect(api.statusCode).toBe(400);
    expect(api.json().fields[0].field).toBe('boardUnitId');
  });
});

describe('two changes of one meeting at once', () => {
  it.skipIf(!usingPostgres)('both are kept: each is applied to the meeting as read under the lock', async () => {
    const s = await setup();
    const admin = await createTestUser(t.db, s.tt, [{ role: 'admin' }]);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/meetings',
      headers: admin.auth,
      payload: { boardUnitId: s.build, meetingDate: '2026-03-12' },
    });
    const id = created.json().id;
    const patch = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'PATCH', url: `/api/v1/meetings/${id}`, headers: admin.auth, payload });
    const results = await Promise.all([
      patch({ documentsPublishedAt: '2026-03-05 10:00' }),
      patch({ title: 'Ordinarie sammanträde' }),
      patch({ registrationNumber: 'BN 2026/1' }),
      patch({ startsAt: '13:00' }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const stored = await repo.findMeeting(t.db, s.tt.tenant.id, id);
    expect(stored).toMatchObject({ title: 'Ordinarie sammanträde', registrationNumber: 'BN 2026/1', startsAt: '13:00' });
    expect(stored?.documentsPublishedAt?.toISOString()).toBe('2026-03-05T09:00:00.000Z');
  });

  it.skipIf(!usingPostgres)('two moves onto one board and date: one 200, the other 409 with a sentence', async () => {
    const s = await setup();
    const admin = await createTestUser(t.db, s.tt, [{ role: 'admin' }]);
    const ids = [];
    for (const meetingDate of ['2026-04-01', '2026-04-02']) {
      ids.push(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/meetings',
            headers: admin.auth,
            payload: { boardUnitId: s.build, meetingDate },
          })
        ).json().id,
      );
    }
    const results = await Promise.all(
      ids.map((id) =>
        t.app.inject({ method: 'PATCH', url: `/api/v1/meetings/${id}`, headers: admin.auth, payload: { meetingDate: '2026-04-09' } }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)?.json().message).toBe('Nämnden har redan ett sammanträde det datumet.');
  });
});
