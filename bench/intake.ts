// Intake against its anchor, in one run, on one PostgreSQL (DATABASE_URL, with the demo data):
// the bare Fastify + pg server of anchor-server.ts, then Insyn's POST /api/v1/public/cases and
// POST /api/v1/cases (the real server, src/main.ts, as a child process). Each is loaded for
// maximum throughput (10 connections) and at a fixed 500 requests/s (p99), evenly paced
// (bench/paced-load.ts) and, as before, autocannon's overallRate (bursts). While Insyn is loaded,
// pg_stat_activity is sampled every 20 ms to see what the busy connections wait for.
// Rate limits are lifted for loopback (RATE_LIMIT_EXEMPT=127.0.0.1) for the run.
//   DATABASE_URL=postgres://… node --import ./src/register-tsx.ts bench/intake.ts [--seconds 10] [--label x]
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { createApiToken, findUserByEmail } from '../src/modules/accounts/accounts.service.ts';
import { requireTenant } from '../src/modules/tenants/tenants.service.ts';
import { type PacedResult, pacedLoad } from './paced-load.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    label: { type: 'string', default: 'run' },
    tenant: { type: 'string', default: 'norrtalje' },
  },
});
const SECONDS = Number(values.seconds);
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const slug = values.tenant as string;

const handle = await openDatabase({ databaseUrl: url, poolSize: 2 });
const tenant = await requireTenant(handle.db, slug);
const agent = await findUserByEmail(handle.db, tenant.id, `kontaktcenter@${slug}.demo`);
if (!agent) throw new Error('no demo agent: run insyn seed-demo');
const { token } = await createApiToken(handle.db, { tenantId: tenant.id, userId: agent.id, label: 'bench' }, 'intake bench');
const category = await handle.db
  .selectFrom('categories')
  .select('code')
  .where('tenant_id', '=', tenant.id)
  .where('active', '=', true)
  .orderBy('code')
  .executeTakeFirstOrThrow();
await handle.close();

