// Background work of an app instance: outbox delivery, case reminders and expired rate-limit counters. Each job runs on a
// plain timer in every instance; the database makes each piece of work happen once (mail rows
// are claimed with FOR UPDATE SKIP LOCKED, reminders through reminder_sent's unique key).
import type { AppContext } from '../../http/context.ts';
import { deleteExpiredRateLimits } from '../../http/rate-limit-store.ts';
import { sendRoundReminders } from '../goals/index.ts';
import { refreshNightly } from '../kolada/index.ts';
import { type BackgroundJob, everyInterval, type Logger, startMailDelivery } from '../mail/mail.delivery.ts';
import { runRetentionNightly } from '../retention/index.ts';
import { sendAfterContactQuestions } from '../satisfaction/index.ts';
import { sendDueReminders } from './reminders.service.ts';

export const REMINDER_INTERVAL_MS = 5 * 60 * 1000;
export const RATE_LIMIT_CLEANUP_INTERVAL_MS = 10 * 60 * 1000;
/** Kolada: checked hourly; the night's refresh runs once (after 03:00 Stockholm time) across instances. */
export const KOLADA_CHECK_INTERVAL_MS = 60 * 60 * 1000;
/** Retention (gallring): checked hourly; the night's run (after 02:00 Stockholm time) happens once across instances. */
export const RETENTION_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface BackgroundJobs {
  reminders: BackgroundJob;
  mail: BackgroundJob | undefined;
  rateLimitCleanup: BackgroundJob;
  kolada: BackgroundJob;
  retention: BackgroundJob;
  stop(): Promise<void>;
}

export function startBackgroundJobs(ctx: AppContext, log: Logger): BackgroundJobs {
  const reminders = everyInterval(
    'reminders',
    REMINDER_INTERVAL_MS,
    async () => {
      const result = await sendDueReminders(ctx.db, { baseUrl: ctx.config.baseUrl });
      if (result.reminders) log.info({ ...result }, 'case reminders queued');
      const rounds = await sendRoundReminders(ctx.db, { baseUrl: ctx.config.baseUrl });
      if (rounds.reminders) log.info({ ...rounds }, 'follow-up round reminders queued');
      const afterContact = await sendAfterContactQuestions(ctx.db, { baseUrl: ctx.config.baseUrl });
      if (afterContact.mails) log.info({ ...afterContact }, 'after-contact questions queued');
      // Reminders just queued need not wait for the next delivery round.
      if (result.mails || rounds.mails || afterContact.mails) await mail?.runOnce();
    },
    log,
    5_000,
  );
  const mail = startMailDelivery(ctx.db, ctx.config, log);
  // Counters whose window has ended count nothing; deleting them keeps the table small.
  const rateLimitCleanup = everyInterval(
    'rate-limit-cleanup',
    RATE_LIMIT_CLEANUP_INTERVAL_MS,
    async () => {
      await deleteExpiredRateLimits(ctx.db);
    },
    log,
    60_000,
  );
  const kolada = everyInterval(
    'kolada-nightly',
    KOLADA_CHECK_INTERVAL_MS,
    async () => {
      const result = await refreshNightly(ctx.db, ctx.now?.() ?? new Date());
      if (result.error) log.error({ error: result.error }, 'kolada nightly refresh failed');
      else if (result.ran) log.info({ stored: result.stored, revised: result.revised }, 'kolada nightly refresh done');
    },
    log,
    120_000,
  );
  const retention = everyInterval(
    'retention-nightly',
    RETENTION_CHECK_INTERVAL_MS,
    async () => {
      const result = await runRetentionNightly(ctx.db, ctx.now?.() ?? new Date());
      if (result.error) log.error({ error: result.error }, 'retention nightly run failed');
      else if (result.ran)
        log.info(
          { tenants: result.runs.length, cleared: result.runs.reduce((a, r) => a + r.clearedCases, 0) },
          'retention nightly run done',
        );
    },
    log,
    180_000,
  );
  return {
    reminders,
    mail,
    rateLimitCleanup,
    kolada,
    retention,
    async stop() {
      await Promise.all([reminders.stop(), mail?.stop(), rateLimitCleanup.stop(), kolada.stop()]);
      await retention.stop();
    },
  };
}
