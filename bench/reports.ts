// Report generation on the demo data (the executive board's plan, demo cases and promises): the
// model built from the live data, the public web page, DOCX, XLSX and PDF of the year report, and
// the longest the event loop was blocked while each ran. In-process on the embedded database (or
// DATABASE_URL). Writes the "Reports" section of bench/results.md. Not a test: it reports numbers.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/db/seed/demo.ts';
import { buildApp } from '../src/http/app.ts';
import { systemActor } from '../src/modules/accounts/actor.ts';
import { summaryChartStandalone } from '../src/modules/reports/report.chart.ts';
import { createPrinter } from '../src/modules/reports/report.chromium.ts';
import { docxOf, pdfOf, xlsxOf } from '../src/modules/reports/report.formats.tsx';
import { layoutReport } from '../src/modules/reports/report.layout.ts';
import { buildReportModel } from '../src/modules/reports/report.model.ts';
import { stopReportWorker } from '../src/modules/reports/report.offthread.ts';
import { frozenModel, getReport, listReports } from '../src/modules/reports/reports.service.ts';
import { requireTenant } from '../src/modules/tenants/tenants.service.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

interface Row {
  name: string;
  value: string;
}

async function measure(name: string, fn: () => Promise<unknown>): Promise<Row> {
  await fn();
  const times: number[] = [];
  // The longest gap between ticks of a 5 ms timer, less the 5 ms: how long the loop was held.
  let blocked = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    blocked = Math.max(blocked, now - last - 5);
    last = now;
  }, 5);
  let size = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    const out = await fn();
    times.push(performance.now() - start);
    if (Buffer.isBuffer(out)) size = out.length;
    else if (typeof out === 'string') size = out.length;
  }
  clearInterval(timer);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  return {
    name: `${name} × ${ROUNDS}`,
    value: `median ${median.toFixed(0)} ms, max ${(times[times.length - 1] ?? 0).toFixed(0)} ms; event loop blocked at most ${blocked.toFixed(0)} ms${size ? `; ${(size / 1024).toFixed(0)} KiB` : ''}`,
  };
}

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
const yearRow = await getReport(actor, year.id, { db });
const model = frozenModel(yearRow);
const chartBlock = layoutReport(model).find((b) => b.type === 'chart');
const bars = chartBlock?.type === 'chart' ? chartBlock.bars : [];
const printer = createPrinter(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
const config = loadConfig({
  NODE_ENV: 'test',
  SESSION_SECRET: 'bench-secret-that-is-long-enough-0123456789',
  DATA_DIR: '/nonexistent',
  LOG_LEVEL: 'silent',
  SEED_DEMO: 'false',
});
const app = await buildApp({ db, dbKind: handle.kind, config }, { logger: false });
await app.ready();

const rows: Row[] = [];
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
  await measure('year report 2025: model built from the live data, outcomes computed from the cases afresh', () =>
    buildReportModel(actor, head(year), { db, fresh: true }),
  ),
);
rows.push(
  await measure('draft 2026-D2: model built from the live data, computed outcomes shared for a minute (staff preview)', () =>
    buildReportModel(actor, head(draft), { db }),
  ),
);
rows.push(
  await measure('year report 2025: public web page (`GET /norrtalje/rapporter/:id`, in-process)', async () => {
    const res = await app.inject({ method: 'GET', url: `/norrtalje/rapporter/${year.id}` });
    if (res.statusCode !== 200) throw new Error(`web page ${res.statusCode}`);
    return res.body;
  }),
);
// A new generatedAt each time, so the cache of an approved report's files is missed: these are first builds.
let n = 0;
const fresh = () => ({ ...model, generatedAt: new Date(Date.parse(model.generatedAt) + ++n).toISOString() });
if (printer.available)
  rows.push(
    await measure('summary chart drawn as PNG by Chromium (once per distinct chart, then kept)', () =>
      printer.png(summaryChartStandalone(bars), { width: 640, height: 300 }),
    ),
  );
rows.push(await measure('year report 2025: DOCX (worker thread; chart image kept)', () => docxOf(fresh(), printer)));
rows.push(await measure('year report 2025: XLSX (worker thread)', () => xlsxOf(fresh())));
if (printer.available) rows.push(await measure('year report 2025: PDF (Chromium, tagged)', () => pdfOf(fresh(), printer)));
else rows.push({ name: 'year report 2025: PDF', value: 'skipped: no Chromium' });
await printer.close();
await stopReportWorker();
await app.close();
await handle.close();

const section = [
  '## Reports',
  '',
  `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.versions.node}, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded database (PGlite)'}, ${new Date().toISOString().slice(0, 10)}; \`npm run bench:reports\`. Goals: DOCX and XLSX < 2 s, PDF < 5 s, web page < 300 ms, no block of the event loop > 300 ms.`,
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
