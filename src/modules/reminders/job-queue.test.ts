// The job queue (pg-boss) on the database under test — the embedded PGlite, or PostgreSQL with
// TEST_DATABASE_URL: schedules are read in Europe/Stockholm (pg-boss's TestClock moves time), a
// job sent before a restart runs after it, and two instances on one PostgreSQL, each sending and
// working the same jobs, deliver every e-mail to a real SMTP server on loopback exactly once.
import { randomBytes } from 'node:crypto';
import { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, openTestDatabase, usingPostgres } from '../../../test/helpers.ts';
import { startSmtp, type TestSmtp } from '../../../test/smtp.ts';
import { twoInstanceWorld } from '../../../test/two-instance-world.ts';
import type { DatabaseHandle } from '../../db/database.ts';
import { deliverPendingMail, smtpTransport } from '../mail/mail.delivery.ts';
import { type JobQueue, queueDatabaseFor, type ScheduledJob, startJobQueue } from './job-queue.ts';
import { sendTenantReminders } from './reminders.service.ts';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
let handle: DatabaseHandle;
const queues: JobQueue[] = [];

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  for (const q of queues) await q.stop(2_000).catch(() => {});
  await handle.close();
});

/** Each test its own pg-boss schema: test files share one PostgreSQL database. */
const schema = () => `pgboss_t${randomBytes(4).toString('hex')}`;

async function start(jobs: ScheduledJob[], options: Parameters<typeof startJobQueue>[3], h = handle): Promise<JobQueue> {
  const q = await startJobQueue(queueDatabaseFor(h, process.env.TEST_DATABASE_URL), jobs, quiet, {
    pollingIntervalSeconds: 0.5,
    ...options,
  });
  queues.push(q);
  return q;
}

describe(`the job queue on ${usingPostgres ? 'PostgreSQL' : 'the embedded database'}`, () => {
  it('runs a nightly job at its hour in Europe/Stockholm, not at that hour in UTC', async () => {
    // 02:58:30 in Stockholm on a winter night (UTC+1).
    const clock = new TestClock('2026-12-03T01:58:30Z');
    const ran: string[] = [];
    const job = (name: string, cron: string): ScheduledJob => ({
      name,
      cron,
      run: async () => {
        ran.push(`${name}@${new Date(clock.now()).toISOString().slice(11, 16)}`);
      },
    });
    const s = schema();
    const q = await start([job('at-three', '0 3 * * *'), job('at-three-utc', '0 4 * * *'), job('at-two', '0 2 * * *')], {
      schema: s,
      clock,
    });
    const schedules = await q.boss.getSchedules();
    expect(schedules.map((x) => x.timezone)).toEqual(['Europe/Stockholm', 'Europe/Stockholm', 'Europe/Stockholm']);
    // Through 03:00 Stockholm (02:00 UTC), in steps the workers poll within.
    for (let i = 0; i < 12; i++) await clock.tick(15_000);
    await eventually(() => ran.length >= 1);
    for (let i = 0; i < 4; i++) await clock.tick(1_000);
    expect(ran.map((r) => r.split('@')[0])).toEqual(['at-three']);
    expect(ran[0].split('@')[1] >= '02:00').toBe(true);
    await q.stop(2_000);
  }, 60_000);

  it('keeps a job sent before a restart and runs it after', async () => {
    const s = schema();
    let runs = 0;
    const job: ScheduledJob = {
      name: 'once-sent',
      cron: '0 0 1 1 *',
      run: async () => {
        runs++;
      },
    };
    // The first instance only sends (it works no jobs) and stops with the job queued.
    const first = await start([job], { schema: s, work: false });
    await first.runNow('once-sent');
    await first.stop(2_000);
    expect(runs).toBe(0);
    await start([job], { schema: s });
    await eventually(() => runs === 1);
  }, 60_000);
});

describe.skipIf(!usingPostgres)('two instances on one PostgreSQL, through the queue', () => {
  let smtp: TestSmtp;
  let second: DatabaseHandle;
  beforeAll(async () => {
    second = await openTestDatabase();
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await second?.close();
    await smtp?.close();
  });

  it('send every receipt and reminder once', async () => {
    const { tt, cases } = await twoInstanceWorld(handle.db, second.db, 'Köinstanskommun');
    const today = cases[0].firstResponseDue;
    const s = schema();
    const done = { remind: 0, deliver: 0 };
    const instance = (h: DatabaseHandle): ScheduledJob[] => {
      const transport = smtpTransport(smtp.url);
      return [
        {
          name: 'remind',
          cron: '0 0 1 1 *',
          run: async () => {
            await sendTenantReminders(h.db, tt.tenant.id, today, 'https://insyn.example.se');
            done.remind++;
          },
        },
        {
          name: 'deliver',
          cron: '0 0 1 1 *',
          run: async () => {
            await deliverPendingMail(h.db, transport, { baseUrl: 'https://insyn.example.se', tenantId: tt.tenant.id });
            done.deliver++;
          },
        },
      ];
    };
    const a = await start(instance(handle), { schema: s });
    const b = await start(instance(second), { schema: s }, second);
    // Both instances' schedules firing at once, twice over: every job sent by both, and each job
    // worked by whichever instance fetched it.
    for (let round = 1; round <= 2; round++) {
      await Promise.all([a.runNow('remind'), b.runNow('remind')]);
      await eventually(() => done.remind === 2 * round);
      await Promise.all([a.runNow('deliver'), b.runNow('deliver'), a.runNow('deliver'), b.runNow('deliver')]);
      await eventually(() => done.deliver === 4 * round);
    }
    const outbox = () => handle.db.selectFrom('mail_outbox').select(['id', 'status']).where('tenant_id', '=', tt.tenant.id).execute();
    // Six receipts and, the first response being due today, the officer's reminders.
    const mails = await outbox();
    expect(mails.length).toBeGreaterThan(6);
    expect(mails.filter((m) => m.status !== 'sent')).toEqual([]);
    const ids = mails.map((m) => m.id).sort();
    const delivered = smtp.received.map((r) => /X-Insyn-Message-Id: (\S+)/i.exec(r.raw)?.[1] ?? '?');
    expect(delivered.filter((id) => ids.includes(id)).sort()).toEqual(ids);
  }, 90_000);
});
