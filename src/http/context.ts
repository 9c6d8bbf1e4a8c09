import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { localDate } from '../modules/calendar/calendar.ts';

/** What every route module gets: the database and the settings. */
export interface AppContext {
  db: Db;
  dbKind: 'postgres' | 'pglite';
  config: Config;
  /** The clock, so that tests can make time an input; absent: the real time. */
  now?: () => Date;
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
