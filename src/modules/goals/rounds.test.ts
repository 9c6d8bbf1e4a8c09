import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, openTestDatabase, type TestContext, usingPostgres } from '../../../test/helpers.ts';
import { workingDaysBetween } from '../calendar/calendar.ts';
import { goalsWorld } from './goals.fixtures.ts';
import { reminderDue, sendRoundReminders } from './rounds.reminders.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const api = (method: 'GET' | 'POST' | 'PUT', url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({ method, url, headers, payload: payload as Record<string, unknown> });

async function roundWorld(deadline = '2026-05-15') {
  const w = await goalsWorld(t.db);
  const ind = await api('POST', '/api/v1/indicators', w.quality.auth, {
    title: 'Andel besvarade samtal',
    unit: '%',
    direction: 'higher',
    decimals: 0,
    ownerUnitId: w.unitId,
    level: 'KF',
    goalIds: [w.goalId],
  });
  const computed = await api('POST', '/api/v1/indicators', w.quality.auth, {
    title: 'I tid',
    unit: '%',
    direction: 'higher',
    decimals: 0,
    ownerUnitId: w.unitId,
    level: 'KF',
    goalIds: [w.goalId],
    source: { type: 'on_time_rate', unitId: w.unitId },
  });
  const asg = await api('POST', '/api/v1/assignments', w.quality.auth, {
    kind: 'assignment',
    title: 'Uppdrag X',
    responsibleUnitId: w.otherUnitId,
    goalId: w.goalId,
  });
  const round = await api('POST', '/api/v1/follow-up-rounds', w.quality.auth, {
    planId: w.planId,
    title: 'Delår 1 2026',
    period: '2026-D1',
    deadline,
    reminderWorkingDays: 3,
  });
  expect(round.statusCode, round.body).toBe(201);
  return {
    ...w,
    indicatorId: ind.json().id as string,
    computedId: computed.json().id as string,
    assignmentId: asg.json().id as string,
    roundId: round.json().id as string,
  };
}

