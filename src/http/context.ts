import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';

/** What every route module gets: the database and the settings. */
export interface AppContext {
  db: Db;
  dbKind: 'postgres' | 'pglite';
  config: Config;
  /** The clock, so that tests can make time an input; absent: the real time. */
  now?: () => Date;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
