import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestTenant, createTestUser, type TestContext, usingPostgres } from '../../../test/helpers.ts';
import { setUserActive } from '../accounts/accounts.service.ts';
import { addWorkingDays } from '../calendar/calendar.ts';
import { addCaseEvent, createCase } from '../cases/cases.service.ts';
import { createCategory } from '../cases/categories.service.ts';
import { createUnit } from '../org/org.service.ts';
import { startBackgroundJobs } from './background-jobs.ts';
import { sendTenantReminders } from './reminders.service.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ BASE_URL: 'https://insyn.example.se' });
});
afterAll(async () => {
  await t.close();
});

const BASE = 'https://insyn.example.se';

async function setup() {
  const tt = await createTestTenant(t.db, 'Påminnelsekommun');
  const admin = await createUnit(tt.system, { name: 'Samhällsbyggnad', kind: 'administration', parentId: tt.rootId }, { db: t.db });
  const streets = await createUnit(tt.system, { name: 'Gator', kind: 'unit', parentId: admin.id }, { db: t.db });
  const schools = await createUnit(tt.system, { name: 'Skolor', kind: 'unit', parentId: tt.rootId }, { db: t.db });
  await createCategory(tt.system, { code: 'gator', name: 'Gator', unitId: streets.id }, { db: t.db });
  const unitOfficer = await createTestUser(t.db, tt, [{ role: 'officer', unitId: streets.id }]);
  const parentOfficer = await createTestUser(t.db, tt, [{ role: 'officer', unitId: admin.id }]);
  const otherOfficer = await createTestUser(t.db, tt, [{ role: 'officer', unitId: schools.id }]);
  const gone = await createTestUser(t.db, tt, [{ role: 'officer', unitId: streets.id }]);
  await setUserActive(tt.system, gone.id, false, { db: t.db });
  const quality = await createTestUser(t.db, tt, [{ role: 'quality', unitId: streets.id }]);
  const agent = await createTestUser(t.db, tt, [{ role: 'agent' }]);
  return { tt, unitOfficer, parentOfficer, otherOfficer, gone, quality, agent };
}

async function newCase(agent: { actor: Parameters<typeof createCase>[0] }, message = 'Hål i vägen') {
  const { case: c } = await createCase(
    agent.actor,
    {
      type: 'error_report',
      channel: 'phone',
      category: 'gator',
      message,
      contact: { name: 'Invånare Hemlig', email: 'hemlig@example.org' },
    },
    { db: t.db },
  );
  return c;
}

