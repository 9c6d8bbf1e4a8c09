// The public site's budgets, measured in one run against the real server (src/main.ts with the
// demo data) on PostgreSQL: every public page reachable from the start pages in sv, fi and en is
// crawled; its weight as transferred (HTML gzip-compressed by the server + the stylesheets, no
// fonts, no script) must be ≤ 60 KB; then 10 clients load those pages round-robin and the
// server time p95 must be ≤ 20 ms. Downloads (report PDF/DOCX/XLSX, CSV, JSON) and stylesheets are
// not pages and are not crawled as such. Lighthouse scores come from bench/lighthouse.ts
// (npm run bench:lighthouse). Writes bench/public-results.md with the load average beside the
// numbers; exits 1 when a budget is missed.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/insyn_umbrella_bench npm run bench:public
//   (without it: PGlite in a temporary DATA_DIR, reported as such). BENCH_SECONDS (default 10).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { ensureBenchDatabase } from './bench-db.ts';

const PORT = 3990 + Math.floor(Math.random() * 9);
const base = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = 10;
const PAGE_BUDGET = 60 * 1024;
const P95_BUDGET_MS = 20;
const databaseUrl = process.env.BENCH_DATABASE_URL;

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

/** One GET as a browser sends it (gzip accepted); the bytes as transferred and the time to the last byte. */
function get(pathname: string): Promise<{ status: number; bytes: number; body: Buffer; ms: number; headers: http.IncomingHttpHeaders }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${base}${pathname}`,
      { agent, headers: { 'accept-encoding': 'gzip', 'user-agent': 'Mozilla/5.0 insyn-bench' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, bytes: body.length, body, ms: performance.now() - start, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
  });
}

async function waitForHealth(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await get('/health')).status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not become healthy');
}

async function text(pathname: string): Promise<string> {
  const res = await get(pathname);
  if (res.headers['content-encoding'] === 'gzip') return (await import('node:zlib')).gunzipSync(res.body).toString('utf8');
  return res.body.toString('utf8');
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'insyn-bench-public-'));
if (databaseUrl) await ensureBenchDatabase(databaseUrl);
const server = spawn(process.execPath, ['--import', './src/register-tsx.ts', 'src/main.ts'], {
  env: {
    ...process.env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir }),
    PORT: String(PORT),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'true',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const lines: string[] = [];
let failed = false;
try {
  await waitForHealth(Date.now() + 300_000);
  const css = (await get('/static/styles.css')).bytes;
  const start = await text('/');
  const slugs = [...start.matchAll(/href="\/([a-z0-9][a-z0-9-]{1,62})\?lang=sv"/g)].map((m) => m[1]);
  const queue = ['/', ...slugs.flatMap((s) => ['sv', 'fi', 'en'].map((l) => `/${s}?lang=${l}`))];
  const seen = new Set(queue);
  const pages: { url: string; bytes: number }[] = [];
  while (queue.length > 0 && pages.length < 400) {
    const url = queue.shift() as string;
    const res = await get(url);
    if (res.status !== 200) {
      lines.push(`- ${url}: status ${res.status}`);
      failed = true;
      continue;
    }
    const slug = /^\/([a-z0-9-]+)/.exec(url)?.[1];
    const theme = slug ? (await get(`/${slug}/theme.css`)).bytes : 0;
    pages.push({ url, bytes: res.bytes + css + theme });
    const html =
      res.headers['content-encoding'] === 'gzip'
        ? (await import('node:zlib')).gunzipSync(res.body).toString('utf8')
        : res.body.toString('utf8');
    for (const m of html.matchAll(/href="(\/[^"#]*)"/g)) {
      const href = m[1].replaceAll('&amp;', '&');
      if (/^\/(staff|static)\b|\/cases\/|\.(csv|json|jsonld|pdf|docx|xlsx|css)$|\/logo\b/.test(href.split('?')[0])) continue;
      if (!seen.has(href)) {
        seen.add(href);
        queue.push(href);
      }
    }
  }
  const heaviest = [...pages].sort((a, b) => b.bytes - a.bytes);
  const over = pages.filter((p) => p.bytes > PAGE_BUDGET);
  if (over.length > 0) failed = true;

  // Warm every page once (the caches fill on first use), then 10 clients round-robin.
  for (const p of pages) await get(p.url);
  const loadAtStart = loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
  const times: number[] = [];
  const byPage = new Map<string, number[]>();
  const deadline = performance.now() + SECONDS * 1000;
  let next = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const p = pages[next++ % pages.length];
        const res = await get(p.url);
        if (res.status !== 200) errors++;
        times.push(res.ms);
        const kind = p.url
          .replace(/[0-9a-f-]{36}/g, ':id')
          .replace(/\?.*$/, '')
          .replace(/^\/[a-z0-9-]+/, '/:tenant');
        byPage.set(kind, [...(byPage.get(kind) ?? []), res.ms]);
      }
    }),
  );
  times.sort((a, b) => a - b);
  const pct = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  const p95 = pct(0.95);
  if (p95 > P95_BUDGET_MS || errors > 0) failed = true;
  const report = [
    `# Public site budgets (${new Date().toISOString().slice(0, 10)})`,
    '',
    `Database: ${databaseUrl ? 'PostgreSQL' : 'PGlite (set BENCH_DATABASE_URL for PostgreSQL)'}; demo data; ${pages.length} public pages crawled from ${slugs.length} municipalities in sv, fi and en.`,
    '',
    `- Page weight as transferred (HTML gzip + styles.css + theme.css, no fonts, no script): heaviest ${heaviest[0]?.bytes} B (${heaviest[0]?.url}), budget ${PAGE_BUDGET} B; over budget: ${over.length}.`,
    `- Server time at ${CLIENTS} concurrent clients for ${SECONDS} s over those pages: ${times.length} requests, p50 ${pct(0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${pct(0.99).toFixed(1)} ms (budget p95 ≤ ${P95_BUDGET_MS} ms), errors ${errors}.`,
    `- Load average during the run (1/5/15 min, 2 cores shared): ${loadAtStart} at the start, ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')} at the end.`,
    '- Lighthouse: see bench/lighthouse-results.md (npm run bench:lighthouse).',
    '',
    '## Slowest kinds of page (mean under load)',
    '',
    ...[...byPage.entries()]
      .map(([k, v]) => ({ k, mean: v.reduce((a, b) => a + b, 0) / v.length, n: v.length }))
      .sort((a, b) => b.mean - a.mean)
      .slice(0, 10)
      .map((x) => `- ${x.k}: ${x.mean.toFixed(1)} ms (${x.n} requests)`),
    '',
    '## Heaviest pages',
    '',
    ...heaviest.slice(0, 8).map((p) => `- ${p.url}: ${p.bytes} B`),
    ...lines,
    '',
    failed ? '**A budget was missed.**' : 'All budgets met.',
    '',
  ].join('\n');
  writeFileSync(path.join('bench', 'public-results.md'), report);
  console.log(report);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  agent.destroy();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
