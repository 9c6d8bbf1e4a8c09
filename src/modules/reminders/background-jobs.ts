// Background work of an app instance: outbox delivery, case and follow-up reminders,
// after-contact questions, expired rate-limit counters, the Kolada refresh and retention
// (gallring). Each is a pg-boss job on a cron schedule in Europe/Stockholm (job-queue.ts); pg-boss
// sends one job per occurrence across instances, and each task keeps its own claim in the database
// (mail rows under a lease with FOR UPDATE SKIP LOCKED, reminders through reminder_sent's unique
// key, the nightly runs through their day's key), so a job run twice still does its work once.
import type { AppContext } from '../../http/context.ts';
import { deleteExpiredRateLimits } from '../../http/rate-limit-store.ts';
import { sendRoundReminders } from '../goals/index.ts';
import { refreshNightly } from '../kolada/index.ts';
import { mailDeliveryTask } from '../mail/mail.delivery.ts';
import { runRetentionNightly } from '../retention/index.ts';
import { sendAfterContactQuestions } from '../satisfaction/index.ts';
import { type JobQueue, type QueueDatabase, type QueueLogger, type ScheduledJob, startJobQueue } from './job-queue.ts';
import { sendDueReminders } from './reminders.service.ts';

/** When each job runs, in Europe/Stockholm. */
export const SCHEDULES = {
  reminders: '*/5 * * * *',
  /** Receipts and reminders wait at most a minute (plus the worker's poll) for delivery. */
  mail: '* * * * *',
  rateLimitCleanup: '*/10 * * * *',
  /** Kolada publishes overnight; a missed night runs once when an instance is up again. */
  kolada: '0 3 * * *',
  retention: '0 2 * * *',
} as const;

export interface BackgroundJob {
  /** Runs the job's work now in this process (tests, and the reminders job for mail); resolves when done. */
  runOnce(): Promise<void>;
}

export interface BackgroundJobs {
  reminders: BackgroundJob;
  mail: BackgroundJob | undefined;
  rateLimitCleanup: BackgroundJob;
  kolada: BackgroundJob;
  retention: BackgroundJob;
  /** The queue, when one was started (not with `{ kind: 'none' }`). */
  queue: JobQueue | undefined;
  /** Stops the queue (waiting for jobs in progress) and closes the mail transport. */
  stop(): Promise<void>;
}

/** Never two runs of one task at once in this process (a queue job and a runOnce, say). */
function oneAtATime(task: () => Promise<void>): BackgroundJob {
  let running: Promise<void> | undefined;
  return {
    runOnce() {
      running ??= task().finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}

/**
 * Starts the job queue on `database` with every job, or with `{ kind: 'none' }` only prepares the
 * tasks (tests run them with runOnce).
 */
export async function startBackgroundJobs(
  ctx: AppContext,
  log: QueueLogger,
  database: QueueDatabase,
  options: Parameters<typeof startJobQueue>[3] = {},
): Promise<BackgroundJobs> {
  const delivery = mailDeliveryTask(ctx.db, ctx.config, log);
  const mail = delivery ? oneAtATime(() => delivery.run()) : undefined;
  const now = () => ctx.now?.() ?? new Date();
  const reminders = oneAtATime(async () => {
    const result = await sendDueReminders(ctx.db, { baseUrl: ctx.config.baseUrl });
    if (result.reminders) log.info({ ...result }, 'case reminders queued');
    const rounds = await sendRoundReminders(ctx.db, { baseUrl: ctx.config.baseUrl });
    if (rounds.reminders) log.info({ ...rounds }, 'follow-up round reminders queued');
    const afterContact = await sendAfterContactQuestions(ctx.db, { baseUrl: ctx.config.baseUrl });
    if (afterContact.mails) log.info({ ...afterContact }, 'after-contact questions queued');
    // Reminders just queued need not wait for the next delivery job.
    if (result.mails || rounds.mails || afterContact.mails) await mail?.runOnce();
  });
  // Counters whose window has ended count nothing; deleting them keeps the table small.
  const rateLimitCleanup = oneAtATime(() => deleteExpiredRateLimits(ctx.db).then(() => {}));
  const kolada = oneAtATime(async () => {
    const result = await refreshNightly(ctx.db, now());
    if (result.error) log.error({ error: result.error }, 'kolada nightly refresh failed');
    else if (result.ran) log.info({ stored: result.stored, revised: result.revised }, 'kolada nightly refresh done');
  });
  const retention = oneAtATime(async () => {
    const result = await runRetentionNightly(ctx.db, now());
    if (result.error) log.error({ error: result.error }, 'retention nightly run failed');
    else if (result.ran)
      log.info({ tenants: result.runs.length, cleared: result.runs.reduce((a, r) => a + r.clearedCases, 0) }, 'retention nightly run done');
  });

  const jobs: ScheduledJob[] = [
    { name: 'reminders', cron: SCHEDULES.reminders, run: reminders.runOnce },
    { name: 'rate-limit-cleanup', cron: SCHEDULES.rateLimitCleanup, run: rateLimitCleanup.runOnce },
    { name: 'kolada-nightly', cron: SCHEDULES.kolada, catchUp: true, run: kolada.runOnce },
    { name: 'retention-nightly', cron: SCHEDULES.retention, catchUp: true, run: retention.runOnce },
    ...(mail ? [{ name: 'mail-delivery', cron: SCHEDULES.mail, run: mail.runOnce }] : []),
  ];
  const queue = database.kind === 'none' ? undefined : await startJobQueue(database, jobs, log, options);
  return {
    reminders,
    mail,
    rateLimitCleanup,
    kolada,
    retention,
    queue,
    async stop() {
      await queue?.stop();
      delivery?.close();
    },
  };
}
