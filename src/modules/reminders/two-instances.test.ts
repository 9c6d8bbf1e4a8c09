// Two app instances on one PostgreSQL (two pools, as two processes would have) run the reminder
// round and the mail worker at the same time, twice over: every reminder and receipt is delivered
// to a real SMTP server on loopback exactly once. PostgreSQL only (the embedded database has one
// process by construction).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, usingPostgres } from '../../../test/helpers.ts';
import { startSmtp, type TestSmtp } from '../../../test/smtp.ts';
import { twoInstanceWorld } from '../../../test/two-instance-world.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { deliverPendingMail, smtpTransport } from '../mail/mail.delivery.ts';
import { sendTenantReminders } from './reminders.service.ts';

const BASE = 'https://insyn.example.se';
let a: DatabaseHandle;
let b: DatabaseHandle;
let smtp: TestSmtp;

beforeAll(async () => {
  if (!usingPostgres) return;
  a = await openTestDatabase();
  b = await openTestDatabase();
  smtp = await startSmtp();
});
afterAll(async () => {
  if (!usingPostgres) return;
  await a.close();
  await b.close();
  await smtp.close();
});

describe.skipIf(!usingPostgres)('two instances on one PostgreSQL', () => {
  it('send every reminder and receipt once', async () => {
    const { tt, officers, cases } = await twoInstanceWorld(a.db, b.db, 'Tvåinstanskommun');
    const today = cases[0].firstResponseDue;
    const tenantId = tt.tenant.id;
    const transportA = smtpTransport(smtp.url);
    const transportB = smtpTransport(smtp.url);
    try {
      for (let round = 0; round < 2; round++) {
        await Promise.all([
          sendTenantReminders(a.db, tenantId, today, BASE),
          sendTenantReminders(b.db, tenantId, today, BASE),
          deliverPendingMail(a.db, transportA, { baseUrl: BASE, tenantId, batchSize: 2 }),
          deliverPendingMail(b.db, transportB, { baseUrl: BASE, tenantId, batchSize: 2 }),
        ]);
        await Promise.all([
          deliverPendingMail(a.db, transportA, { baseUrl: BASE, tenantId, batchSize: 2 }),
          deliverPendingMail(b.db, transportB, { baseUrl: BASE, tenantId, batchSize: 2 }),
        ]);
      }
    } finally {
      transportA.close?.();
      transportB.close?.();
    }
    const outbox = await a.db
      .selectFrom('mail_outbox')
      .select(['id', 'to_address', 'status', 'kind'])
      .where('tenant_id', '=', tenantId)
      .execute();
    // 6 receipts and one reminder digest per officer.
    expect(outbox.filter((m) => m.kind === 'case_receipt')).toHaveLength(6);
    expect(
      outbox
        .filter((m) => m.kind === 'case_reminder')
        .map((m) => m.to_address)
        .sort(),
    ).toEqual(officers.map((o) => o.email).sort());
    expect(outbox.every((m) => m.status === 'sent')).toBe(true);
    const mine = smtp.received.filter((r) => r.to.some((to) => outbox.some((m) => m.to_address === to)));
    expect(mine).toHaveLength(outbox.length);
    const recipients = mine.map((r) => r.to.join(',')).sort();
    expect(new Set(recipients).size).toBe(recipients.length);
  }, 60_000);
});
