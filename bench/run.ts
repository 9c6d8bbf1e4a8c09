// Benchmarks: starts the real server (`src/main.ts`, embedded database, demo data) as a child
// process and loads it from this process with autocannon over loopback; plus in-process timings
// of the hot domain functions. Writes bench/results.md. Not a test: it only reports numbers.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { addWorkingDays, workingDaysBetween } from '../src/modules/calendar/calendar.ts';

const PORT = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

interface Row {
  name: string;
  value: string;
}

async function waitForHealth(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not become healthy');
}

async function load(name: string, url: string, connections = 10): Promise<Row> {
  const result = await autocannon({ url: `${base}${url}`, connections, duration: DURATION });
  return {
    name: `${name} (\`GET ${url}\`, ${connections} connections, ${DURATION} s)`,
    value: `${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx}`,
  };
}

function timeIt(name: string, iterations: number, fn: (i: number) => void): Row {
  fn(0);
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn(i);
  const ms = performance.now() - start;
  return { name: `${name} × ${iterations}`, value: `${ms.toFixed(1)} ms (${((ms * 1000) / iterations).toFixed(2)} µs each)` };
}

const rows: Row[] = [];
const days = ['2025-01-02', '2025-04-17', '2025-06-19', '2025-12-23', '2026-03-27', '2026-10-23'];
rows.push(timeIt('addWorkingDays(date, 2)', 100_000, (i) => addWorkingDays(days[i % days.length], 2)));
rows.push(timeIt('workingDaysBetween over ~1 month', 100_000, (i) => workingDaysBetween(days[i % days.length], '2026-12-31')));

const dataDir = mkdtempSync(path.join(tmpdir(), 'insyn-bench-'));
const started = Date.now();
const server = spawn(process.execPath, ['--import', './src/register-tsx.ts', 'src/main.ts'], {
  env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'warn', HOST: '127.0.0.1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  await waitForHealth(Date.now() + 180_000);
  rows.push({
    name: 'first start with an empty DATA_DIR (migrate + demo data) until /health answers',
    value: `${((Date.now() - started) / 1000).toFixed(1)} s`,
  });
  rows.push(await load('health', '/health'));
  rows.push(await load('calendar API', '/api/v1/calendar/add-working-days?date=2026-04-02&days=2'));
  rows.push(await load('public start page', '/'));
  rows.push(await load('public tenant page', '/norrtalje'));
  for (const extra of (process.env.BENCH_EXTRA_URLS ?? '').split(',').filter(Boolean)) rows.push(await load('extra', extra));
} finally {
  if (server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  rmSync(dataDir, { recursive: true, force: true });
}

const table = rows.map((r) => `| ${r.name} | ${r.value} |`).join('\n');
const report = `# Latest benchmark results\n\nMachine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.versions.node}, embedded database (PGlite), ${new Date().toISOString().slice(0, 10)}.\n\n| what | result |\n|---|---|\n${table}\n`;
writeFileSync(path.join('bench', 'results.md'), report);
console.log(report);
