// Fault: the database goes away and comes back, under the real server process (src/main.ts with
// its background jobs). PostgreSQL is reached through a TCP relay on loopback that the script
// cuts — every connection ended, new ones refused — for several seconds and then restores.
// Meanwhile /health answers 503, a public page answers 503 with a plain apology in HTML, a
// submission gets 503 (never a 500, never half-stored), and the process stays up; afterwards the
// service resumes without a restart and the next submission is stored. Rounds: --rounds N (CI 3).
// PostgreSQL only (FAULT_DATABASE_URL): the embedded database lives inside the process.
//   FAULT_DATABASE_URL=postgres://… node --import ./src/register-tsx.ts scripts/fault-database.ts
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { databaseRelay } from '../test/db-relay.ts';
import { type Fail, failer, overallDeadline, prepareTenant, randomPort, startServer, stopGracefully, waitHealthy } from './fault-server.ts';

const SLUG = 'avbrottsprov';
const APOLOGY = 'når inte sin databas';
const OUTAGE_MS = 6_000;
const fail: Fail = failer('database goes away');
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const ROUNDS = Number(values.rounds);

const url = process.env.FAULT_DATABASE_URL;
if (!url) {
  console.log('fault (database goes away): skipped — FAULT_DATABASE_URL is not set (PostgreSQL only)');
  process.exit(0);
}
overallDeadline(5, fail);

const base = (port: number) => `http://127.0.0.1:${port}`;
async function submit(port: number, marker: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${base(port)}/api/v1/public/cases?tenant=${SLUG}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'question', category: 'allmant', message: marker }),
  });
  return { status: res.status, body: await res.text() };
}

await prepareTenant({ databaseUrl: url }, { slug: SLUG, name: 'Avbrottsprovs kommun' }, fail);
const relay = databaseRelay(new URL(url));
const viaRelay = await relay.start();
const port = randomPort();
const server = startServer({ DATABASE_URL: viaRelay }, port);
await waitHealthy(port, server, fail);
const run = `fault-database ${Date.now()}`;
const acknowledged: string[] = [];

for (let round = 1; round <= ROUNDS; round++) {
  const before = await submit(port, `${run} r${round} before`);
  if (before.status !== 201) fail(`round ${round}: a submission before the outage got ${before.status}`);
  acknowledged.push(JSON.parse(before.body).caseNumber);

  await relay.cut();
  const outageEnds = Date.now() + OUTAGE_MS;
  let health503 = 0;
  let apologies = 0;
  let refused = 0;
  while (Date.now() < outageEnds) {
    if (server.exitCode !== null) fail(`round ${round}: the server exited (${server.exitCode}) while the database was away`);
    const health = await fetch(`${base(port)}/health`);
    if (health.status !== 503) fail(`round ${round}: /health answered ${health.status} while the database was away`);
    health503++;
    const page = await fetch(`${base(port)}/${SLUG}/cases/new`, { headers: { accept: 'text/html' } });
    const html = await page.text();
    if (page.status !== 503 || !html.includes(APOLOGY) || !(page.headers.get('content-type') ?? '').includes('text/html'))
      fail(`round ${round}: the public form answered ${page.status} without the apology while the database was away`);
    apologies++;
    const during = await submit(port, `${run} r${round} during`);
    if (during.status !== 503)
      fail(`round ${round}: a submission while the database was away got ${during.status}: ${during.body.slice(0, 200)}`);
    refused++;
    await new Promise((r) => setTimeout(r, 250));
  }

  await relay.restore();
  const back = Date.now();
  let resumed = false;
  while (Date.now() - back < 30_000) {
    if (server.exitCode !== null) fail(`round ${round}: the server exited (${server.exitCode}) after the database came back`);
    if ((await fetch(`${base(port)}/health`)).status === 200) {
      resumed = true;
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!resumed) fail(`round ${round}: /health did not recover within 30 s of the database coming back`);
  const after = await submit(port, `${run} r${round} after`);
  if (after.status !== 201) fail(`round ${round}: the first submission after the outage got ${after.status}`);
  acknowledged.push(JSON.parse(after.body).caseNumber);
  console.log(
    `round ${round}: database away ${OUTAGE_MS / 1000} s — /health 503 ×${health503}, apology page 503 ×${apologies}, submissions 503 ×${refused}; healthy again after ${Date.now() - back} ms without a restart`,
  );
}

await stopGracefully(server, fail);
await relay.cut();
// Every acknowledged submission is stored, and none of the refused ones is.
const handle = await openDatabase({ databaseUrl: url, poolSize: 1 });
try {
  const { rows } = await sql<{ case_number: string; message: string }>`
    SELECT case_number, message FROM cases WHERE starts_with(message, ${run})`.execute(handle.db);
  const stored = new Set(rows.map((r) => r.case_number));
  for (const n of acknowledged) if (!stored.has(n)) fail(`acknowledged ${n} is not stored`);
  const during = rows.filter((r) => r.message.endsWith(' during'));
  if (during.length > 0) fail(`${during.length} submission(s) refused with 503 were stored anyway`);
  if (rows.length !== acknowledged.length) fail(`${rows.length} stored, ${acknowledged.length} acknowledged`);
} finally {
  await handle.close();
}
console.log(
  `fault (database goes away, ${ROUNDS} rounds): ok — ${acknowledged.length} acknowledged submissions stored, none refused stored`,
);
