// Start: config → database → migrate → (demo data) → HTTP server, and a graceful shutdown.
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase, REPLICA_RETRY_MS } from './db/database.ts';
import { DataDirLockedError } from './db/lock.ts';
import { migrateToLatest } from './db/migrate.ts';
import { describeDemoUsers, seedDemo } from './db/seed/demo.ts';
import { buildApp } from './http/app.ts';
import { warmPortalStartPages } from './modules/portal/portal.warm.ts';
import { warmPublicPromisePages } from './modules/promises/promises.warm.ts';
import { startBackgroundJobs } from './modules/reminders/background-jobs.ts';
import { queueDatabaseFor } from './modules/reminders/job-queue.ts';
import { warmPublishedReports } from './modules/reports/reports.warm.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  // Until the app's logger exists, a lost database connection is reported on stderr.
  let reportConnectionError = (error: Error) => console.error(`database connection lost: ${error.message}`);
  let reportReplicaUnavailable = (error: Error) => console.error(`read replica unavailable: ${error.message}`);
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    readDatabaseUrl: config.databaseReadUrl,
    dataDir: config.dataDir,
    onConnectionError: (error) => reportConnectionError(error),
    onReplicaUnavailable: (error) => reportReplicaUnavailable(error),
  });
  const { db, readDb } = handle;
  const migrations = await migrateToLatest(db);
  const app = await buildApp({ db, readDb, dbKind: handle.kind, config });
  reportConnectionError = (error) => app.log.warn({ err: error }, 'database connection lost; the pool reconnects');
  reportReplicaUnavailable = (error) =>
    app.log.warn({ err: error }, `read replica cannot be reached: public pages read from the primary for ${REPLICA_RETRY_MS / 1000} s`);
  app.log.info({ database: handle.kind, readReplica: Boolean(readDb), applied: migrations.applied }, 'database ready');
  if (config.seedDemo) {
    const report = await seedDemo(db);
    if (report.created) console.log(`\n${describeDemoUsers(report)}\n`);
  }

  // The job queue (pg-boss) on the same database: its own small pool on PostgreSQL, the app's one
  // connection on the embedded database.
  const jobs = await startBackgroundJobs({ db, dbKind: handle.kind, config }, app.log, queueDatabaseFor(handle, config.databaseUrl));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await jobs.stop();
      await app.close();
    } finally {
      await handle.close();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // Before the port opens (and so before /health answers): the public pages' first render.
  await warmPublicPromisePages(app, db, { log: app.log });
  await warmPortalStartPages(app, db, { log: app.log });
  await app.listen({ port: config.port, host: config.host });
  // After the port opens, in the background: the print worker and Chromium start, and the
  // published reports' DOCX files are built and kept.
  void warmPublishedReports(app, db, { log: app.log });
  console.log(
    `Insyn is running on ${config.baseUrl} (database: ${handle.kind === 'pglite' ? `embedded, ${config.dataDir}` : 'PostgreSQL'})`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`Insyn cannot start: ${error.message}`);
  } else {
    console.error('Insyn cannot start:', error);
  }
  process.exit(1);
});
