// The error mapping's last line behind the input guard: a value the database refuses is the
// client's mistake (400 with a sentence), not the server's (500).
import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/helpers.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { errorHandler } from './error-handler.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

/** The error the database raises for `query`. */
async function databaseError(query: ReturnType<typeof sql>): Promise<unknown> {
  try {
    await query.execute(handle.db);
  } catch (error) {
    return error;
  }
  throw new Error('the query did not fail');
}

async function answerTo(error: unknown) {
  const app = Fastify({ logger: false });
  app.setErrorHandler(errorHandler);
  app.get('/fail', async () => {
    throw error;
  });
  const res = await app.inject({ method: 'GET', url: '/fail' });
  await app.close();
  return res;
}

describe('errors the database raises about a value', () => {
  it('an impossible date, a number out of range and a CHECK violation are a 400 with a message', async () => {
    for (const query of [
      sql`SELECT '2026-02-30'::date`,
      sql`SELECT 1e300::integer`,
      sql`SELECT '{"a": "\\ud800"}'::jsonb`,
      sql`DO $$ BEGIN CREATE TEMP TABLE t_check (n int CHECK (n > 0)); INSERT INTO t_check VALUES (0); END $$`,
    ]) {
      const res = await answerTo(await databaseError(query));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'validation', message: expect.stringContaining('ett värde är inte giltigt') });
    }
  });

  it('any other database error stays a 500 with an apology', async () => {
    const res = await answerTo(await databaseError(sql`SELECT * FROM no_such_table`));
    expect(res.statusCode).toBe(500);
  });
});
