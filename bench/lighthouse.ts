// Lighthouse over five public pages (a municipality's start page, a promise, an indicator, a goal
// area, a report) with Debian's Chromium (/usr/bin/chromium, headless, launched through
// chrome-launcher; nothing is downloaded). Records performance, accessibility and best-practices
// scores and every audit below 1 in bench/lighthouse-results.md. Not part of CI or npm test.
//
//   npm run bench:lighthouse                      (a server of its own on PGlite with the demo data)
//   BENCH_BASE_URL=http://127.0.0.1:PORT npm run bench:lighthouse   (a running server)
//   BENCH_DATABASE_URL=postgres://… npm run bench:lighthouse        (a server of its own on PostgreSQL)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { ensureBenchDatabase } from './bench-db.ts';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const SLUG = process.env.BENCH_TENANT ?? 'norrtalje';
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const GOALS: Record<(typeof CATEGORIES)[number], number> = { performance: 0.99, accessibility: 1, 'best-practices': 1 };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function startServer(): Promise<{ base: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_BASE_URL) return { base: process.env.BENCH_BASE_URL, stop: async () => {} };
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'insyn-lighthouse-'));
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  if (databaseUrl) await ensureBenchDatabase(databaseUrl);
  const child = spawn(process.execPath, ['--import', './src/register-tsx.ts', 'src/main.ts'], {
    env: {
      ...process.env,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir }),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The first link on `page` matching `pattern`. */
async function firstLink(base: string, page: string, pattern: RegExp): Promise<string | undefined> {
  const html = await (await fetch(`${base}${page}`)).text();
  return pattern.exec(html)?.[0]?.replaceAll('&amp;', '&');
}

const server = await startServer();
const lines: string[] = [];
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  const home = `/${SLUG}?lang=sv`;
  const uuid = '[0-9a-f-]{36}';
  const pages: [string, string | undefined][] = [
    ['start page', home],
    ['promise', await firstLink(server.base, `/${SLUG}/promises?lang=sv`, new RegExp(`/${SLUG}/promises/${uuid}\\?lang=sv`))],
    ['goal area', await firstLink(server.base, `/${SLUG}/goals?lang=sv`, new RegExp(`/${SLUG}/goals/${uuid}\\?lang=sv`))],
    ['report', await firstLink(server.base, `/${SLUG}/rapporter?lang=sv`, new RegExp(`/${SLUG}/rapporter/${uuid}(\\?lang=sv)?`))],
  ];
  const area = pages[2][1];
  pages.splice(2, 0, [
    'indicator',
    area ? await firstLink(server.base, area, new RegExp(`/${SLUG}/indicators/${uuid}\\?lang=sv`)) : undefined,
  ]);
  chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const table = ['| page | URL | performance | accessibility | best practices |', '|---|---|---|---|---|'];
  const below: string[] = [];
  let missed = false;
  for (const [name, url] of pages) {
    if (!url) {
      table.push(`| ${name} | (no link found) | – | – | – |`);
      missed = true;
      continue;
    }
    // Warm the server's cache first: the score is about the page, not a cold process.
    await fetch(`${server.base}${url}`);
    const result = await lighthouse(`${server.base}${url}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`lighthouse gave no result for ${url}`);
    const { lhr } = result;
    const scores = CATEGORIES.map((c) => lhr.categories[c]?.score ?? null);
    CATEGORIES.forEach((c, i) => {
      if ((scores[i] ?? 0) < GOALS[c]) missed = true;
    });
    table.push(`| ${name} | ${url} | ${scores.map((s) => (s === null ? '–' : s.toFixed(2))).join(' | ')} |`);
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          below.push(
            `- ${name} · ${c} · ${ref.id} (${audit.score.toFixed(2)}): ${audit.title}${audit.displayValue ? ` – ${audit.displayValue}` : ''}`,
          );
        }
      }
    }
  }
  lines.push(
    `# Lighthouse on the public site (${new Date().toISOString().slice(0, 10)})`,
    '',
    `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version} with ${CHROME} (headless), default (mobile, simulated throttling) settings; ` +
      `${process.env.BENCH_BASE_URL ? 'a running server' : process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}, demo data; ` +
      `load average at the end ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' / ')} (2 cores shared). Goals: performance ≥ 0.99, accessibility and best practices 1.0.`,
    '',
    ...table,
    '',
    '## Audits below 1 (weighted)',
    '',
    ...(below.length ? below : ['None.']),
    '',
    missed ? '**A goal was missed.**' : 'All goals met.',
    '',
  );
  writeFileSync(path.join('bench', 'lighthouse-results.md'), lines.join('\n'));
  console.log(lines.join('\n'));
  process.exitCode = missed ? 1 : 0;
} finally {
  await chrome?.kill();
  await server.stop();
}
