import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, createTestUser, type TestContext } from '../../../test/helpers.ts';
import { tenantCalendar } from '../calendar/calendar.service.ts';
import { addCalendarDays, localDate } from '../calendar/calendar.ts';
import { caseFixture, question } from './cases.fixtures.ts';
import { addResidentMessage, createCase, findCaseByTrackingToken } from './cases.service.ts';

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
  const officer = await createTestUser(t.db, tenant, [{ role: 'officer', unitId: f.unitA }]);
  const quality = await createTestUser(t.db, tenant, [{ role: 'quality' }]);
  const admin = await createTestUser(t.db, tenant, [{ role: 'admin' }]);
  const created = await createCase(
    officer.actor,
    question({ contact: { email: 'r@example.se' }, receivedAt: new Date(Date.now() - 3600_000).toISOString() }),
    { db: t.db },
  );
  return { tenant, f, officer, quality, admin, c: created.case, token: created.trackingToken };
}

const act = (id: string, headers: Record<string, string>, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/events`, headers, payload });
const mailKinds = async (caseId: string) =>
  (await t.db.selectFrom('mail_outbox').select('kind').where('ref_id', '=', caseId).orderBy('created_at').execute()).map((m) => m.kind);
async function nextWorkingDay(tenantId: string, after: string) {
  const cal = await tenantCalendar(t.db, tenantId);
  let d = addCalendarDays(after, 1);
  while (!cal.isWorkingDay(d)) d = addCalendarDays(d, 1);
  return d;
}

describe('resident cases (actor null)', () => {
  it('forces the web channel and now, never closes at first contact, and returns the token once', async () => {
    const { tenant } = await setup();
    const input = question({
      channel: 'phone',
      receivedAt: '2026-01-01T10:00:00Z',
      resolvedAtFirstContact: { answer: 'x' },
      idempotencyKey: 'form-1',
    });
    const first = await createCase(null, input, {
      db: t.db,
      tenantId: tenant.tenant.id,
      trackingUrl: (tok) => `https://x.example/t/${tok}`,
    });
    expect(first.case).toMatchObject({ channel: 'web', status: 'new', resolvedAtFirstContact: false });
    expect(first.case.receivedDate).toBe(localDate(new Date()));
    expect(first.trackingToken.length).toBeGreaterThan(20);
    expect((await findCaseByTrackingToken(t.db, tenant.tenant.id, first.trackingToken))?.caseNumber).toBe(first.case.caseNumber);
    const replay = await createCase(null, input, { db: t.db, tenantId: tenant.tenant.id });
    expect(replay).toMatchObject({ replayed: true, trackingToken: '' });
    expect(replay.case.id).toBe(first.case.id);
    await expect(
      createCase(null, question({ message: '' }), { db: t.db, tenantId: tenant.tenant.id, messagesLang: 'fi' }),
    ).rejects.toMatchObject({
      fields: [{ field: 'message', message: 'Kirjoita viestisi (enintään 10 000 merkkiä).' }],
    });
  });
});

