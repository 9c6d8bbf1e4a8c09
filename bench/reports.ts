// Report generation on the demo data (the executive board's plan, demo cases and promises),
// end to end over HTTP (a real socket: request to last byte) for the approved and published
// 2025 annual report and the draft 2026-D2: the model as JSON, the web page, DOCX, XLSX and PDF,
// and the longest the event loop was blocked while each ran. Then the parts in-process: the
// model built from the live data and first builds of each file. Embedded database (or
// DATABASE_URL). Writes the "Reports" section of bench/results.md. Not a test: it reports numbers.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/db/seed/demo.ts';
import { buildApp } from '../src/http/app.ts';
import { createApiToken, findUserByEmail } from '../src/modules/accounts/accounts.service.ts';
import { systemActor } from '../src/modules/accounts/actor.ts';
import { docxOf, pdfOf, xlsxOf } from '../src/modules/reports/report.formats.tsx';
import { layoutReport } from '../src/modules/reports/report.layout.ts';
import { buildReportModel, clearSharedSources } from '../src/modules/reports/report.model.ts';
import { stopReportWorker } from '../src/modules/reports/report.offthread.ts';
import { createPrinter } from '../src/modules/reports/report.printer.ts';
import { frozenModel, getReport, listReports } from '../src/modules/reports/reports.service.ts';
import { warmPublishedReports } from '../src/modules/reports/reports.warm.ts';
import { requireTenant } from '../src/modules/tenants/tenants.service.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

interface Row {
  name: string;
  value: string;
}

/** The longest gap between ticks of a 5 ms timer, less the 5 ms: how long the loop was held. */
function blockMonitor() {
  let blocked = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    blocked = Math.max(blocked, now - last - 5);
    last = now;
  }, 5);
  return () => {
    clearInterval(timer);
    return Math.max(blocked, performance.now() - last - 5);
  };
}

const ms = (n: number) => `${n.toFixed(0)} ms`;

/**
 * The first run (cold: after `before`, nothing kept) and then ROUNDS more (median, max), with the
 * longest event-loop block over all of them.
 */
async function measure(name: string, fn: () => Promise<unknown>, options: { before?: () => void; coldEach?: boolean } = {}): Promise<Row> {
  const stop = blockMonitor();
  const times: number[] = [];
  let size = 0;
  let first = 0;
  for (let i = 0; i <= ROUNDS; i++) {
    if (i === 0 || options.coldEach) options.before?.();
    const start = performance.now();
    const out = await fn();
    const took = performance.now() - start;
    if (i === 0) first = took;
    else times.push(took);
    if (Buffer.isBuffer(out)) size = out.length;
    else if (typeof out === 'string') size = Buffer.byteLength(out);
  }
  const blocked = stop();
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  return {
    name: `${name} × ${ROUNDS + 1}`,
    value: `first ${ms(first)}; then median ${ms(median)}, max ${ms(times[times.length - 1] ?? 0)}; event loop blocked at most ${ms(blocked)}${size ? `; ${(size / 1024).toFixed(0)} KiB` : ''}`,
  };
}

