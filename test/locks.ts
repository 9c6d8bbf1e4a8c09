// Test support for races on PostgreSQL: hold a lock in one transaction, start the competing
// requests, wait until they are all blocked, then let go — so both really overlap, every run.
import { sql, type Transaction } from 'kysely';
import type { Db } from '../src/db/database.ts';
import type { Database } from '../src/db/schema.ts';

/** Waits until `count` backends of this database wait for a lock (PostgreSQL only). */
export async function lockWaiters(db: Db, count: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND cardinality(pg_blocking_pids(pid)) > 0`.execute(db);
    if ((rows[0]?.n ?? 0) >= count) return;
    if (Date.now() > deadline) throw new Error(`expected ${count} backends waiting for a lock`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

class Release extends Error {}

/**
 * Runs `hold` in a transaction, starts `race`, waits for `waiters` blocked backends, then ends
 * the transaction (rolled back when `rollback`) and returns what the race settled to.
 */
export async function raceBehindLock<T>(
  db: Db,
  hold: (trx: Transaction<Database>) => Promise<unknown>,
  race: () => Promise<T>,
  { waiters = 2, rollback = false }: { waiters?: number; rollback?: boolean } = {},
): Promise<T> {
  let result: Promise<T> | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      await hold(trx);
      result = race();
      // Keep the race's rejections from going unhandled while we wait.
      result.catch(() => undefined);
      await lockWaiters(db, waiters);
      if (rollback) throw new Release();
    });
  } catch (error) {
    if (!(error instanceof Release)) throw error;
  }
  if (!result) throw new Error('the race did not start');
  return result;
}