describe('follow-up rounds', () => {
  it('opens, lists what each owner reports, marks ready, sends back, shows progress and locks on close', async () => {
    const w = await roundWorld();
    expect(
      (
        await api('POST', '/api/v1/follow-up-rounds', w.officer.auth, {
          planId: w.planId,
          title: 'X',
          period: '2026-D2',
          deadline: '2026-09-15',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await api('POST', '/api/v1/follow-up-rounds', w.quality.auth, {
          planId: w.planId,
          title: 'Igen',
          period: '2026-D1',
          deadline: '2026-05-15',
        })
      ).statusCode,
    ).toBe(409);

    const mine = (await api('GET', '/api/v1/follow-up-items/mine', w.officer.auth)).json().rounds;
    expect(mine).toHaveLength(1);
    // The manual indicator is the agent's to report; the computed one is not, the assignment is another unit's.
    expect(mine[0].items.map((i: { kind: string; refId: string }) => [i.kind, i.refId])).toEqual([['indicator_value', w.indicatorId]]);
    const item = mine[0].items[0];
    const stranger = (await api('GET', '/api/v1/follow-up-items/mine', w.stranger.auth)).json().rounds;
    expect(stranger[0].items.map((i: { kind: string }) => i.kind)).toEqual(['assignment_status']);

    const notYet = await api('POST', `/api/v1/follow-up-items/${item.id}/ready`, w.officer.auth);
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().message).toMatch(/Fyll i utfallet/);
    expect((await api('POST', `/api/v1/follow-up-items/${item.id}/ready`, w.stranger.auth)).statusCode).toBe(403);

    await api('PUT', `/api/v1/indicators/${w.indicatorId}/values`, w.officer.auth, [{ period: '2026-D1', kind: 'outcome', value: 81 }]);
    let board = (await api('GET', `/api/v1/follow-up-rounds/${w.roundId}`, w.quality.auth)).json();
    const unit = board.units.find((u: { unitId: string }) => u.unitId === w.unitId);
    expect(unit).toMatchObject({ started: 1, ready: 0 });
    expect(unit.items[0].updatedBy).toBe(w.officer.email);
    expect((await api('GET', `/api/v1/follow-up-rounds/${w.roundId}`, w.officer.auth)).statusCode).toBe(403);

    expect((await api('POST', `/api/v1/follow-up-items/${item.id}/ready`, w.officer.auth)).statusCode).toBe(204);
    board = (await api('GET', `/api/v1/follow-up-rounds/${w.roundId}`, w.quality.auth)).json();
    expect(board.units.find((u: { unitId: string }) => u.unitId === w.unitId)).toMatchObject({ ready: 1 });
    expect(board.units.find((u: { unitId: string }) => u.unitId === w.otherUnitId)).toMatchObject({ notStarted: 1 });

    expect(
      (await api('POST', `/api/v1/follow-up-items/${item.id}/send-back`, w.quality.auth, { comment: 'Kommentera avvikelsen.' })).statusCode,
    ).toBe(204);
    const back = (await api('GET', '/api/v1/follow-up-items/mine', w.officer.auth)).json().rounds[0].items[0];
    expect(back).toMatchObject({ state: 'sent_back', sentBackComment: 'Kommentera avvikelsen.' });
    await api('PUT', `/api/v1/indicators/${w.indicatorId}/values`, w.officer.auth, [
      { period: '2026-D1', kind: 'outcome', value: 81, comment: 'Sjukfrånvaro i mars.' },
    ]);
    expect((await api('POST', `/api/v1/follow-up-items/${item.id}/ready`, w.officer.auth)).statusCode).toBe(204);

    expect((await api('POST', `/api/v1/follow-up-rounds/${w.roundId}/close`, w.quality.auth)).statusCode).toBe(200);
    expect((await api('POST', `/api/v1/follow-up-rounds/${w.roundId}/close`, w.quality.auth)).statusCode).toBe(409);
    const locked = await api('PUT', `/api/v1/indicators/${w.indicatorId}/values`, w.officer.auth, [
      { period: '2026-D1', kind: 'outcome', value: 90 },
    ]);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().message).toMatch(/stängd/);
    expect(
      (await api('PUT', `/api/v1/assignments/${w.assignmentId}/status/2026-D1`, w.stranger.auth, { status: 'ongoing' })).statusCode,
    ).toBe(409);
    const changed = await api('PUT', `/api/v1/indicators/${w.indicatorId}/values`, w.quality.auth, [
      { period: '2026-D1', kind: 'outcome', value: 82 },
    ]);
    expect(changed.statusCode).toBe(200);
    const ind = (await api('GET', `/api/v1/indicators/${w.indicatorId}`, w.officer.auth)).json();
    expect(ind.values.find((v: { period: string; kind: string }) => v.period === '2026-D1' && v.kind === 'outcome')).toMatchObject({
      value: 82,
      changedAfterClose: true,
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', w.indicatorId)
      .where('action', '=', 'indicator.value_changed_after_close')
      .execute();
    expect(audit).toHaveLength(1);
    expect((await api('POST', `/api/v1/follow-up-items/${item.id}/ready`, w.officer.auth)).statusCode).toBe(409);
  });

  it('knows when a reminder is due', () => {
    const between = (a: string, b: string) => workingDaysBetween(a, b);
    expect(reminderDue('2026-05-15', 3, '2026-05-12', between)).toBe('before_deadline');
    expect(reminderDue('2026-05-15', 3, '2026-05-15', between)).toBe('before_deadline');
    expect(reminderDue('2026-05-15', 3, '2026-05-16', between)).toBe('overdue');
    // Ascension Day (Thu 14 May 2026) is no working day: the reminder window starts a day earlier.
    expect(reminderDue('2026-05-15', 3, '2026-05-11', between)).toBe('before_deadline');
    expect(reminderDue('2026-05-15', 3, '2026-05-08', between)).toBeNull();
  });

  it('reminds units with unfinished items once before the deadline and once when overdue', async () => {
    const w = await roundWorld('2026-05-15');
    const tenantId = w.tt.tenant.id;
    const run = (day: string) =>
      sendRoundReminders(t.db, { baseUrl: 'https://insyn.example.se', now: new Date(`${day}T08:00:00+02:00`), tenantId });
    expect(await run('2026-05-08')).toEqual({ reminders: 0, mails: 0 });
    // Fri 15 May, 3 working days before (Ascension Day on Thursday is not one): Mon 11 May.
    const first = await run('2026-05-12');
    expect(first.reminders).toBeGreaterThanOrEqual(2);
    expect(await run('2026-05-13')).toEqual({ reminders: 0, mails: 0 });
    const overdue = await run('2026-05-18');
    expect(overdue.reminders).toBe(first.reminders);
    expect(await run('2026-05-19')).toEqual({ reminders: 0, mails: 0 });
    const mails = await t.db
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject', 'body'])
      .where('tenant_id', '=', tenantId)
      .execute();
    const toOfficer = mails.filter((m) => m.to_address === w.officer.email);
    expect(toOfficer.map((m) => m.subject.replace(/\s/g, ' ')).sort()).toEqual([
      'Försenad rapportering: Delår 1 2026',
      'Påminnelse: Delår 1 2026 ska rapporteras senast fredag 15 maj 2026',
    ]);
    expect(toOfficer.every((m) => m.body.includes('https://insyn.example.se/staff/goals/report'))).toBe(true);
    // The quality strategist (no unit grant) is not reminded.
    expect(mails.some((m) => m.to_address === w.quality.email)).toBe(false);
  });

  it.skipIf(!usingPostgres)('sends each reminder once when two app instances race (PostgreSQL)', async () => {
    const w = await roundWorld('2026-05-15');
    const tenantId = w.tt.tenant.id;
    const second = await openTestDatabase();
    try {
      const now = new Date('2026-05-12T08:00:00+02:00');
      const results = await Promise.all([
        sendRoundReminders(t.db, { baseUrl: 'https://x', now, tenantId }),
        sendRoundReminders(second.db, { baseUrl: 'https://x', now, tenantId }),
        sendRoundReminders(t.db, { baseUrl: 'https://x', now, tenantId }),
        sendRoundReminders(second.db, { baseUrl: 'https://x', now, tenantId }),
      ]);
      const total = results.reduce((s, r) => s + r.reminders, 0);
      const rows = await t.db
        .selectFrom('follow_up_reminders')
        .select(['owner_unit_id', 'kind'])
        .where('round_id', '=', w.roundId)
        .execute();
      expect(total).toBe(rows.length);
      expect(rows.length).toBeGreaterThanOrEqual(2);
      const mails = await t.db.selectFrom('mail_outbox').select('to_address').where('tenant_id', '=', tenantId).execute();
      expect(mails.filter((m) => m.to_address === w.officer.email)).toHaveLength(1);
      expect(mails).toHaveLength(results.reduce((s, r) => s + r.mails, 0));
    } finally {
      await second.close();
    }
  });
});
