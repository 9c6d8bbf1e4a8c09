// Every query of the sign-in throttle (table login_failures, migration 0009).
import type { Db } from '../../db/database.ts';
import type { LoginFailureState } from './login-throttle.ts';

const COLUMNS = ['failures', 'last_failed_at as lastFailedAt', 'locked_until as lockedUntil'] as const;

export function findLoginFailure(db: Db, tenantId: string, accountKey: string): Promise<LoginFailureState | undefined> {
  return db
    .selectFrom('login_failures')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('account_key', '=', accountKey)
    .executeTakeFirst();
}

/** Call inside a transaction: the row stays locked until it ends. */
export function lockLoginFailure(db: Db, tenantId: string, accountKey: string): Promise<LoginFailureState | undefined> {
  return db
    .selectFrom('login_failures')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('account_key', '=', accountKey)
    .forUpdate()
    .executeTakeFirst();
}

/** Inserts the first failure; false when a concurrent attempt inserted it first. */
export async function insertLoginFailure(db: Db, tenantId: string, accountKey: string, state: LoginFailureState): Promise<boolean> {
  const row = await db
    .insertInto('login_failures')
    .values({
      tenant_id: tenantId,
      account_key: accountKey,
      failures: state.failures,
      last_failed_at: state.lastFailedAt,
      locked_until: state.lockedUntil,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'account_key']).doNothing())
    .returning('failures')
    .executeTakeFirst();
  return row !== undefined;
}

export async function updateLoginFailure(db: Db, tenantId: string, accountKey: string, state: LoginFailureState): Promise<void> {
  await db
    .updateTable('login_failures')
    .set({ failures: state.failures, last_failed_at: state.lastFailedAt, locked_until: state.lockedUntil })
    .where('tenant_id', '=', tenantId)
    .where('account_key', '=', accountKey)
    .execute();
}

export async function deleteLoginFailure(db: Db, tenantId: string, accountKey: string): Promise<boolean> {
  const result = await db
    .deleteFrom('login_failures')
    .where('tenant_id', '=', tenantId)
    .where('account_key', '=', accountKey)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Forgets failures older than `before` whose lock (if any) has expired. */
export async function pruneLoginFailures(db: Db, before: Date, now: Date): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where('last_failed_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
}
