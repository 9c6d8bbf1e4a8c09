// The rate-limit counter's cost per hit on PostgreSQL (DATABASE_URL, migrated), one connection
// and ten, and how many WAL flushes (pg_stat_wal.wal_sync) the hits caused. Compare before and
// after a change to src/http/rate-limit-store.ts by running it on both.
//   DATABASE_URL=postgres://… node --import ./src/register-tsx.ts bench/rate-limit-commit.ts
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { hitRateLimit } from '../src/http/rate-limit-store.ts';

if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL is required');
const h = await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: 10 });
const N = 2000;
const syncs = async () => Number((await sql<{ n: string }>`SELECT wal_sync::text AS n FROM pg_stat_wal`.execute(h.db)).rows[0]?.n);
for (const connections of [1, 10]) {
  const before = await syncs();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      for (let i = 0; i < N / connections; i++) await hitRateLimit(h.db, `bench-${c}-${i % 50}`, 60_000);
    }),
  );
  const ms = (performance.now() - t0) / N;
  console.log(`${connections} connection(s): ${ms.toFixed(3)} ms per hit, ${((await syncs()) - before) / N} WAL flushes per hit`);
}
await h.close();
