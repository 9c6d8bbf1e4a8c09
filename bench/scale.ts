// Budgets at scale: the heavy reads of a tenant grown with `insyn bench-data`, timed through the
// real app (Fastify inject: routing, auth, SQL, rendering; no network), on PostgreSQL
// (DATABASE_URL) or the embedded database (DATA_DIR). On PostgreSQL every query of each measured
// request is captured and the slowest are EXPLAINed (ANALYZE, BUFFERS) into bench/explain-*.md.
//
//   DATABASE_URL=postgres://… npm run -s bench:scale -- --label pg-1m
//   DATA_DIR=/tmp/insyn-100k   npm run -s bench:scale -- --label pglite-100k
//
// Not a test: it only reports numbers (medians of a few runs, and the slowest run).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { type Db, openDatabase } from '../src/db/database.ts';
import type { Database } from '../src/db/schema.ts';
import { buildApp } from '../src/http/app.ts';
import { createApiToken, findUserByEmail } from '../src/modules/accounts/accounts.service.ts';
import { tenantCalendar } from '../src/modules/calendar/calendar.service.ts';
import { caseTimings } from '../src/modules/cases/cases.service.ts';
import { buildStats } from '../src/modules/cases/stats.service.ts';
import { warmPublicPromisePages } from '../src/modules/promises/promises.warm.ts';
import { sendTenantReminders } from '../src/modules/reminders/reminders.service.ts';
import { requireTenant } from '../src/modules/tenants/tenants.service.ts';

const { values } = parseArgs({
  options: {
    tenant: { type: 'string', default: 'norrtalje' },
    label: { type: 'string', default: 'run' },
    year: { type: 'string', default: '2026' },
    runs: { type: 'string', default: '5' },
    'cold-child': { type: 'string' },
    'no-warm-up': { type: 'boolean' },
    // The old in-process statistics while /health is probed (default on the embedded database only:
    // on PostgreSQL at a million cases it ships every row of two years to the process).
    'health-before': { type: 'boolean' },
  },
});
const slug = values.tenant as string;
const year = Number(values.year);
const RUNS = Number(values.runs);
const config = loadConfig();

interface Captured {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}
let captured: Captured[] = [];

async function open(): Promise<{ db: Db; kind: 'postgres' | 'pglite'; close(): Promise<void> }> {
  if (!config.databaseUrl) return openDatabase({ dataDir: config.dataDir });
  await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 1 }).then((h) => h.close()); // type parsers
  const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10, application_name: 'insyn-bench' });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log(event) {
      if (event.level === 'query')
        captured.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
    },
  });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function setup() {
  const handle = await open();
  const app = await buildApp({ db: handle.db, dbKind: handle.kind, config }, { logger: false });
  await app.ready();
  const tenant = await requireTenant(handle.db, slug);
  const token = async (email: string) => {
    const user = await findUserByEmail(handle.db, tenant.id, email);
    if (!user) throw new Error(`no ${email} in ${slug}: run insyn seed-demo first`);
    const created = await createApiToken(handle.db, { tenantId: tenant.id, userId: user.id, label: 'bench' }, 'bench');
    return { authorization: `Bearer ${created.token}` };
  };
  return { ...handle, app, tenant, token };
}

/**
 * The first request of a fresh process, started as src/main.ts starts the server: the public
 * pages' warm-up runs before the port opens (its time is printed too). With --no-warm-up: nothing
 * in the app's caches (the uncached computation and first render).
 */
if (values['cold-child']) {
  const s = await setup();
  const warm = values['no-warm-up'] ? null : await warmPublicPromisePages(s.app, s.db);
  const start = performance.now();
  const res = await s.app.inject({ method: 'GET', url: values['cold-child'] });
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, status: res.statusCode, warmUpMs: warm?.ms ?? 0, warmed: warm?.pages ?? 0 }));
  await s.app.close();
  await s.close();
  process.exit(0);
}

interface Row {
  what: string;
  budget?: string;
  median: number;
  max: number;
  note?: string;
}
const rows: Row[] = [];
const explains: { what: string; query: Captured; plan: string }[] = [];

const pick = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};

