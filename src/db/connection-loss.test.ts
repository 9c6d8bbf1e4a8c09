// PostgreSQL ending connections (restart, failover, pg_terminate_backend) must not end the
// server: while the database is away requests get 503 with a message, and it recovers by itself.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseRelay } from '../../test/db-relay.ts';
import { createTestTenant, createTestUser, loginCookies, testConfig, usingPostgres } from '../../test/helpers.ts';
import { buildApp } from '../http/app.ts';
import type { App } from '../http/context.ts';
import { type DatabaseHandle, isDatabaseUnavailable, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

describe.skipIf(!usingPostgres)('when PostgreSQL goes away', () => {
  const direct = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://localhost/none');
  const applicationName = `insyn-test-${randomUUID()}`;
  const proxy = databaseRelay(direct);
  const lost: Error[] = [];
  let handle: DatabaseHandle;
  let app: App;
  let slug = '';
  let cookie = '';

  beforeAll(async () => {
    const viaProxy = await proxy.start();
    handle = await openDatabase({
      databaseUrl: viaProxy,
      poolSize: 4,
      applicationName,
      onConnectionError: (error) => lost.push(error),
    });
    await migrateToLatest(handle.db);
    const tenant = await createTestTenant(handle.db);
    slug = tenant.tenant.slug;
    const admin = await createTestUser(handle.db, tenant, [{ role: 'admin' }]);
    app = await buildApp({ db: handle.db, dbKind: handle.kind, config: testConfig() }, { logger: false });
    await app.ready();
    cookie = await loginCookies(app, slug, admin.email, admin.password);
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
    await proxy.cut().catch(() => {});
  });

  it('survives pg_terminate_backend of its idle connections and answers the next requests', async () => {
    // Open several pooled connections, then let PostgreSQL end them while they sit idle.
    const warm = await Promise.all(Array.from({ length: 4 }, () => app.inject({ method: 'GET', url: '/health' })));
    expect(warm.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const admin = new pg.Client({ connectionString: direct.toString() });
    await admin.connect();
    const ended = await admin.query<{ n: number }>(
      'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1',
      [applicationName],
    );
    await admin.end();
    expect(ended.rows[0]?.n).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lost.length).toBeGreaterThan(0);

    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/${slug}/cases/new` })).statusCode).toBe(200);
  });

  it('a query in flight when PostgreSQL ends its connection fails as "unavailable", and the pool goes on', async () => {
    const running = sql`SELECT pg_sleep(10)`.execute(handle.db);
    const outcome = running.then(
      () => undefined,
      (error: unknown) => error,
    );
    const admin = new pg.Client({ connectionString: direct.toString() });
    await admin.connect();
    for (let i = 0; i < 50; i++) {
      const ended = await admin.query<{ n: number }>(
        "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1 AND query LIKE '%pg_sleep%'",
        [applicationName],
      );
      if ((ended.rows[0]?.n ?? 0) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await admin.end();
    const error = await outcome;
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(error)).toBe(true);
    // The socket closes just after the error arrives; from then on the pool no longer hands it out.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await app.inject({ method: 'GET', url: '/staff', headers: { cookie } })).statusCode).toBe(200);
  });

  it('answers 503 with a message while the database cannot be reached, and recovers by itself', async () => {
    await proxy.cut();
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toEqual({ status: 'unavailable', database: 'down' });

    const page = await app.inject({ method: 'GET', url: `/${slug}/cases/new`, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(503);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('når inte sin databas');

    const staff = await app.inject({ method: 'GET', url: '/staff', headers: { cookie, accept: 'text/html' } });
    expect(staff.statusCode).toBe(503);
    expect(staff.body).toContain('når inte sin databas');

    const api = await app.inject({ method: 'GET', url: '/api/v1/org-units', headers: { authorization: 'Bearer insyn_x' } });
    expect(api.statusCode).toBe(503);
    expect(api.json()).toMatchObject({ error: 'unavailable' });

    await proxy.restore();
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/${slug}/cases/new` })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/staff', headers: { cookie } })).statusCode).toBe(200);
  });
});
