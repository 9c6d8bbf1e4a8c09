// DATABASE_READ_URL against a real streaming replica on loopback (test/replica-cluster.ts):
// public pages and Open311 listings read from the replica (shown by pausing its replay: a case
// created on the primary stays out of the public listing until replay resumes, while staff see
// it at once); none of those pages writes (a replica refuses writes, so a write would be a 500);
// and with the replica stopped they fall back to the primary. Runs with the PostgreSQL run.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, createTestUser, eventually, testConfig, usingPostgres } from '../../test/helpers.ts';
import { type ReplicaCluster, replicaClusterUnavailable, startReplicaCluster } from '../../test/replica-cluster.ts';
import { buildApp } from '../http/app.ts';
import type { App } from '../http/context.ts';
import { createCase } from '../modules/cases/cases.service.ts';
import { createCategory } from '../modules/cases/categories.service.ts';
import { createUnit } from '../modules/org/org.service.ts';
import { type DatabaseHandle, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';

const unavailable = usingPostgres ? replicaClusterUnavailable() : 'runs with the PostgreSQL run (TEST_DATABASE_URL)';
if (unavailable) console.log(`read-replica test skipped: ${unavailable}`);

let cluster: ReplicaCluster;
let handle: DatabaseHandle;
let app: App;

beforeAll(async () => {
  if (unavailable) return;
  cluster = await startReplicaCluster();
  handle = await openDatabase({ databaseUrl: cluster.primaryUrl, readDatabaseUrl: cluster.replicaUrl, poolSize: 4 });
  await migrateToLatest(handle.db);
  app = await buildApp({ db: handle.db, readDb: handle.readDb, dbKind: 'postgres', config: testConfig() }, { logger: false });
  await app.ready();
}, 120_000);

afterAll(async () => {
  await app?.close();
  await handle?.close();
  cluster?.destroy();
});

async function replicaHas(caseNumber: string): Promise<boolean> {
  if (!handle.readDb) throw new Error('no read database');
  const row = await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases WHERE case_number = ${caseNumber}`.execute(handle.readDb);
  return row.rows[0].n === 1;
}

describe.skipIf(Boolean(unavailable))('a streaming read replica for public pages', () => {
  it('public reads go to the replica, staff reads to the primary, and nothing public writes', async () => {
    const readDb = handle.readDb;
    if (!readDb) throw new Error('no read database');
    const standby = await sql<{ s: boolean }>`SELECT pg_is_in_recovery() AS s`.execute(readDb);
    expect(standby.rows[0].s).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok', publicReads: 'replica' });

    const tt = await createTestTenant(handle.db, 'Replikkommun');
    const unit = await createUnit(tt.system, { name: 'Gator', kind: 'unit', parentId: tt.rootId }, { db: handle.db });
    await createCategory(tt.system, { code: 'gator', name: 'Gator', unitId: unit.id }, { db: handle.db });
    const agent = await createTestUser(handle.db, tt, [{ role: 'agent' }]);
    const file = async (message: string) =>
      (await createCase(agent.actor, { type: 'error_report', channel: 'phone', category: 'gator', message }, { db: handle.db })).case;
    const listed = async () => {
      const res = await app.inject({ method: 'GET', url: `/open311/v2/requests.json?jurisdiction_id=${tt.tenant.slug}` });
      expect(res.statusCode).toBe(200);
      return (res.json() as { service_request_id: string }[]).map((r) => r.service_request_id);
    };

    const first = await file('Hål i gatan');
    await eventually(() => replicaHas(first.caseNumber), 10_000, 'the replica did not catch up');
    expect(await listed()).toEqual([first.caseNumber]);

    // Replay paused: the primary moves on, the replica (and so the public listing) does not.
    await sql`SELECT pg_wal_replay_pause()`.execute(readDb);
    try {
      const second = await file('Trasig lykta');
      expect(await replicaHas(second.caseNumber)).toBe(false);
      expect(await listed()).toEqual([first.caseNumber]);
      const staff = await app.inject({ method: 'GET', url: `/api/v1/cases/${second.id}`, headers: agent.auth });
      expect(staff.statusCode).toBe(200);

      // Every public page of the tenant answers from the paused replica: none of them writes there.
      const slug = tt.tenant.slug;
      for (const url of [
        '/',
        `/${slug}`,
        `/${slug}/goals`,
        `/${slug}/goals.json`,
        `/${slug}/indicators.csv`,
        `/${slug}/boards`,
        `/${slug}/summary.json`,
        `/${slug}/data`,
        `/${slug}/data/catalog.jsonld`,
        `/${slug}/accessibility`,
        `/${slug}/accessibility/feedback`,
        `/${slug}/search?q=gata`,
        `/${slug}/embed/summary`,
        `/${slug}/theme.css`,
        `/${slug}/promises`,
        `/${slug}/promises.json`,
        `/${slug}/promises.csv`,
        `/${slug}/meetings`,
        `/${slug}/meetings.csv`,
        `/open311/v2/services.json?jurisdiction_id=${slug}`,
        `/open311/v2/services/gator.xml?jurisdiction_id=${slug}`,
      ]) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
      }
      await sql`SELECT pg_wal_replay_resume()`.execute(readDb);
      await eventually(() => replicaHas(second.caseNumber), 10_000, 'the replica did not catch up');
      expect(await listed()).toEqual([second.caseNumber, first.caseNumber]);
    } finally {
      await sql`SELECT pg_wal_replay_resume()`.execute(readDb).catch(() => {});
    }
  });

  it('with the replica stopped, public pages read from the primary and /health says so', async () => {
    cluster.stopReplica();
    // Let the pool see its connections end (a request that gets one at that moment is a 503).
    await new Promise((resolve) => setTimeout(resolve, 200));
    const tt = await createTestTenant(handle.db, 'Utanreplikkommun');
    for (const url of [
      `/${tt.tenant.slug}`,
      `/${tt.tenant.slug}/promises`,
      `/open311/v2/services.json?jurisdiction_id=${tt.tenant.slug}`,
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
    }
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok', publicReads: 'primary' });
  });
});
