// Fault: kill -9 of the server during a burst of concurrent public submissions. After a restart,
// every submission that got a 201 is in the database, whole (its case, its 'received' event, its
// audit row, its receipt mail), and none is duplicated. Loopback only, bounded (each round has a
// deadline). On the embedded database always; on PostgreSQL when FAULT_DATABASE_URL names an
// existing, empty-or-own database.
//   node --import ./src/register-tsx.ts scripts/fault-kill.ts [--rounds 3] [--burst 80]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { systemActor } from '../src/modules/accounts/actor.ts';
import { createCategory } from '../src/modules/cases/categories.service.ts';
import { listUnits } from '../src/modules/org/org.service.ts';
import { createTenant, requireTenant } from '../src/modules/tenants/tenants.service.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, burst: { type: 'string', default: '80' } } });
const ROUNDS = Number(values.rounds);
const BURST = Number(values.burst);
const SLUG = 'felprov';

type Target = { name: string; env: Record<string, string>; database: { databaseUrl?: string; dataDir?: string } };

function fail(message: string): never {
  console.error(`FAULT (kill -9) FAILED: ${message}`);
  process.exit(1);
}

async function prepare(t: Target) {
  const handle = await openDatabase({ ...t.database, poolSize: 2 });
  try {
    await migrateToLatest(handle.db);
    const exists = await requireTenant(handle.db, SLUG).then(
      () => true,
      () => false,
    );
    if (!exists) {
      const tenant = await createTenant({ name: 'Felprovs kommun', slug: SLUG }, { db: handle.db }, 'fault-script');
      const root = (await listUnits(handle.db, tenant.id)).find((u) => u.kind === 'council');
      if (!root) fail('no council unit');
      await createCategory(systemActor(tenant, 'fault'), { code: 'allmant', name: 'Allmänt', unitId: root.id }, { db: handle.db });
    }
  } finally {
    await handle.close();
  }
}

function startServer(t: Target, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', './src/register-tsx.ts', 'src/main.ts'], {
    env: {
      ...process.env,
      ...t.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      SEED_DEMO: 'false',
      RATE_LIMIT_EXEMPT: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function healthy(port: number, child: ChildProcess, seconds = 120) {
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

async function stopGracefully(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0) fail(`graceful stop exited with ${code}`);
}

async function round(t: Target, n: number) {
  const port = 21000 + Math.floor(Math.random() * 20000);
  const marker = `felprov-${t.name}-${n}-${Date.now()}`;
  const server = startServer(t, port);
  await healthy(port, server);
  const acknowledged: { caseNumber: string; i: number }[] = [];
  let refused = 0;
  const killAfter = Math.floor(BURST / 3);
  const requests = Array.from({ length: BURST }, async (_, i) => {
    await new Promise((r) => setTimeout(r, i * 4));
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/public/cases?tenant=${SLUG}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'question',
          category: 'allmant',
          message: `${marker} #${i}`,
          contact: { email: `prov${i}@example.se` },
        }),
        signal: AbortSignal.timeout(20_000),
      });
      if (res.status === 201) {
        const body = (await res.json()) as { caseNumber: string };
        acknowledged.push({ caseNumber: body.caseNumber, i });
        if (acknowledged.length === killAfter) server.kill('SIGKILL');
      } else refused++;
    } catch {
      refused++; // the connection died with the server: not acknowledged, may or may not be stored
    }
  });
  await Promise.all(requests);
  if (server.exitCode === null && server.signalCode === null) {
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
  }
  if (acknowledged.length < killAfter) fail(`${t.name} round ${n}: only ${acknowledged.length} acknowledged before the kill`);

  // Restart on the same data: it must come up (the embedded database recovers, a stale lock is taken over).
  const again = startServer(t, port);
  await healthy(port, again);
  await stopGracefully(again);

  const handle = await openDatabase({ ...t.database, poolSize: 2 });
  try {
    const { rows } = await sql<{ id: string; case_number: string; message: string; events: number; audits: number; mails: number }>`
      SELECT c.id, c.case_number, c.message,
             (SELECT count(*)::int FROM case_events e WHERE e.tenant_id = c.tenant_id AND e.case_id = c.id AND e.kind = 'received') AS events,
             (SELECT count(*)::int FROM audit_log a WHERE a.tenant_id = c.tenant_id AND a.entity = 'case' AND a.entity_id = c.id::text) AS audits,
             (SELECT count(*)::int FROM mail_outbox m WHERE m.tenant_id = c.tenant_id AND m.ref_id = c.id) AS mails
        FROM cases c JOIN tenants t ON t.id = c.tenant_id
       WHERE t.slug = ${SLUG} AND starts_with(c.message, ${`${marker} #`})`.execute(handle.db);
    const byNumber = new Map(rows.map((r) => [r.case_number, r]));
    if (process.env.FAULT_DEBUG) {
      const all = await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases`.execute(handle.db);
      console.log({ stored: rows.length, all: all.rows[0].n, acknowledged: acknowledged.length });
    }
    for (const a of acknowledged) {
      const row = byNumber.get(a.caseNumber);
      if (!row) fail(`${t.name} round ${n}: acknowledged case ${a.caseNumber} is missing after the restart`);
      if (row.message !== `${marker} #${a.i}`) fail(`${t.name} round ${n}: case ${a.caseNumber} holds another submission`);
    }
    for (const r of rows) {
      if (r.events !== 1 || r.audits !== 1 || r.mails !== 1)
        fail(`${t.name} round ${n}: case ${r.case_number} is half-stored (events ${r.events}, audit ${r.audits}, mails ${r.mails})`);
    }
    const messages = new Set(rows.map((r) => r.message));
    if (messages.size !== rows.length) fail(`${t.name} round ${n}: a submission is stored twice`);
    if (new Set(rows.map((r) => r.case_number)).size !== rows.length) fail(`${t.name} round ${n}: a case number is used twice`);
    console.log(
      `${t.name} round ${n}: ${acknowledged.length} acknowledged, all present and whole; ${rows.length - acknowledged.length} stored without an answer reaching the client; ${refused} not acknowledged`,
    );
  } finally {
    await handle.close();
  }
}

const targets: Target[] = [];
const dataDir = mkdtempSync(path.join(tmpdir(), 'insyn-fault-'));
targets.push({ name: 'embedded', env: { DATA_DIR: dataDir, DATABASE_URL: '' }, database: { dataDir } });
if (process.env.FAULT_DATABASE_URL) {
  targets.push({
    name: 'postgres',
    env: { DATABASE_URL: process.env.FAULT_DATABASE_URL },
    database: { databaseUrl: process.env.FAULT_DATABASE_URL },
  });
}
const overall = setTimeout(() => fail('took longer than 10 minutes'), 10 * 60_000);
overall.unref();
try {
  for (const t of targets) {
    await prepare(t);
    for (let n = 1; n <= ROUNDS; n++) await round(t, n);
  }
  console.log('fault (kill -9 during public submissions): ok');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
