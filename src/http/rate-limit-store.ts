// Security-relevant: the counters behind @fastify/rate-limit (its custom `store` option), kept in
// the database so that every app instance counts against one limit and no client can flush them
// (the default in-memory store is per process and evicts old keys when many new ones arrive).
import type { FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

interface Counter {
  hits: number;
  ttlMs: number;
}

/**
 * Counts one hit for `key` in a window of `windowMs` and returns the hits so far and the time left.
 * Its commit does not wait for the WAL to reach the disk (`synchronous_commit` off for this one
 * statement's transaction, set in the statement so that it stays one round trip): a counter is not
 * an acknowledged record, and a crash loses at most the last fraction of a second of hits. Without
 * it a public submission waited for two flushes (the counter, then the case) instead of one.
 * Call it outside a transaction: inside one, the setting would reach that transaction's commit.
 */
export async function hitRateLimit(db: Db, key: string, windowMs: number): Promise<Counter> {
  const result = await sql<Counter>`
    WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))
    INSERT INTO rate_limit_hits AS r (key, hits, window_ends_at)
    SELECT ${key}, 1, now() + make_interval(secs => ${windowMs / 1000}) FROM relaxed
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN r.window_ends_at <= now() THEN 1 ELSE r.hits + 1 END,
      window_ends_at = CASE WHEN r.window_ends_at <= now() THEN EXCLUDED.window_ends_at ELSE r.window_ends_at END
    RETURNING hits, (extract(epoch FROM window_ends_at - now()) * 1000)::float8 AS "ttlMs"`.execute(db);
  const row = result.rows[0];
  return { hits: row?.hits ?? 1, ttlMs: Math.max(0, Math.round(row?.ttlMs ?? windowMs)) };
}

/** The hits in `key`'s current window, without counting one. */
export async function readRateLimit(db: Db, key: string): Promise<Counter> {
  const result = await sql<Counter>`
    SELECT hits, (extract(epoch FROM window_ends_at - now()) * 1000)::float8 AS "ttlMs"
      FROM rate_limit_hits WHERE key = ${key} AND window_ends_at > now()`.execute(db);
  const row = result.rows[0];
  return row ? { hits: row.hits, ttlMs: Math.max(0, Math.round(row.ttlMs)) } : { hits: 0, ttlMs: 0 };
}

/** Deletes counters whose window has ended; returns how many. */
export async function deleteExpiredRateLimits(db: Db): Promise<number> {
  const result = await sql`DELETE FROM rate_limit_hits WHERE window_ends_at < now()`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

interface RouteInfo {
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * A store class for `@fastify/rate-limit`: `{ store: databaseRateLimitStore(db, prefix) }`.
 * Each limited route counts under its own method and URL pattern.
 */
export function databaseRateLimitStore(db: Db, prefix = '') {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    readonly #prefix: string;
    constructor(_options?: FastifyRateLimitOptions, routePrefix = prefix) {
      this.#prefix = routePrefix;
    }
    incr(key: string, callback: Callback, timeWindow: number): void {
      hitRateLimit(db, this.#prefix + key, timeWindow).then(
        (c) => callback(null, { current: c.hits, ttl: c.ttlMs }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }
    read(key: string, callback: Callback): void {
      readRateLimit(db, this.#prefix + key).then(
        (c) => callback(null, { current: c.hits, ttl: c.ttlMs }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }
    child(routeOptions: object): FastifyRateLimitStore {
      // Typed as route options, but the plugin passes its merged settings with `routeInfo`.
      const info = (routeOptions as RouteInfo).routeInfo;
      const route = info?.url ? `${String(info.method)} ${info.url}|` : '';
      return new DatabaseRateLimitStore(undefined, `${prefix}${route}`);
    }
  }
  return DatabaseRateLimitStore;
}
