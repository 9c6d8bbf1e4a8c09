import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { localDate } from '../modules/calendar/calendar.ts';

/** What every route module gets: the database and the settings. */
export interface AppContext {
  db: Db;
  dbKind: 'postgres' | 'pglite';
  /**
   * Public pages' reads (DATABASE_READ_URL's streaming replica); absent: `db`. Use it through
   * publicReads(), only for what a resident may see a little late — never to read back one's own
   * submission, never on staff pages, never for a write.
   */
  readDb?: Db;
  config: Config;
  /** The clock, so that tests can make time an input; absent: the real time. */
  now?: () => Date;
}

/** Where public pages read: the replica when one is configured, else the primary. */
export function publicReads(ctx: Pick<AppContext, 'db' | 'readDb'>): Db {
  return ctx.readDb ?? ctx.db;
}

/** Today's date in Stockholm by the app's clock: pages that report on "this year" use it, so tests can fix the date. */
export function todayOf(ctx: Pick<AppContext, 'now'>): string {
  return localDate(ctx.now?.() ?? new Date());
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
