// Fault: graceful shutdown under load. While clients keep submitting over keep-alive connections,
// the server gets SIGTERM: requests in flight finish (201, stored), requests that arrive after
// get 503 (or, once the listener is closed, a refused connection), none is cut off mid-way, and
// the process exits 0. On the embedded database; on PostgreSQL too when FAULT_DATABASE_URL is set.
//   node --import ./src/register-tsx.ts scripts/fault-shutdown.ts
import { Agent, request } from 'node:http';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import {
  exitOf,
  type Fail,
  type FaultTarget,
  failer,
  faultTargets,
  overallDeadline,
  prepareTenant,
  randomPort,
  startServer,
  waitHealthy,
} from './fault-server.ts';

const SLUG = 'stangprov';
const fail: Fail = failer('graceful shutdown');

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

async function run({ name, env, database }: FaultTarget) {
  await prepareTenant(database, { slug: SLUG, name: 'Stängprovs kommun' }, fail);
  const port = randomPort();
  const server = startServer(env, port);
  const exit = exitOf(server);
  await waitHealthy(port, server, (message) => fail(`${name}: ${message}`));
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

const { targets, cleanup } = faultTargets('insyn-shutdown-');
overallDeadline(5, fail);
try {
  for (const t of targets) await run(t);
  console.log('fault (graceful shutdown under load): ok');
} finally {
  cleanup();
}