const load0 = loadavg();
const handle = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
const { db } = handle;
await migrateToLatest(db);
await seedDemo(db);
const tenant = await requireTenant(db, 'norrtalje');
const actor = systemActor(tenant, 'bench');
const reports = await listReports(actor, {}, { db });
const year = reports.find((r) => r.period === '2025');
const draft = reports.find((r) => r.period === '2026-D2');
if (!year || !draft) throw new Error('demo reports missing');
const config = loadConfig({
  NODE_ENV: 'test',
  SESSION_SECRET: 'bench-secret-that-is-long-enough-0123456789',
  DATA_DIR: '/nonexistent',
  LOG_LEVEL: 'silent',
  SEED_DEMO: 'false',
  RATE_LIMIT_EXEMPT: '127.0.0.1',
  CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
});
const app = await buildApp({ db, dbKind: handle.kind, config }, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
// As src/main.ts does after the port opens: the published reports' DOCX built once (and timed).
const warm = await warmPublishedReports(app, db);
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const quality = await findUserByEmail(db, tenant.id, 'kvalitet@norrtalje.demo');
if (!quality) throw new Error('demo quality strategist missing');
const { token } = await createApiToken(db, { tenantId: tenant.id, userId: quality.id, label: 'bench' }, 'bench');
const auth = { authorization: `Bearer ${token}` };

/** Signs in through the form like a browser, for the staff preview page. */
async function staffCookie(): Promise<string> {
  const page = await fetch(`${base}/staff/login`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const jar = page.headers.getSetCookie().map((c) => c.split(';')[0]);
  const res = await fetch(`${base}/staff/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: jar.join('; '), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, tenant: 'norrtalje', email: 'kvalitet@norrtalje.demo', password: DEMO_PASSWORD }),
  });
  if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
  const cookies = new Map([...jar, ...res.headers.getSetCookie().map((c) => c.split(';')[0])].map((c) => [c?.split('=')[0], c]));
  return [...cookies.values()].join('; ');
}
const cookie = await staffCookie();

async function get(path: string, headers: Record<string, string>): Promise<Buffer> {
  const res = await fetch(`${base}${path}`, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.toString().slice(0, 200)}`);
  return body;
}

const rows: Row[] = [];
const http = async (label: string, path: string, headers: Record<string, string>, options: Parameters<typeof measure>[2] = {}) =>
  rows.push(await measure(`${label} (\`GET ${path.replace(/[0-9a-f-]{36}/, ':id')}\`)`, () => get(path, headers), options));

// The approved report reads its stored model; its files are kept once built, so "first" is the build.
await http('approved 2025: model as JSON', `/api/v1/reports/${year.id}`, auth);
await http('approved 2025: public web page', `/norrtalje/rapporter/${year.id}`, {});
await http('approved 2025: staff preview page', `/staff/reports/${year.id}`, { cookie });
await http('approved 2025: DOCX', `/api/v1/reports/${year.id}.docx`, auth);
await http('approved 2025: XLSX', `/api/v1/reports/${year.id}.xlsx`, auth);
await http('approved 2025: PDF', `/api/v1/reports/${year.id}.pdf`, auth);
// A draft is built from the live data on every request; outcomes computed from the cases are
// shared for a minute, so each round starts with them forgotten (a cold first view every time).
const cold = { before: clearSharedSources, coldEach: true };
await http('draft 2026-D2: model as JSON, computed outcomes forgotten each round', `/api/v1/reports/${draft.id}`, auth, cold);
await http('draft 2026-D2: staff preview page, computed outcomes forgotten each round', `/staff/reports/${draft.id}`, { cookie }, cold);
await http('draft 2026-D2: DOCX, computed outcomes forgotten each round', `/api/v1/reports/${draft.id}.docx`, auth, cold);
await http('draft 2026-D2: XLSX, computed outcomes forgotten each round', `/api/v1/reports/${draft.id}.xlsx`, auth, cold);
await http('draft 2026-D2: PDF, computed outcomes forgotten each round', `/api/v1/reports/${draft.id}.pdf`, auth, cold);
await http('draft 2026-D2: staff preview page, computed outcomes shared (within a minute)', `/staff/reports/${draft.id}`, { cookie });

// The parts, in-process: the year model built afresh, and first builds of each file (a new
// generatedAt each time, so the kept files are missed).
const head = (r: typeof draft) => ({
  id: r.id,
  boardUnitId: r.board_unit_id,
  period: r.period,
  version: r.version,
  status: r.status,
  introduction: r.introduction,
  closing: r.closing,
  replacesReportId: r.replaces_report_id,
  replaceReason: r.replace_reason,
  decisionDate: r.decision_date,
  registrationNumber: r.registration_number,
});
rows.push(
  await measure('in-process: year 2025 model built from the live data, outcomes computed from the cases afresh', () =>
    buildReportModel(actor, head(year), { db, fresh: true }),
  ),
);
const model = frozenModel(await getReport(actor, year.id, { db }));
const printer = createPrinter(config.chromiumPath);
const chartBlock = layoutReport(model).find((b) => b.type === 'chart');
const bars = chartBlock?.type === 'chart' ? chartBlock.bars : [];
let n = 0;
const fresh = () => ({ ...model, generatedAt: new Date(Date.parse(model.generatedAt) + ++n).toISOString() });
if (printer.available) {
  rows.push(
    await measure(
      'in-process: summary chart drawn as PNG (print worker thread; once per distinct chart, then kept)',
      async () => (await printer.chartPng(bars)).png,
    ),
  );
}
rows.push(await measure('in-process: year 2025 DOCX, first build (worker thread; chart image kept)', () => docxOf(fresh(), printer)));
rows.push(await measure('in-process: year 2025 XLSX, first build (worker thread)', () => xlsxOf(fresh())));
if (printer.available)
  rows.push(
    await measure('in-process: year 2025 PDF, first build (print worker thread: HTML and Chromium)', () => pdfOf(fresh(), printer)),
  );
else rows.push({ name: 'PDF', value: 'skipped: no Chromium' });
await printer.close();
await stopReportWorker();
await app.close();
await handle.close();
const load1 = loadavg();

const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
const section = [
  '## Reports',
  '',
  `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), shared; load average ${fmt(load0)} at the start and ${fmt(load1)} at the end; Node ${process.versions.node}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded database (PGlite)'}, ${new Date().toISOString().slice(0, 10)}; \`npm run bench:reports\`. Goals: DOCX and XLSX < 2 s, PDF < 5 s, web page < 300 ms, no block of the event loop > 300 ms. HTTP rows are over a real socket (request to last byte) on one process that also runs the database when embedded.`,
  '',
  `Start-up, as \`src/main.ts\` does after the port opens (in the background there): the published reports' DOCX built once — ${warm.files} file(s) in ${ms(warm.ms)}, which starts the print worker, Chromium and the DOCX worker. The approved rows below come after it, as a visitor after start-up would see them; the in-process rows at the end start cold.`,
  '',
  '| what | result |',
  '|---|---|',
  ...rows.map((r) => `| ${r.name} | ${r.value} |`),
  '',
].join('\n');
console.log(section);
const file = new URL('./results.md', import.meta.url);
const current = readFileSync(file, 'utf8');
const start = current.indexOf('## Reports');
const next = start >= 0 ? current.indexOf('\n## ', start + 3) : -1;
const updated =
  start < 0 ? `${current.trimEnd()}\n\n${section}` : `${current.slice(0, start)}${section}${next >= 0 ? current.slice(next + 1) : ''}`;
writeFileSync(file, updated);
