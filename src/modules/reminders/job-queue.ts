// The one job queue: pg-boss, on PostgreSQL (its own small pool) and on the embedded database
// (pg-boss's PGlite backend, each statement run while holding the app's one connection, so a
// queue statement never lands inside a request's open transaction). Every background job is a
// pg-boss queue with a cron schedule in Europe/Stockholm; pg-boss sends one job per occurrence
// however many instances run, and the handlers keep their own database claims (reminder_sent,
// the mail outbox's lease, the nightly runs' day key), so nothing is done twice even if a job is.
import type { PGlite } from '@electric-sql/pglite';
import { type Clock, type ConstructorOptions, fromPglite, PgBoss, type Db as QueueDb } from 'pg-boss';
import type { DatabaseHandle, Db } from '../../db/database.ts';

export const JOB_TIME_ZONE = 'Europe/Stockholm';

export interface ScheduledJob {
  name: string;
  /** Cron expression, read in Europe/Stockholm. */
  cron: string;
  /** Nightly work that reads the state of the world: one run after an outage, not one per missed night. */
  catchUp?: boolean;
  run(): Promise<void>;
}

export type QueueDatabase = { kind: 'postgres'; databaseUrl: string } | { kind: 'pglite'; db: Db; pglite: PGlite } | { kind: 'none' };

/** Where the queue lives for an opened database: PostgreSQL at `databaseUrl`, or the embedded one itself. */
export function queueDatabaseFor(handle: DatabaseHandle, databaseUrl: string | undefined): Exclude<QueueDatabase, { kind: 'none' }> {
  if (handle.kind === 'postgres') {
    if (!databaseUrl) throw new Error('queueDatabaseFor: PostgreSQL needs its URL');
    return { kind: 'postgres', databaseUrl };
  }
  if (!handle.pglite) throw new Error('queueDatabaseFor: the embedded database has no PGlite instance');
  return { kind: 'pglite', db: handle.db, pglite: handle.pglite };
}

export interface QueueLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface JobQueue {
  boss: PgBoss;
  /** Sends a job now (outside its schedule), as an operator or a test would. */
  runNow(name: string): Promise<void>;
  /** Stops fetching, waits for jobs in progress (at most `timeoutMs`). */
  stop(timeoutMs?: number): Promise<void>;
}

/** pg-boss over the app's embedded database: one statement at a time, never inside another holder's transaction. */
function serializedPglite(db: Db, pglite: PGlite): QueueDb {
  const inner = fromPglite(pglite);
  const hold = <T>(fn: () => Promise<T>) => db.connection().execute(fn);
  return {
    executeSql: (text, values) => hold(() => inner.executeSql(text, values)),
    // pg-boss's test clock sets session statements; PGlite has one session, so they apply to it.
    ...(inner.setSessionStatements
      ? { setSessionStatements: (statements: string[]) => hold(() => inner.setSessionStatements?.(statements) ?? Promise.resolve()) }
      : {}),
  };
}

export async function startJobQueue(
  database: Exclude<QueueDatabase, { kind: 'none' }>,
  jobs: readonly ScheduledJob[],
  log: QueueLogger,
  /**
   * `schema`: tests give each run its own; `clock`: pg-boss's TestClock, so a test can move time;
   * `work: false`: an instance that only schedules and sends (it fetches no jobs).
   */
  options: { schema?: string; pollingIntervalSeconds?: number; clock?: Clock; work?: boolean } = {},
): Promise<JobQueue> {
  const started = performance.now();
  const common: ConstructorOptions = {
    schema: options.schema ?? 'pgboss',
    application_name: 'insyn-jobs',
    ...(options.clock ? { clock: options.clock } : {}),
  };
  const boss =
    database.kind === 'postgres'
      ? new PgBoss({ ...common, connectionString: database.databaseUrl, max: 3, connectionTimeoutMillis: 5_000 })
      : new PgBoss({ ...common, db: serializedPglite(database.db, database.pglite), backend: 'pglite' });
  // Without a listener an error (the database away for a moment) would end the process; pg-boss
  // goes on polling and recovers when the database is back.
  boss.on('error', (error: Error) => log.warn({ err: error }, 'job queue: database error; retrying'));
  await boss.start();
  for (const job of jobs) {
    // `singleton`: one active job of a kind across every instance; a slow round is never overlapped.
    await boss.createQueue(job.name, { policy: 'singleton', retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 });
    await boss.schedule(job.name, job.cron, null, { tz: JOB_TIME_ZONE, ...(job.catchUp ? { missed: 'once' as const } : {}) });
    if (options.work === false) continue;
    await boss.work(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10 }, async (batch) => {
      for (const _ of batch) {
        try {
          await job.run();
        } catch (error) {
          log.error({ err: error, job: job.name }, 'background job failed; the queue retries it');
          throw error;
        }
      }
    });
  }
  const ms = Math.round(performance.now() - started);
  log.info({ jobs: jobs.map((j) => `${j.name} ${j.cron}`), timeZone: JOB_TIME_ZONE, database: database.kind, ms }, 'job queue started');
  return {
    boss,
    async runNow(name) {
      await boss.send(name, null);
    },
    async stop(timeoutMs = 10_000) {
      await boss.stop({ graceful: true, timeout: timeoutMs });
    },
  };
}
