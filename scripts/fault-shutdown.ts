// Fault: graceful shutdown under load. While clients keep submitting over keep-alive connections,
// the server gets SIGTERM: requests in flight finish (201, stored), requests that arrive after
// get 503 (or, once the listener is closed, a refused connection), none is cut off mid-way, and
// the process exits 0. On the embedded database; on PostgreSQL too when FAULT_DATABASE_URL is set.
//   node --import ./src/register-tsx.ts scripts/fault-shutdown.ts
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { systemActor } from '../src/modules/accounts/actor.ts';
import { createCategory } from '../src/modules/cases/categories.service.ts';
import { listUnits } from '../src/modules/org/org.service.ts';
import { createTenant, requireTenant } from '../src/modules/tenants/tenants.service.ts';

const SLUG = 'stangprov';
function fail(message: string): never {
  console.error(`FAULT (graceful shutdown) FAILED: ${message}`);
  process.exit(1);
}

async function prepare(database: { databaseUrl?: string; dataDir?: string }) {
  const handle = await openDatabase({ ...database, poolSize: 2 });
  try {
    await migrateToLatest(handle.db);
    const exists = await requireTenant(handle.db, SLUG).then(
      () => true,
      () => false,
    );
    if (!exists) {
      const tenant = await createTenant({ name: 'Stängprovs kommun', slug: SLUG }, { db: handle.db }, 'fault-script');
      const root = (await listUnits(handle.db, tenant.id)).find((u) => u.kind === 'council');
      if (!root) fail('no council unit');
      await createCategory(systemActor(tenant, 'fault'), { code: 'allmant', name: 'Allmänt', unitId: root.id }, { db: handle.db });
    }
  } finally {
    await handle.close();
  }
}

type Outcome = { status: number; startedAfterTerm: boolean; body: string } | { error: string; startedAfterTerm: boolean };

function post(port: number, agent: Agent, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: `/api/v1/public/cases?tenant=${SLUG}`,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => {
          text += String(d);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(20_000, () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}

async function run(name: string, env: Record<string, string>, database: { databaseUrl?: string; dataDir?: string }) {
  await prepare(database);
  const port = 21000 + Math.floor(Math.random() * 20000);
  const server = spawn(process.execPath, ['--import', './src/register-tsx.ts', 'src/main.ts'], {
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
  const exit = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (Date.now() > deadline || server.exitCode !== null) fail(`${name}: server did not start`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  const marker = `stangprov-${name}-${Date.now()}`;
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  let termAt = 0;
  let stop = false;
  const outcomes: Outcome[] = [];
  let sent = 0;
  const client = async () => {
    while (!stop) {
      const i = sent++;
      const startedAfterTerm = termAt > 0;
      try {
        const r = await post(port, agent, JSON.stringify({ type: 'question', category: 'allmant', message: `${marker} #${i}` }));
        outcomes.push({ ...r, startedAfterTerm });
      } catch (error) {
        outcomes.push({ error: (error as NodeJS.ErrnoException).code ?? String(error), startedAfterTerm });
        if (termAt > 0) await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  const clients = Array.from({ length: 8 }, client);
  await new Promise((r) => setTimeout(r, 1500));
  termAt = Date.now();
  server.kill('SIGTERM');
  const code = await exit;
  await new Promise((r) => setTimeout(r, 300));
  stop = true;
  await Promise.all(clients);
  agent.destroy();
  if (code !== 0) fail(`${name}: exit code ${code}`);
  const before = outcomes.filter((o) => !o.startedAfterTerm);
  const cut = before.filter((o) => 'error' in o || o.status !== 201);
  if (cut.length) fail(`${name}: ${cut.length} requests in flight at SIGTERM did not finish with 201: ${JSON.stringify(cut.slice(0, 3))}`);
  const after = outcomes.filter((o) => o.startedAfterTerm);
  const bad = after.filter((o) =>
    'error' in o ? !['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(o.error) : ![201, 503].includes(o.status),
  );
  if (bad.length) fail(`${name}: after SIGTERM a request got ${JSON.stringify(bad[0])}`);
  const ok = outcomes.filter((o) => 'status' in o && o.status === 201) as { status: number; body: string }[];
  const handle = await openDatabase({ ...database, poolSize: 2 });
  try {
    const { rows } = await sql<{ case_number: string }>`
      SELECT case_number FROM cases WHERE starts_with(message, ${`${marker} #`})`.execute(handle.db);
    const stored = new Set(rows.map((r) => r.case_number));
    for (const o of ok) {
      const n = (JSON.parse(o.body) as { caseNumber: string }).caseNumber;
      if (!stored.has(n)) fail(`${name}: acknowledged ${n} not stored`);
    }
  } finally {
    await handle.close();
  }
  const s503 = after.filter((o) => 'status' in o && o.status === 503).length;
  const refused = after.filter((o) => 'error' in o).length;
  console.log(
    `${name}: ${before.length} requests before SIGTERM all finished 201; after it ${after.length - s503 - refused} finished 201, ${s503} got 503, ${refused} found the port closed; exit 0`,
  );
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'insyn-shutdown-'));
const overall = setTimeout(() => fail('took longer than 5 minutes'), 5 * 60_000);
overall.unref();
try {
  await run('embedded', { DATA_DIR: dataDir, DATABASE_URL: '' }, { dataDir });
  if (process.env.FAULT_DATABASE_URL)
    await run('postgres', { DATABASE_URL: process.env.FAULT_DATABASE_URL }, { databaseUrl: process.env.FAULT_DATABASE_URL });
  console.log('fault (graceful shutdown under load): ok');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