// Cold public page first: on the embedded database only one process may hold DATA_DIR.
const publicPromiseId = process.env.BENCH_PUBLIC_PROMISE;
const warmUps: { ms: number; pages: number }[] = [];
async function coldRuns(url: string, warmUp = true): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < 3; i++) {
    const args = ['--import', './src/register-tsx.ts', 'bench/scale.ts', '--tenant', slug, '--cold-child', url];
    const r = spawnSync(process.execPath, warmUp ? args : [...args, '--no-warm-up'], {
      env: process.env,
      encoding: 'utf8',
    });
    const line = r.stdout.trim().split('\n').pop() ?? '';
    const parsed = JSON.parse(line) as { ms: number; status: number; warmUpMs: number; warmed: number };
    if (parsed.status !== 200) throw new Error(`${url}: ${parsed.status}`);
    out.push(parsed.ms);
    if (warmUp) warmUps.push({ ms: parsed.warmUpMs, pages: parsed.warmed });
  }
  return out;
}

const s = await setup();
let db = s.db;
const tenantId = s.tenant.id;
const { rows: promiseRows } = await sql<{ id: string; metric: string }>`
  SELECT p.id, v.metric->>'type' AS metric FROM promises p JOIN promise_versions v ON v.promise_id = p.id AND v.tenant_id = p.tenant_id
   WHERE p.tenant_id = ${tenantId} AND p.status = 'published' AND v.metric->>'type' = 'case_first_response' AND v.metric->'filter' IS NULL
   LIMIT 1`.execute(db);
const promiseId = publicPromiseId ?? promiseRows[0]?.id;
if (!promiseId) throw new Error('no published first-response promise');
const { rows: countRows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases WHERE tenant_id = ${tenantId}`.execute(db);
const caseCount = Number(countRows[0].n);
const { rows: openRows } = await sql<{ n: number }>`
  SELECT count(*)::int AS n FROM cases WHERE tenant_id = ${tenantId} AND status <> 'resolved' AND first_response_at IS NULL`.execute(db);

const publicUrl = `/${slug}/promises/${promiseId}`;
await s.app.close();
await s.close();
const cold = pick(await coldRuns(publicUrl));
const uncached = pick(await coldRuns(publicUrl, false));
const t = await setup();
db = t.db;
const quality = await t.token('kvalitet@norrtalje.demo');
const officer = await t.token('handlaggare@norrtalje.demo');

async function measure(what: string, budget: string, url: string, headers: Record<string, string> = {}) {
  await t.app.inject({ method: 'GET', url, headers }); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    captured = [];
    const start = performance.now();
    const res = await t.app.inject({ method: 'GET', url, headers });
    times.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  rows.push({ what: `${what} (\`GET ${url.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/, ':id')}\`)`, budget, ...pick(times) });
  await explainSlowest(what);
}

async function explainSlowest(what: string, count = 2) {
  if (t.kind !== 'postgres') return;
  const slowest = [...captured].sort((a, b) => b.ms - a.ms).slice(0, count);
  for (const q of slowest) {
    if (q.ms < 5) continue;
    // A rolled-back transaction: EXPLAIN ANALYZE of a claim would otherwise write.
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      const res = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.sql}`, q.parameters as unknown[]);
      explains.push({ what, query: q, plan: res.rows.map((r) => r['QUERY PLAN']).join('\n') });
    } finally {
      await client.query('ROLLBACK');
      await client.end();
    }
  }
}

const from = `${year}-01-01`;
const to = `${year}-12-31`;
await measure('statistics for a year, API', '300 ms', `/api/v1/stats/first-response?from=${from}&to=${to}`, quality);
await measure('statistics page for a year', '300 ms', `/staff/stats?from=${from}&to=${to}`, quality);
await measure('statistics for two years, API', '—', `/api/v1/stats/first-response?from=${year - 1}-01-01&to=${to}`, quality);
await measure("a promise's fulfilment for a year", '300 ms', `/api/v1/promises/${promiseId}/fulfilment?from=${from}&to=${to}`, quality);
await measure(
  "a promise's results (months, delår, year, 2 trend years)",
  '—',
  `/api/v1/promises/${promiseId}/results?year=${year}`,
  quality,
);
await measure("the officer's inbox page", '50 ms', '/staff/cases', officer);
await measure("the officer's inbox, overdue first, page 5", '50 ms', '/staff/cases?sort=due&page=5', officer);
await measure('Open311 listing, the last 90 days, first page of 1 000', '—', `/open311/v2/requests.json?jurisdiction_id=${slug}`);
await measure(
  'Open311 listing, open only, page 3 of 100',
  '—',
  `/open311/v2/requests.json?jurisdiction_id=${slug}&status=open&page=3&page_size=100`,
);
rows.push({
  what: `public promise page, cold (first request of a fresh process after the start-up warm-up, \`GET ${slug}/promises/:id\`)`,
  budget: '100 ms',
  ...cold,
  note: `warm-up before the port opens: ${warmUps.map((w) => `${w.pages} pages in ${w.ms.toFixed(0)} ms`).join(', ')}`,
});
rows.push({
  what: 'public promise page, first request of a fresh process without the warm-up (uncached summary, first render)',
  budget: '—',
  ...uncached,
});
await measure('public promise page, warm (kept a minute)', '—', publicUrl);

