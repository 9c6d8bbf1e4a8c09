// `npm test`: every test this machine can run, and a plain statement of what it skipped.
//  1. unit and integration tests (Vitest) on the embedded database, or on PostgreSQL when
//     TEST_DATABASE_URL is set;
//  2. browser tests (Playwright driving Debian's Chromium, with axe) when /usr/bin/chromium exists.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { replicaClusterUnavailable } from '../test/replica-cluster.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const vitest = path.join('node_modules', 'vitest', 'vitest.mjs');
const reportDir = mkdtempSync(path.join(tmpdir(), 'insyn-test-'));

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

function runVitest(label: string, extraArgs: string[]): Totals & { ok: boolean } {
  const report = path.join(reportDir, `${label.replace(/[^a-z]+/gi, '-')}.json`);
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(
    process.execPath,
    [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extraArgs],
    { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
  );
  let totals: Totals = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      testResults?: { name: string; startTime: number; endTime: number }[];
    };
    totals = { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests };
    // Where the time goes, so that CI's 20 minutes can be kept.
    const slowest = [...(json.testResults ?? [])].sort((a, b) => b.endTime - b.startTime - (a.endTime - a.startTime)).slice(0, 8);
    console.log(`slowest files (${label}):`);
    for (const r of slowest) console.log(`  ${((r.endTime - r.startTime) / 1000).toFixed(1)} s  ${path.relative(process.cwd(), r.name)}`);
  }
  return { ...totals, ok: result.status === 0 };
}

const database = process.env.TEST_DATABASE_URL ? 'PostgreSQL (TEST_DATABASE_URL)' : 'embedded PGlite';
const skipped: string[] = [];
// ONLY_BROWSER_TESTS: CI runs the browser tests beside the PostgreSQL run, as a second `npm test`.
const runs = process.env.ONLY_BROWSER_TESTS ? [] : [runVitest(`unit and integration tests on ${database}`, [])];
if (process.env.ONLY_BROWSER_TESTS) {
  skipped.push('unit and integration tests: ONLY_BROWSER_TESTS is set');
} else if (!process.env.TEST_DATABASE_URL) {
  skipped.push(
    'PostgreSQL: the integration tests ran on the embedded database only (set TEST_DATABASE_URL=postgres://… to run them on PostgreSQL)',
  );
} else {
  const why = replicaClusterUnavailable();
  if (why) skipped.push(`read-replica test (DATABASE_READ_URL against a streaming replica): ${why}`);
}
if (process.env.SKIP_BROWSER_TESTS) {
  skipped.push('browser tests: SKIP_BROWSER_TESTS is set');
} else if (existsSync(CHROMIUM)) {
  runs.push(runVitest('browser tests (Chromium, axe)', ['--config', 'vitest.browser.config.ts']));
} else {
  skipped.push(`browser tests: no Chromium at ${CHROMIUM} (install Debian's package: apt-get install -y chromium)`);
}
rmSync(reportDir, { recursive: true, force: true });

const total = runs.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
console.log('');
for (const s of skipped) console.log(`SKIPPED ${s}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(runs.every((r) => r.ok) ? 0 : 1);
