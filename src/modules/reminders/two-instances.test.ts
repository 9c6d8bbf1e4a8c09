// Two app instances on one PostgreSQL (two pools, as two processes would have) run the reminder
// round and the mail worker at the same time, twice over: every reminder and receipt is delivered
// to a real SMTP server on loopback exactly once. PostgreSQL only (the embedded database has one
// process by construction).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, createTestUser, openTestDatabase, usingPostgres } from '../../../test/helpers.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { createCase } from '../cases/cases.service.ts';
import { createCategory } from '../cases/categories.service.ts';
import { deliverPendingMail, smtpTransport } from '../mail/mail.delivery.ts';
import { createUnit } from '../org/org.service.ts';
import { sendTenantReminders } from './reminders.service.ts';

const BASE = 'https://insyn.example.se';
let a: DatabaseHandle;
let b: DatabaseHandle;
const received: { to: string[]; raw: string }[] = [];
let smtp: SMTPServer;
let smtpUrl: string;

beforeAll(async () => {
  if (!usingPostgres) return;
  a = await openTestDatabase();
  b = await openTestDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  if (!usingPostgres) return;
  await a.close();
  await b.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe.skipIf(!usingPostgres)('two instances on one PostgreSQL', () => {
  it('send every reminder and receipt once', async () => {
    const tt = await createTestTenant(a.db, 'Tvåinstanskommun');
    const unit = await createUnit(tt.system, { name: 'Gator', kind: 'unit', parentId: tt.rootId }, { db: a.db });
    await createCategory(tt.system, { code: 'gator', name: 'Gator', unitId: unit.id }, { db: a.db });
    const officers = [
      await createTestUser(a.db, tt, [{ role: 'officer', unitId: unit.id }]),
      await createTestUser(a.db, tt, [{ role: 'officer', unitId: unit.id }]),
    ];
    const agent = await createTestUser(a.db, tt, [{ role: 'agent' }]);
    const cases = [];
    for (let i = 0; i < 6; i++) {
      const db = i % 2 ? a.db : b.db;
      const input = {
        type: 'error_report',
        channel: 'phone',
        category: 'gator',
        message: `Hål ${i}`,
        contact: { email: `boende${i}@example.org` },
      };
      cases.push((await createCase(agent.actor, input, { db })).case);
    }
    const today = cases[0].firstResponseDue;
    const tenantId = tt.tenant.id;
    const transportA = smtpTransport(smtpUrl);
    const transportB = smtpTransport(smtpUrl);
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
    const mine = received.filter((r) => r.to.some((to) => outbox.some((m) => m.to_address === to)));
    expect(mine).toHaveLength(outbox.length);
    const recipients = mine.map((r) => r.to.join(',')).sort();
    expect(new Set(recipients).size).toBe(recipients.length);
  }, 60_000);
});
