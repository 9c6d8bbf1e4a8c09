import { sql } from 'kysely';
import { Type } from 'typebox';
import type { App, AppContext } from './context.ts';

/**
 * /health answers 503 only when the primary does not answer: that is what a load balancer should
 * act on. With a read replica configured it also says where public pages read right now
 * (`replica`, or `primary` while the replica cannot be reached); that is for monitoring.
 */
export function registerHealthRoutes(app: App, { db, readDb }: AppContext): void {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Liveness and database check',
        tags: ['operations'],
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            publicReads: Type.Optional(Type.Union([Type.Literal('replica'), Type.Literal('primary')])),
          }),
          503: Type.Object({ status: Type.Literal('unavailable'), database: Type.Literal('down') }),
        },
      },
    },
    async (request, reply) => {
      try {
        await sql`SELECT 1`.execute(db);
      } catch (error) {
        request.log.error({ err: error }, 'health check: database does not answer');
        return reply.status(503).send({ status: 'unavailable' as const, database: 'down' as const });
      }
      if (!readDb) return { status: 'ok' as const };
      const standby = await sql<{ standby: boolean }>`SELECT pg_is_in_recovery() AS standby`
        .execute(readDb)
        .then((r) => r.rows[0]?.standby === true)
        .catch(() => false);
      return { status: 'ok' as const, publicReads: standby ? ('replica' as const) : ('primary' as const) };
    },
  );
}
