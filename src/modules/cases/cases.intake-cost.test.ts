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
import { createApiToken, setUserActive } from '../accounts/accounts.service.ts';
import { addClosedDay } from '../calendar/calendar.service.ts';
import { caseFixture } from './cases.fixtures.ts';
import { setUnitFirstResponseDays } from './cases.service.ts';
import { createCategory, findCategoryByCode, updateCategory } from './categories.service.ts';

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
    // Before: 14 and 16 statements (16 and 18 round trips on PostgreSQL). Now: the rate-limit
    // counter (lifted for loopback in the benchmark), the kept tenant, the number with the settings
    // version, and one statement storing case, event, audit and receipt mail; staff: the token.
    expect(count(pub)).toBeLessThanOrEqual(3);
    expect(count(staff)).toBeLessThanOrEqual(3);
    // No BEGIN/COMMIT: the one write statement is atomic by itself.
    if (usingPostgres) expect([pub.length, staff.length]).toEqual([count(pub), count(staff)]);
  });
});

describe('what intake keeps between requests', () => {
  const staffCase = (auth: Record<string, string>, extra: Record<string, unknown> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: auth,
      payload: {
        type: 'question',
        channel: 'phone',
        category: 'cat-a',
        message: 'Fråga',
        receivedAt: '2026-03-02T09:00:00+01:00',
        ...extra,
      },
    });

  it('a change of days, calendar or categories is used by the very next create', async () => {
    const t = await createTestTenant(handle.db);
    const f = await caseFixture(handle.db, t);
    const agent = await createTestUser(handle.db, t, [{ role: 'agent' }]);
    const db = { db: handle.db };
    expect((await staffCase(agent.auth)).json().firstResponseDue).toBe('2026-03-04');
    // Each change goes straight to the database: only the version trigger tells the kept copy.
    await setUnitFirstResponseDays(t.system, f.unitA, 5, db);
    expect((await staffCase(agent.auth)).json().firstResponseDue).toBe('2026-03-09');
    await addClosedDay(t.system, { date: '2026-03-05', name: 'Stängt' }, db);
    expect((await staffCase(agent.auth)).json().firstResponseDue).toBe('2026-03-10');
    const category = await findCategoryByCode(handle.db, t.tenant.id, 'cat-a');
    if (!category) throw new Error('no category');
    await updateCategory(t.system, category.id, { code: 'cat-a', name: 'Nytt namn', unitId: f.unitA1, firstResponseDays: 1 }, db);
    const renamed = (await staffCase(agent.auth)).json();
    expect([renamed.categoryName, renamed.firstResponseDue]).toEqual(['Nytt namn', '2026-03-03']);
    // A new area is known at once, a deactivated one refused at once.
    await createCategory(t.system, { code: 'cat-new', name: 'Ny', unitId: f.unitB }, db);
    expect((await staffCase(agent.auth, { category: 'cat-new' })).statusCode).toBe(201);
    await updateCategory(t.system, category.id, { code: 'cat-a', name: 'Nytt namn', unitId: f.unitA1, active: false }, db);
    const refused = await staffCase(agent.auth);
    expect(refused.statusCode).toBe(400);
  });

  it('a disabled user or a revoked token is refused at the next request', async () => {
    const t = await createTestTenant(handle.db);
    await caseFixture(handle.db, t);
    const agent = await createTestUser(handle.db, t, [{ role: 'agent' }]);
    expect((await staffCase(agent.auth)).statusCode).toBe(201);
    // The user's flag itself is read with the token (setUserActive also revokes the tokens).
    await handle.db.updateTable('users').set({ active: false }).where('id', '=', agent.id).execute();
    expect((await staffCase(agent.auth)).statusCode).toBe(401);
    await handle.db.updateTable('users').set({ active: true }).where('id', '=', agent.id).execute();
    expect((await staffCase(agent.auth)).statusCode).toBe(201);
    await setUserActive(t.system, agent.id, false, { db: handle.db });
    expect((await staffCase(agent.auth)).statusCode).toBe(401);
    await setUserActive(t.system, agent.id, true, { db: handle.db });
    expect((await staffCase(agent.auth)).statusCode).toBe(401);
    const again = await createApiToken(handle.db, { tenantId: t.tenant.id, userId: agent.id, label: 'again' }, 'again');
    const auth = { authorization: `Bearer ${again.token}` };
    expect((await staffCase(auth)).statusCode).toBe(201);
    await handle.db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('user_id', '=', agent.id).execute();
    expect((await staffCase(auth)).statusCode).toBe(401);
  });
});
