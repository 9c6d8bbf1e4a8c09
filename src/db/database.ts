// Opens the database: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite in
// DATA_DIR. Everything above this file sees one Kysely instance and cannot tell them apart.
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  type LogEvent,
  PGliteDialect,
  PostgresDialect,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';
import { lockDataDir } from './lock.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  /**
   * Public pages' reads: the streaming replica of `readDatabaseUrl` when it is set (falling back to
   * the primary while the replica cannot be reached), otherwise absent and `db` serves them.
   */
  readDb?: Db;
  /**
   * The embedded database itself, for the job queue's adapter (src/modules/reminders/job-queue.ts),
   * which runs each of its statements while holding `db`'s one connection. Absent on PostgreSQL.
   */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent the embedded database is used. */
  databaseUrl?: string;
  /** A streaming replica of `databaseUrl` (DATABASE_READ_URL) for public pages' reads. */
  readDatabaseUrl?: string;
  /** Told when a read is sent to the primary because the replica cannot be reached. */
  onReplicaUnavailable?: (error: Error) => void;
  /** Directory of the embedded database; absent = in memory (tests). */
  dataDir?: string;
  poolSize?: number;
  /** Shown in pg_stat_activity; tests use it to end only their own connections. */
  applicationName?: string;
  /** Told when PostgreSQL ends a connection (restart, failover, pg_terminate_backend). */
  onConnectionError?: (error: Error) => void;
  /**
   * Embedded database in memory only: start from this dump (`PGlite.dumpDataDir`) instead of an
   * empty cluster. Tests use a dump of a migrated database: loading it takes about a third of the
   * time of creating a cluster and migrating it.
   */
  loadDataDir?: Blob;
  /** Told the text of every statement sent (BEGIN and COMMIT too): tests count round trips with it. */
  onQuery?: (sql: string) => void;
}

/** SQLSTATE classes and codes meaning "the database is not there right now", not "your query is wrong". */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-4]|53300|55000)/;
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|driver has already been destroyed|Cannot use a pool after calling end/i;

/**
 * True when `error` says the database cannot be reached or ended the connection: the request
 * gets 503 and the next one tries again, instead of a 500 for something that is not a bug.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_NODE_CODES.has(code))) return true;
    if (UNAVAILABLE_MESSAGE.test(e.message)) return true;
    if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}

const PG_DATE = 1082;
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
// Calendar dates stay 'YYYY-MM-DD' strings: a JS Date would move them by the time zone.
pg.types.setTypeParser(PG_DATE, (value: string) => value);
pg.types.setTypeParser(PG_INT8, (value: string) => Number(value));
pg.types.setTypeParser(PG_NUMERIC, (value: string) => Number(value));

/**
 * PGlite has one connection and Kysely's PGlite driver does not serialize access to it, so a
 * query issued while another request's transaction is open would run inside that transaction.
 * This wrapper hands the connection to one holder at a time.
 */
class SerializedDriver implements Driver {
  readonly #inner: Driver;
  #tail: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;

  constructor(inner: Driver) {
    this.#inner = inner;
  }
  init(): Promise<void> {
    return this.#inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#tail;
    let release = () => {};
    this.#tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    // PGlite answers in the same thread and its promises settle as microtasks, so a chain of
    // queries (a report's model: ~250) would never let a timer or a socket in: /health and every
    // other request would wait for the whole chain. One turn of the event loop before each
    // statement outside a transaction lets them in between.
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.#release = release;
    return this.#inner.acquireConnection();
  }
  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.#inner.releaseConnection(connection);
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#inner.beginTransaction(connection, settings);
  }
  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection);
  }
  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection);
  }
  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

class SerializedPGliteDialect extends PGliteDialect {
  override createDriver(): Driver {
    return new SerializedDriver(super.createDriver());
  }
}

function queryLog(options: DatabaseOptions) {
  const onQuery = options.onQuery;
  if (!onQuery) return undefined;
  return (event: LogEvent) => {
    if (event.level === 'query') onQuery(event.query.sql);
  };
}

function postgresPool(connectionString: string, options: DatabaseOptions, applicationName: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: options.poolSize ?? 10,
    // A database that does not answer fails the request (503) instead of holding it forever.
    connectionTimeoutMillis: 5_000,
    application_name: applicationName,
  });
  // Without a listener, an 'error' from a connection PostgreSQL ended (idle in the pool, or held
  // between statements) is an uncaught exception and ends the process. The pool drops that
  // connection and opens a new one for the next query.
  pool.on('error', options.onConnectionError ?? ((error: Error) => console.error(`database connection lost: ${error.message}`)));
  // A connection held by a request is not the pool's to report: its next query fails (503).
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/** How long reads stay on the primary after the replica could not be reached, before it is tried again. */
export const REPLICA_RETRY_MS = 30_000;

/**
 * The pool behind public reads: connections to the replica, or to the primary while the replica
 * cannot be reached (down, restarting, promoted away), so that public pages keep answering. A
 * statement that fails on a replica connection already handed out still fails (503); the next
 * request gets the primary. Kysely's PostgreSQL driver needs only connect() and end().
 */
class ReplicaPool {
  readonly #replica: pg.Pool;
  readonly #primary: pg.Pool;
  readonly #onUnavailable: ((error: Error) => void) | undefined;
  #primaryUntil = 0;
  // Kysely reads these only to cancel a running query (a separate control connection).
  readonly Client = pg.Client;
  get options(): object {
    return this.#replica.options;
  }

  constructor(replica: pg.Pool, primary: pg.Pool, onUnavailable?: (error: Error) => void) {
    this.#replica = replica;
    this.#primary = primary;
    this.#onUnavailable = onUnavailable;
  }
  async connect(): Promise<pg.PoolClient> {
    if (Date.now() < this.#primaryUntil) return this.#primary.connect();
    try {
      return await this.#replica.connect();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      this.#primaryUntil = Date.now() + REPLICA_RETRY_MS;
      this.#onUnavailable?.(error as Error);
      return this.#primary.connect();
    }
  }
  /** The primary pool belongs to the primary's Kysely instance, which ends it. */
  end(): Promise<void> {
    return this.#replica.end();
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const log = queryLog(options);
  if (options.databaseUrl) {
    const pool = postgresPool(options.databaseUrl, options, options.applicationName ?? 'insyn');
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
    if (!options.readDatabaseUrl) return { db, kind: 'postgres', close: () => db.destroy() };
    const replica = postgresPool(options.readDatabaseUrl, options, `${options.applicationName ?? 'insyn'}-read`);
    const readPool = new ReplicaPool(replica, pool, options.onReplicaUnavailable);
    const readDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: readPool }), log });
    return {
      db,
      kind: 'postgres',
      readDb,
      close: async () => {
        await readDb.destroy();
        await db.destroy();
      },
    };
  }
  const release = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  try {
    const pglite = await PGlite.create({
      dataDir: options.dataDir ? path.join(options.dataDir, 'pglite') : undefined,
      loadDataDir: options.dataDir ? undefined : options.loadDataDir,
      parsers: {
        [pgliteTypes.DATE]: (value: string) => value,
        [pgliteTypes.INT8]: (value: string) => Number(value),
        [pgliteTypes.NUMERIC]: (value: string) => Number(value),
      },
    });
    const db = new Kysely<Database>({ dialect: new SerializedPGliteDialect({ pglite }), log });
    return {
      db,
      kind: 'pglite',
      pglite,
      close: async () => {
        try {
          await db.destroy();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
