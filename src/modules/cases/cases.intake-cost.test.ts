// What one create costs the database: every statement (and, on PostgreSQL, every BEGIN/COMMIT —
// each a round trip) of POST /api/v1/public/cases and POST /api/v1/cases, logged and counted.
// Intake throughput is bound by round trips (bench/results.md); this keeps their number honest.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, createTestUser, testConfig, usingPostgres } from '../../../test/helpers.ts';
import { type DatabaseHandle, openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { buildApp } from '../../http/app.ts';
import type { App } from '../../http/context.ts';
import { caseFixture } from './cases.fixtures.ts';

let handle: DatabaseHandle;
let app: App;
let log: string[] | undefined;

beforeAll(async () => {
  handle = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, poolSize: 4, onQuery: (sql) => log?.push(sql) });
  await migrateToLatest(handle.db);
  app = await buildApp(
    { db: handle.db, dbKind: handle.kind, config: testConfig() },
    { logger: false, rateLimitNamespace: `${randomUUID()}|` },
  );
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

/** The statements one request sends, in order. */
async function statementsOf(request: () => Promise<{ statusCode: number }>): Promise<string[]> {
  log = [];
  const res = await request();
  const sent = log;
  log = undefined;
  expect(res.statusCode).toBe(201);
  return sent;
}

const short = (sql: string) => sql.replace(/\s+/g, ' ').slice(0, 110);
const transactionControl = (sql: string) => /^(begin|commit|rollback)\b/i.test(sql.trim());

describe('statements per create', () => {
  it('public and staff creates send few statements (logged)', async () => {
    const t = await createTestTenant(handle.db);
    await caseFixture(handle.db, t);
    const agent = await createTestUser(handle.db, t, [{ role: 'agent' }]);
    const publicCase = (n: number) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/public/cases?tenant=${t.tenant.slug}`,
        remoteAddress: `198.19.0.${n}`,
        payload: { type: 'question', category: 'cat-a', message: 'Hur lång tid tar ett bygglov?', contact: { email: 'boende@example.se' } },
      });
    const staffCase = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: agent.auth,
        payload: { type: 'question', channel: 'phone', category: 'cat-a', message: 'Ringde om bygglov.' },
      });
    // The first of each warms what may be kept between requests; the second is what a busy intake costs.
    await statementsOf(() => publicCase(1));
    await statementsOf(staffCase);
    const pub = await statementsOf(() => publicCase(2));
    const staff = await statementsOf(staffCase);
    for (const [name, list] of [
      ['POST /api/v1/public/cases', pub],
      ['POST /api/v1/cases', staff],
    ] as const) {
      const statements = list.filter((s) => !transactionControl(s));
      console.log(
        `${name} (${handle.kind}): ${statements.length} statements, ${list.length} round trips\n${list.map((s) => `  ${short(s)}`).join('\n')}`,
      );
    }
    const count = (list: string[]) => list.filter((s) => !transactionControl(s)).length;
    expect(count(pub)).toBeLessThanOrEqual(100);
    expect(count(staff)).toBeLessThanOrEqual(100);
    if (usingPostgres) expect(pub.length).toBeLessThanOrEqual(100);
  });
});
