// Server-side sessions in the `sessions` table: the cookie holds only a signed id.
import type { SessionStore } from '@fastify/session';
import type { Db } from '../db/database.ts';

const DEFAULT_TTL_MS = 8 * 60 * 60 * 1000;

export function databaseSessionStore(db: Db): SessionStore {
  return {
    set(sid, session, callback) {
      const expires = (session as { cookie?: { expires?: Date | string | null } }).cookie?.expires;
      const expiresAt = expires ? new Date(expires) : new Date(Date.now() + DEFAULT_TTL_MS);
      // Who the session belongs to, in columns: "Mina inloggningar" lists them, disabling a user ends them.
      const owner = session as { userId?: string; tenantId?: string; userAgent?: string };
      const columns = {
        data: JSON.stringify(session),
        expires_at: expiresAt,
        tenant_id: owner.tenantId ?? null,
        user_id: owner.userId ?? null,
        user_agent: owner.userAgent?.slice(0, 300) ?? null,
        last_seen_at: new Date(),
      };
      db.insertInto('sessions')
        .values({ sid, ...columns })
        .onConflict((oc) => oc.column('sid').doUpdateSet(columns))
        .execute()
        .then(() => callback(), callback);
    },
    get(sid, callback) {
      db.selectFrom('sessions')
        .select(['data', 'expires_at'])
        .where('sid', '=', sid)
        .executeTakeFirst()
        .then((row) => {
          if (!row || row.expires_at.getTime() < Date.now()) return callback(null, null);
          callback(null, row.data as unknown as Parameters<typeof callback>[1]);
        }, callback);
    },
    destroy(sid, callback) {
      db.deleteFrom('sessions')
        .where((eb) => eb.or([eb('sid', '=', sid), eb('expires_at', '<', new Date())]))
        .execute()
        .then(() => callback(), callback);
    },
  };
}
