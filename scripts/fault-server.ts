// What the fault scripts (fault-kill.ts, fault-shutdown.ts) share: the databases they run on
// (the embedded one in a temporary directory always; PostgreSQL when FAULT_DATABASE_URL is set),
// a tenant with one category to submit to, and the real server (src/main.ts) as a child process
// on a loopback port, started, awaited and stopped. Loopback only; every wait has a deadline.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { systemActor } from '../src/modules/accounts/actor.ts';
import { createCategory } from '../src/modules/cases/categories.service.ts';
import { listUnits } from '../src/modules/org/org.service.ts';
import { createTenant, requireTenant } from '../src/modules/tenants/tenants.service.ts';

export type Fail = (message: string) => never;

/** Prints "FAULT (<title>) FAILED: …" and exits 1. */
export function failer(title: string): Fail {
  return (message) => {
    console.error(`FAULT (${title}) FAILED: ${message}`);
    process.exit(1);
  };
}

export interface FaultDatabase {
  databaseUrl?: string;
  dataDir?: string;
}

export interface FaultTarget {
  name: 'embedded' | 'postgres';
  /** The server's environment for this database. */
  env: Record<string, string>;
  database: FaultDatabase;
}

/**
 * The databases to run on: the embedded one in a new temporary directory, and PostgreSQL when
 * FAULT_DATABASE_URL names an existing, empty-or-own database. `cleanup` removes the directory.
 */
export function faultTargets(prefix: string): { targets: FaultTarget[]; cleanup: () => void } {
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix));
  const targets: FaultTarget[] = [{ name: 'embedded', env: { DATA_DIR: dataDir, DATABASE_URL: '' }, database: { dataDir } }];
  const url = process.env.FAULT_DATABASE_URL;
  if (url) targets.push({ name: 'postgres', env: { DATABASE_URL: url }, database: { databaseUrl: url } });
  return { targets, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** Ends the script with a failure if it is still running after `minutes`. */
export function overallDeadline(minutes: number, fail: Fail): void {
  setTimeout(() => fail(`took longer than ${minutes} minutes`), minutes * 60_000).unref();
}

/** Migrates and, once, creates the tenant `slug` with the category 'allmant' on its council. */
export async function prepareTenant(database: FaultDatabase, tenant: { slug: string; name: string }, fail: Fail): Promise<void> {
  const handle = await openDatabase({ ...database, poolSize: 2 });
  try {
    await migrateToLatest(handle.db);
    const exists = await requireTenant(handle.db, tenant.slug).then(
      () => true,
      () => false,
    );
    if (!exists) {
      const created = await createTenant(tenant, { db: handle.db }, 'fault-script');
      const root = (await listUnits(handle.db, created.id)).find((u) => u.kind === 'council');
      if (!root) fail('no council unit');
      await createCategory(systemActor(created, 'fault'), { code: 'allmant', name: 'Allmänt', unitId: root.id }, { db: handle.db });
    }
  } finally {
    await handle.close();
  }
}

/** A loopback port in 21000–40999 (the scripts' range). */
export function randomPort(): number {
  return 21000 + Math.floor(Math.random() * 20000);
}

/** The real server on `port`, rate limits lifted for loopback, errors only on stderr. */
export function startServer(env: Record<string, string>, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', './src/register-tsx.ts', 'src/main.ts'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      SEED_DEMO: 'false',
      RATE_LIMIT_EXEMPT: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Waits until /health answers 200; fails if the server exits first or after `seconds`. */
export async function waitHealthy(port: number, child: ChildProcess, fail: Fail, seconds = 120): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  fail('server did not become healthy');
}

/** The exit code of `child`, when it exits. Call before signalling it. */
export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

/** SIGTERM, and the exit code must be 0. */
export async function stopGracefully(child: ChildProcess, fail: Fail): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = exitOf(child);
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) fail(`graceful stop exited with ${code}`);
}
