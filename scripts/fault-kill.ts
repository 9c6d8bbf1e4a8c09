// Fault: kill -9 of the server during a burst of concurrent public submissions. After a restart,
// every submission that got a 201 is in the database, whole (its case, its 'received' event, its
// audit row, its receipt mail), and none is duplicated. Loopback only, bounded (each round has a
// deadline). On the embedded database always; on PostgreSQL when FAULT_DATABASE_URL names an
// existing, empty-or-own database.
//   node --import ./src/register-tsx.ts scripts/fault-kill.ts [--rounds 3] [--burst 80]
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import {
  type Fail,
  type FaultTarget,
  failer,
  faultTargets,
  overallDeadline,
  prepareTenant,
  randomPort,
  startServer,
  stopGracefully,
  waitHealthy,
} from './fault-server.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, burst: { type: 'string', default: '80' } } });
const ROUNDS = Number(values.rounds);
const BURST = Number(values.burst);
const SLUG = 'felprov';
const fail: Fail = failer('kill -9');

async function round(t: FaultTarget, n: number) {
  const port = randomPort();
  const marker = `felprov-${t.name}-${n}-${Date.now()}`;
  const server = startServer(t.env, port);
  await waitHealthy(port, server, fail);
  const acknowledged: { caseNumber: string; i: number }[] = [];
  let refused = 0;
  const killAfter = Math.floor(BURST / 3);
  const requests = Array.from({ length: BURST }, async (_, i) => {
    await new Promise((r) => setTimeout(r, i * 4));
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/public/cases?tenant=${SLUG}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'question',
          category: 'allmant',
          message: `${marker} #${i}`,
          contact: { email: `prov${i}@example.se` },
        }),
        signal: AbortSignal.timeout(20_000),
      });
      if (res.status === 201) {
        const body = (await res.json()) as { caseNumber: string };
        acknowledged.push({ caseNumber: body.caseNumber, i });
        if (acknowledged.length === killAfter) server.kill('SIGKILL');
      } else refused++;
    } catch {
      refused++; // the connection died with the server: not acknowledged, may or may not be stored
    }
  });
  await Promise.all(requests);
  if (server.exitCode === null && server.signalCode === null) {
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
  }
  if (acknowledged.length < killAfter) fail(`${t.name} round ${n}: only ${acknowledged.length} acknowledged before the kill`);

  // Restart on the same data: it must come up (the embedded database recovers, a stale lock is taken over).
  const again = startServer(t.env, port);
  await waitHealthy(port, again, fail);
  await stopGracefully(again, fail);

  const handle = await openDatabase({ ...t.database, poolSize: 2 });
  try {
    const { rows } = await sql<{ id: string; case_number: string; message: string; events: number; audits: number; mails: number }>`
      SELECT c.id, c.case_number, c.message,
             (SELECT count(*)::int FROM case_events e WHERE e.tenant_id = c.tenant_id AND e.case_id = c.id AND e.kind = 'received') AS events,
             (SELECT count(*)::int FROM audit_log a WHERE a.tenant_id = c.tenant_id AND a.entity = 'case' AND a.entity_id = c.id::text) AS audits,
             (SELECT count(*)::int FROM mail_outbox m WHERE m.tenant_id = c.tenant_id AND m.ref_id = c.id) AS mails
        FROM cases c JOIN tenants t ON t.id = c.tenant_id
       WHERE t.slug = ${SLUG} AND starts_with(c.message, ${`${marker} #`})`.execute(handle.db);
    const byNumber = new Map(rows.map((r) => [r.case_number, r]));
    if (process.env.FAULT_DEBUG) {
      const all = await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases`.execute(handle.db);
      console.log({ stored: rows.length, all: all.rows[0].n, acknowledged: acknowledged.length });
    }
    for (const a of acknowledged) {
      const row = byNumber.get(a.caseNumber);
      if (!row) fail(`${t.name} round ${n}: acknowledged case ${a.caseNumber} is missing after the restart`);
      if (row.message !== `${marker} #${a.i}`) fail(`${t.name} round ${n}: case ${a.caseNumber} holds another submission`);
    }
    for (const r of rows) {
      if (r.events !== 1 || r.audits !== 1 || r.mails !== 1)
        fail(`${t.name} round ${n}: case ${r.case_number} is half-stored (events ${r.events}, audit ${r.audits}, mails ${r.mails})`);
    }
    const messages = new Set(rows.map((r) => r.message));
    if (messages.size !== rows.length) fail(`${t.name} round ${n}: a submission is stored twice`);
    if (new Set(rows.map((r) => r.case_number)).size !== rows.length) fail(`${t.name} round ${n}: a case number is used twice`);
    console.log(
      `${t.name} round ${n}: ${acknowledged.length} acknowledged, all present and whole; ${rows.length - acknowledged.length} stored without an answer reaching the client; ${refused} not acknowledged`,
    );
  } finally {
    await handle.close();
  }
}

const { targets, cleanup } = faultTargets('insyn-fault-');
overallDeadline(10, fail);
try {
  for (const t of targets) {
    await prepareTenant(t.database, { slug: SLUG, name: 'Felprovs kommun' }, fail);
    for (let n = 1; n <= ROUNDS; n++) await round(t, n);
  }
  console.log('fault (kill -9 during public submissions): ok');
} finally {
  cleanup();
}