async function outboxFor(tenantId: string, kind = 'case_reminder') {
  return t.db
    .selectFrom('mail_outbox')
    .select(['to_address', 'subject', 'body', 'ref_id'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .execute();
}

describe('case reminders', () => {
  it('e-mails the officers covering the unit once when a case is due today, and once more when it is overdue', async () => {
    const s = await setup();
    const c = await newCase(s.agent);
    await sendTenantReminders(t.db, s.tt.tenant.id, c.receivedDate, BASE);
    expect(await outboxFor(s.tt.tenant.id)).toHaveLength(0);

    const first = await sendTenantReminders(t.db, s.tt.tenant.id, c.firstResponseDue, BASE);
    expect(first).toEqual({ reminders: 1, mails: 2 });
    const mails = await outboxFor(s.tt.tenant.id);
    expect(mails.map((m) => m.to_address).sort()).toEqual([s.unitOfficer.email, s.parentOfficer.email].sort());
    expect(mails[0].subject).toBe(`Påminnelse: ärende ${c.caseNumber} – återkoppling ska ges idag`);
    expect(mails[0].ref_id).toBe(c.id);
    expect(mails[0].body).toContain(`${BASE}/staff/cases/${c.id}`);
    for (const secret of ['Invånare Hemlig', 'hemlig@example.org', 'Hål i vägen']) expect(mails[0].body).not.toContain(secret);

    // The same day again: nothing new.
    expect(await sendTenantReminders(t.db, s.tt.tenant.id, c.firstResponseDue, BASE)).toEqual({ reminders: 0, mails: 0 });
    expect(await outboxFor(s.tt.tenant.id)).toHaveLength(2);

    // The next working day the case is overdue: one more reminder, then never again.
    const late = addWorkingDays(c.firstResponseDue, 1);
    expect(await sendTenantReminders(t.db, s.tt.tenant.id, late, BASE)).toEqual({ reminders: 1, mails: 2 });
    expect(await sendTenantReminders(t.db, s.tt.tenant.id, addWorkingDays(late, 3), BASE)).toEqual({ reminders: 0, mails: 0 });
    const all = await outboxFor(s.tt.tenant.id);
    expect(all).toHaveLength(4);
    expect(all.filter((m) => m.subject.includes('försenad'))).toHaveLength(2);
  });

  it('sends each reminder once when two runs race', async () => {
    const s = await setup();
    const cases = [await newCase(s.agent, 'Ett'), await newCase(s.agent, 'Två'), await newCase(s.agent, 'Tre')];
    const today = cases[0].firstResponseDue;
    const results = await Promise.all([
      sendTenantReminders(t.db, s.tt.tenant.id, today, BASE),
      sendTenantReminders(t.db, s.tt.tenant.id, today, BASE),
      sendTenantReminders(t.db, s.tt.tenant.id, today, BASE),
    ]);
    expect(results.map((r) => r.reminders).sort()).toEqual([0, 0, 3]);
    const mails = await outboxFor(s.tt.tenant.id);
    // One digest per officer with all three cases.
    expect(mails.map((m) => m.to_address).sort()).toEqual([s.unitOfficer.email, s.parentOfficer.email].sort());
    expect(mails[0].subject).toBe('Påminnelse: 3 ärenden behöver återkoppling');
    for (const c of cases) expect(mails[0].body).toContain(c.caseNumber);
    const rows = await t.db.selectFrom('reminder_sent').select(['state', 'recipients']).where('tenant_id', '=', s.tt.tenant.id).execute();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.state === 'first_response_due_today' && r.recipients === 2)).toBe(true);
  });

  it('leaves answered and resolved cases alone, and reminds about a promised next feedback', async () => {
    const s = await setup();
    const answered = await newCase(s.agent, 'Besvarad');
    const resolved = await newCase(s.agent, 'Avslutad');
    await addCaseEvent(s.unitOfficer.actor, answered.id, { kind: 'first_response', body: 'Vi tittar på det.' }, { db: t.db });
    await addCaseEvent(s.unitOfficer.actor, resolved.id, { kind: 'resolved', body: 'Lagat.' }, { db: t.db });
    expect(await sendTenantReminders(t.db, s.tt.tenant.id, addWorkingDays(answered.firstResponseDue, 5), BASE)).toEqual({
      reminders: 0,
      mails: 0,
    });

    const promised = addWorkingDays(answered.firstResponseDue, 10);
    await addCaseEvent(
      s.unitOfficer.actor,
      answered.id,
      { kind: 'next_feedback_promised', body: 'Vi återkommer.', nextFeedbackDate: promised },
      { db: t.db },
    );
    const result = await sendTenantReminders(t.db, s.tt.tenant.id, promised, BASE);
    expect(result.reminders).toBe(1);
    const mails = await outboxFor(s.tt.tenant.id);
    expect(mails[0].subject).toBe(`Påminnelse: ärende ${answered.caseNumber} – utlovad återkoppling ska ges idag`);
  });

  // A round covers every tenant of the database; on a PostgreSQL shared with other test files
  // running in parallel it would queue reminders in their tenants, so it runs on PGlite only.
  it.skipIf(usingPostgres)('runs from the background job and stops cleanly', async () => {
    const s = await setup();
    const c = await newCase(s.agent);
    const quiet = { info: () => {}, warn: () => {}, error: () => {} };
    const jobs = await startBackgroundJobs(t.ctx, quiet, { kind: 'none' });
    expect(jobs.mail).toBeUndefined(); // no SMTP_URL: mail stays in the outbox
    await jobs.reminders.runOnce();
    await jobs.stop();
    // Today is not the due date (the case was received today), so nothing is due yet…
    const today = await t.db.selectFrom('reminder_sent').select('case_id').where('case_id', '=', c.id).execute();
    expect(today).toHaveLength(0);
    // …but the job ran: a case made due today is picked up by the next run.
    await t.db.updateTable('cases').set({ first_response_due: c.receivedDate }).where('id', '=', c.id).execute();
    const again = await startBackgroundJobs(t.ctx, quiet, { kind: 'none' });
    await again.reminders.runOnce();
    await again.stop();
    expect(await t.db.selectFrom('reminder_sent').select('state').where('case_id', '=', c.id).execute()).toEqual([
      { state: 'first_response_due_today' },
    ]);
  });
});