// The reminder round: the first claims the backlog of open overdue cases; the next is the steady state.
const today = new Date().toISOString().slice(0, 10);
// Start from no reminders sent (a bench database), so before and after measure the same work.
await sql`DELETE FROM reminder_sent WHERE tenant_id = ${tenantId}`.execute(db);
for (const round of ['first (backlog)', 'next (steady state)']) {
  captured = [];
  const start = performance.now();
  const r = await sendTenantReminders(db, tenantId, today, 'http://127.0.0.1');
  const ms = performance.now() - start;
  rows.push({ what: `reminder round, ${round}: ${r.reminders} reminders, ${r.mails} mails`, budget: '1 s', median: ms, max: ms });
  await explainSlowest(`reminder round, ${round}`, 1);
}

// The event loop while a heavy staff request runs: /health every 10 ms, before (the old
// in-process computation: every case of two years shipped and counted in JS) and after (SQL).
async function healthDuring(label: string, heavy: () => Promise<unknown>) {
  const latencies: number[] = [];
  let done = false;
  const heavyStart = performance.now();
  const work = heavy().finally(() => {
    done = true;
  });
  while (!done) {
    const start = performance.now();
    await t.app.inject({ method: 'GET', url: '/health' });
    latencies.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 10));
  }
  await work;
  const heavyMs = performance.now() - heavyStart;
  const sorted = latencies.sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))];
  rows.push({
    what: `/health p99 during ${label} (${sorted.length} probes; heavy request ${heavyMs.toFixed(0)} ms)`,
    median: sorted[Math.floor(sorted.length / 2)],
    max: p99,
    note: 'max column = p99',
  });
}
if (values['health-before'] ?? t.kind === 'pglite')
  await healthDuring('two years of statistics, before (rows to the process, counted in JS)', async () => {
    const calendar = await tenantCalendar(db, tenantId);
    const timings = await caseTimings(db, tenantId, { dueFrom: `${year - 1}-01-01`, dueTo: to });
    return buildStats(timings, today, calendar, { from: `${year - 1}-01-01`, to, unitId: null });
  });
await healthDuring('two years of statistics, after (SQL aggregate)', () =>
  t.app.inject({ method: 'GET', url: `/api/v1/stats/first-response?from=${year - 1}-01-01&to=${to}`, headers: quality }),
);

await t.app.close();
await t.close();

const label = values.label as string;
const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.versions.node}, ${t.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${new Date().toISOString().slice(0, 16)}Z, load average ${loadavg()
  .map((l) => l.toFixed(1))
  .join(' ')} (the machine is shared)`;
const table = rows
  .map((r) => `| ${r.what} | ${r.budget ?? ''} | ${r.median.toFixed(1)} ms | ${r.max.toFixed(1)} ms${r.note ? ` (${r.note})` : ''} |`)
  .join('\n');
const report = `## ${label}: ${caseCount.toLocaleString('en')} cases in ${slug} (${Number(openRows[0].n).toLocaleString('en')} open without first feedback)\n\n${machine}; ${RUNS} runs after one warm-up, through Fastify inject.\n\n| what | budget | median | slowest |\n|---|---|---|---|\n${table}\n`;
writeFileSync(path.join('bench', `scale-${label}.md`), report);
if (explains.length) {
  const text = explains
    .map(
      (e) =>
        `## ${e.what} (${e.query.ms.toFixed(1)} ms in the run)\n\n\`\`\`sql\n${e.query.sql}\n\`\`\`\n\n\`\`\`\n${e.plan.replaceAll(tenantId, '<tenant>')}\n\`\`\`\n`,
    )
    .join('\n');
  writeFileSync(
    path.join('bench', `explain-${label}.md`),
    `# EXPLAIN (ANALYZE, BUFFERS) of the slowest queries, ${label}\n\n${caseCount.toLocaleString('en')} cases in ${slug}; ${machine}.\n\n${text}`,
  );
}
console.log(report);