function start(args: string[], env: Record<string, string>, ready: RegExp | string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += String(d);
      if (typeof ready === 'string' ? out.includes(ready) : ready.test(out)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}`)));
  });
}
async function waitHealthy(base: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} not healthy`);
}
async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  total: number;
}
async function load(target: string, headers: Record<string, string>, body: string, rate?: number): Promise<Result> {
  const r = await autocannon({
    url: target,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    connections: rate ? 50 : 10,
    duration: SECONDS,
    ...(rate ? { overallRate: rate } : {}),
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, total: r.requests.total };
}
const RATE = 500;
const paced = (target: string, headers: Record<string, string>, body: string, rate = RATE) =>
  pacedLoad({
    url: target,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    rate,
    seconds: SECONDS,
  });

/** Samples what Insyn's busy connections wait for, while fn runs. */
async function sampled<T>(fn: () => Promise<T>): Promise<{ result: T; waits: Record<string, number>; samples: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const waits: Record<string, number> = {};
  let samples = 0;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      const { rows } = await client.query(
        `SELECT coalesce(wait_event_type || ':' || wait_event, 'running') AS w, left(query, 60) AS q
           FROM pg_stat_activity WHERE application_name = 'insyn' AND state <> 'idle'`,
      );
      for (const r of rows) {
        const key =
          r.w === 'Lock:transactionid' || r.w === 'Lock:tuple'
            ? `${r.w} (${/case_counters/.test(r.q) ? 'case counter' : r.q.slice(0, 30)})`
            : r.w;
        waits[key] = (waits[key] ?? 0) + 1;
        samples++;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const result = await fn();
  done = true;
  await sampler;
  await client.end();
  return { result, waits, samples };
}

interface Wal {
  records: number;
  fpi: number;
  bytes: number;
}
/** CPU time (ms) used so far by each process: the server's and every PostgreSQL process (Linux /proc). */
function cpuMs(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      // utime and stime, fields 14 and 15 of stat (11 and 12 after the name), in 1/100 s.
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {}
  }
  return out;
}
function postgresPids(): number[] {
  try {
    return execFileSync('pgrep', ['-u', 'postgres'], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
const spent = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

/**
 * WAL written while fn ran (pg_stat_wal, cluster-wide: nothing else writes during the run), and
 * the CPU time the server process and PostgreSQL spent, all per request.
 */
async function withWal<T extends { total: number }>(
  serverPid: number | undefined,
  fn: () => Promise<T>,
): Promise<T & { wal: Wal; cpu: { server: number; db: number } }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const read = async (): Promise<Wal> => {
    const { rows } = await client.query(
      'SELECT wal_records::float8 AS records, wal_fpi::float8 AS fpi, wal_bytes::float8 AS bytes FROM pg_stat_wal',
    );
    return rows[0];
  };
  const before = await read();
  const server0 = cpuMs(serverPid ? [serverPid] : []);
  const db0 = cpuMs(postgresPids());
  const result = await fn();
  const server1 = cpuMs(serverPid ? [serverPid] : []);
  const db1 = cpuMs(postgresPids());
  const after = await read();
  await client.end();
  const n = Math.max(1, result.total);
  const per = (k: keyof Wal) => (after[k] - before[k]) / n;
  return {
    ...result,
    wal: { records: per('records'), fpi: per('fpi'), bytes: per('bytes') },
    cpu: { server: spent(server0, server1) / n, db: spent(db0, db1) / n },
  };
}

const lines: string[] = [];
const ANCHOR = 3990;
const INSYN = 3991;
const body = JSON.stringify({ type: 'question', category: category.code, message: 'Hur lång tid tar ett bygglov?' });
const anchor = await start(['bench/anchor-server.ts'], { PORT: String(ANCHOR), DATABASE_URL: url }, 'anchor listening');
const anchorMax = await withWal(anchor.pid, () => load(`http://127.0.0.1:${ANCHOR}/cases`, {}, body));
const anchorPaced = await paced(`http://127.0.0.1:${ANCHOR}/cases`, {}, body);
const anchorHalf = await paced(`http://127.0.0.1:${ANCHOR}/cases`, {}, body, Math.round(anchorMax.rps / 2));
const anchor500 = await load(`http://127.0.0.1:${ANCHOR}/cases`, {}, body, RATE);
await stop(anchor);

const insyn = spawn(process.execPath, ['--import', './src/register-tsx.ts', 'src/main.ts'], {
  env: { ...process.env, PORT: String(INSYN), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_EXEMPT: '127.0.0.1', SEED_DEMO: 'false' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${INSYN}`;
await waitHealthy(base);
const publicBody = JSON.stringify({
  type: 'question',
  category: category.code,
  message: 'Hur lång tid tar ett bygglov?',
  contact: { email: 'boende@example.se' },
});
const pub = await sampled(() => withWal(insyn.pid, () => load(`${base}/api/v1/public/cases?tenant=${slug}`, {}, publicBody)));
const pubPaced = await paced(`${base}/api/v1/public/cases?tenant=${slug}`, {}, publicBody);
// Also at half of what the route managed at most: the latency of a busy but not saturated server.
const pubHalf = await paced(`${base}/api/v1/public/cases?tenant=${slug}`, {}, publicBody, Math.round(pub.result.rps / 2));
const pub500 = await load(`${base}/api/v1/public/cases?tenant=${slug}`, {}, publicBody, RATE);
const staffBody = JSON.stringify({ type: 'question', channel: 'phone', category: category.code, message: 'Ringde om bygglov.' });
const staff = await sampled(() => withWal(insyn.pid, () => load(`${base}/api/v1/cases`, { authorization: `Bearer ${token}` }, staffBody)));
const staffPaced = await paced(`${base}/api/v1/cases`, { authorization: `Bearer ${token}` }, staffBody);
const staffHalf = await paced(`${base}/api/v1/cases`, { authorization: `Bearer ${token}` }, staffBody, Math.round(staff.result.rps / 2));
const staff500 = await load(`${base}/api/v1/cases`, { authorization: `Bearer ${token}` }, staffBody, RATE);
await stop(insyn);

const fmtPaced = (r: PacedResult) =>
  `${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms, errors ${r.errors} of ${r.total}`;
const fmt = (r: Result) => `${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors} of ${r.total}`;
const waits = (w: { waits: Record<string, number>; samples: number }) =>
  Object.entries(w.waits)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([k, n]) => `${k} ${Math.round((100 * n) / Math.max(1, w.samples))} %`)
    .join('; ');
lines.push(
  `## Intake ${values.label}: ${cpus().length} cores, Node ${process.versions.node}, PostgreSQL, ${new Date().toISOString().slice(0, 16)}Z, ${SECONDS} s per load, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (the machine is shared)`,
);
lines.push('');
const walOf = (r: { wal: Wal; cpu: { server: number; db: number } }) =>
  `WAL ${Math.round(r.wal.bytes).toLocaleString('en')} B in ${r.wal.records.toFixed(1)} records; CPU: server ${r.cpu.server.toFixed(2)} ms, PostgreSQL ${r.cpu.db.toFixed(2)} ms`;
lines.push(
  `| target | max (10 connections) | ratio to anchor | per request in the max run | ${RATE} req/s evenly paced (open loop) | evenly paced at half its max | autocannon overallRate ${RATE} (bursts, 50 connections) | busy connections wait for |`,
);
lines.push('|---|---|---|---|---|---|---|---|');
lines.push(
  `| anchor (bench/anchor-server.ts) | ${fmt(anchorMax)} | 100 % | ${walOf(anchorMax)} | ${fmtPaced(anchorPaced)} | ${fmtPaced(anchorHalf)} | ${fmt(anchor500)} | |`,
);
lines.push(
  `| POST /api/v1/public/cases | ${fmt(pub.result)} | ${Math.round((100 * pub.result.rps) / anchorMax.rps)} % | ${walOf(pub.result)} | ${fmtPaced(pubPaced)} | ${fmtPaced(pubHalf)} | ${fmt(pub500)} | ${waits(pub)} |`,
);
lines.push(
  `| POST /api/v1/cases | ${fmt(staff.result)} | ${Math.round((100 * staff.result.rps) / anchorMax.rps)} % | ${walOf(staff.result)} | ${fmtPaced(staffPaced)} | ${fmtPaced(staffHalf)} | ${fmt(staff500)} | ${waits(staff)} |`,
);
const report = `${lines.join('\n')}\n`;
writeFileSync(`bench/intake-${values.label}.md`, report);
console.log(report);