describe('case events', () => {
  it('first_response records first feedback once and e-mails the resident', async () => {
    const { officer, c } = await setup();
    const res = await act(c.id, officer.auth, { kind: 'first_response', body: 'Vi tittar på det.' });
    expect(res.statusCode).toBe(201);
    const after = res.json();
    expect(after.status).toBe('in_progress');
    expect(after.firstResponseDate).toBe(localDate(new Date()));
    const again = (await act(c.id, officer.auth, { kind: 'first_response', body: 'Mer info.' })).json();
    expect(again.firstResponseAt).toBe(after.firstResponseAt);
    expect(await mailKinds(c.id)).toEqual(['case_receipt', 'case_first_response', 'case_first_response']);
    expect((await act(c.id, officer.auth, { kind: 'first_response', body: '  ' })).statusCode).toBe(400);
  });

  it('next_feedback_promised accepts only a later working day', async () => {
    const { officer, c, tenant } = await setup();
    const today = localDate(new Date());
    let saturday = today;
    while (new Date(`${saturday}T12:00:00Z`).getUTCDay() !== 6) saturday = addCalendarDays(saturday, 1);
    expect((await act(c.id, officer.auth, { kind: 'next_feedback_promised', nextFeedbackDate: saturday })).statusCode).toBe(400);
    expect((await act(c.id, officer.auth, { kind: 'next_feedback_promised', nextFeedbackDate: today })).statusCode).toBe(400);
    expect((await act(c.id, officer.auth, { kind: 'next_feedback_promised', nextFeedbackDate: '2026-02-30' })).statusCode).toBe(400);
    const ok = await nextWorkingDay(tenant.tenant.id, today);
    const res = await act(c.id, officer.auth, { kind: 'next_feedback_promised', nextFeedbackDate: ok });
    expect(res.statusCode).toBe(201);
    expect(res.json().nextFeedbackDue).toBe(ok);
    expect(res.json().firstResponseDate).toBeNull();
    expect(await mailKinds(c.id)).toContain('case_next_feedback_promised');
  });

  it('referred needs authority and reason, closes the case and counts as answered', async () => {
    const { officer, c } = await setup();
    expect((await act(c.id, officer.auth, { kind: 'referred', authority: 'Skatteverket' })).statusCode).toBe(400);
    const res = await act(c.id, officer.auth, { kind: 'referred', authority: 'Skatteverket', reason: 'Gäller deklaration' });
    expect(res.statusCode).toBe(201);
    const after = res.json();
    expect(after).toMatchObject({ status: 'resolved', referredTo: 'Skatteverket' });
    expect(after.firstResponseDate).not.toBeNull();
    expect(await mailKinds(c.id)).toContain('case_referred');
  });

  it('resolved needs an answer; reopened reopens; resolving twice conflicts', async () => {
    const { officer, c } = await setup();
    expect((await act(c.id, officer.auth, { kind: 'resolved' })).statusCode).toBe(400);
    const res = await act(c.id, officer.auth, { kind: 'resolved', body: 'Svar.' });
    expect(res.json()).toMatchObject({ status: 'resolved' });
    expect(res.json().firstResponseDate).not.toBeNull();
    expect((await act(c.id, officer.auth, { kind: 'resolved', body: 'Igen.' })).statusCode).toBe(409);
    const reopened = await act(c.id, officer.auth, { kind: 'reopened', reason: 'Invånaren hörde av sig' });
    expect(reopened.json()).toMatchObject({ status: 'in_progress', resolvedAt: null });
    expect((await act(c.id, officer.auth, { kind: 'reopened' })).statusCode).toBe(409);
  });

  it('notes are internal and never shown to the resident', async () => {
    const { officer, c, tenant, token } = await setup();
    expect((await act(c.id, officer.auth, { kind: 'note', body: 'Hemlig anteckning' })).statusCode).toBe(201);
    await act(c.id, officer.auth, { kind: 'first_response', body: 'Hej!' });
    const view = await findCaseByTrackingToken(t.db, tenant.tenant.id, token);
    expect(view?.events.map((e) => e.kind)).toEqual(['received', 'first_response']);
    expect(JSON.stringify(view)).not.toContain('Hemlig');
    expect(JSON.stringify(view)).not.toContain(officer.email);
    expect(view?.events[1].from).toBe(tenant.tenant.name);
    expect(await mailKinds(c.id)).not.toContain('case_note');
    const withMessage = await addResidentMessage(t.db, tenant.tenant.id, token, 'Jag har en bild också.');
    expect(withMessage.events.at(-1)).toMatchObject({ kind: 'resident_message', from: 'resident' });
    expect(await findCaseByTrackingToken(t.db, tenant.tenant.id, 'x'.repeat(32))).toBeUndefined();
  });

  it('reassigned moves the case with a reason; the old unit loses it', async () => {
    const { officer, admin, c, f } = await setup();
    expect((await act(c.id, officer.auth, { kind: 'reassigned', unitId: f.unitB })).statusCode).toBe(400);
    const res = await act(c.id, officer.auth, { kind: 'reassigned', unitId: f.unitB, reason: 'Fel enhet' });
    expect(res.statusCode).toBe(201);
    expect(res.json().unitId).toBe(f.unitB);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: officer.auth })).statusCode).toBe(404);
    const assigned = await act(c.id, admin.auth, { kind: 'reassigned', assigneeUserId: officer.id, reason: 'Hanna tar den' });
    expect(assigned.json().assigneeUserId).toBe(officer.id);
    const events = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: admin.auth })).json().events;
    expect(events.filter((e: { kind: string }) => e.kind === 'reassigned')[0].data).toMatchObject({
      fromUnitId: f.unitA1,
      toUnitId: f.unitB,
      reason: 'Fel enhet',
    });
  });

  it('deadline_changed is for admin and quality only, and audited', async () => {
    const { officer, quality, c } = await setup();
    expect((await act(c.id, officer.auth, { kind: 'deadline_changed', newDueDate: '2030-01-10', reason: 'x' })).statusCode).toBe(403);
    expect((await act(c.id, quality.auth, { kind: 'deadline_changed', newDueDate: '2030-01-10' })).statusCode).toBe(400);
    const res = await act(c.id, quality.auth, {
      kind: 'deadline_changed',
      newDueDate: '2030-01-10',
      reason: 'Överenskommet med invånaren',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().firstResponseDue).toBe('2030-01-10');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'data'])
      .where('entity_id', '=', c.id)
      .where('action', '=', 'case.deadline_changed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ from: c.firstResponseDue, to: '2030-01-10' });
  });

  it('accepts `at` only from admin tokens', async () => {
    const { officer, admin, c } = await setup();
    const at = new Date(Date.now() - 60_000).toISOString();
    expect((await act(c.id, officer.auth, { kind: 'first_response', body: 'x', at })).statusCode).toBe(403);
    const res = await act(c.id, admin.auth, { kind: 'first_response', body: 'Historik', at });
    expect(res.statusCode).toBe(201);
    expect(res.json().firstResponseAt).toBe(at);
    expect((await act(c.id, admin.auth, { kind: 'note', body: 'x', at: '2000-01-01T00:00:00Z' })).statusCode).toBe(400);
  });

  it('officers outside the unit cannot act; readers cannot read', async () => {
    const { tenant, f, c } = await setup();
    const otherOfficer = await createTestUser(t.db, tenant, [{ role: 'officer', unitId: f.unitB }]);
    const reader = await createTestUser(t.db, tenant, [{ role: 'reader' }]);
    expect((await act(c.id, otherOfficer.auth, { kind: 'resolved', body: 'x' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: reader.auth })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: reader.auth })).statusCode).toBe(403);
  });
});
