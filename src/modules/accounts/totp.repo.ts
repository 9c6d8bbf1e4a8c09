// Every query of the TOTP second factor (tables user_totp and totp_recovery_codes, migration 0092).
import type { Db } from '../../db/database.ts';

export interface TotpRow {
  secretEnc: string;
  confirmedAt: Date | null;
  /** The last 30-second step a code was accepted for; null before any. */
  lastStep: number | null;
}

const COLUMNS = ['secret_enc as secretEnc', 'confirmed_at as confirmedAt', 'last_step as lastStep'] as const;

function toRow(row: { secretEnc: string; confirmedAt: Date | null; lastStep: string | null } | undefined): TotpRow | undefined {
  return row && { ...row, lastStep: row.lastStep === null ? null : Number(row.lastStep) };
}

export async function findTotp(db: Db, tenantId: string, userId: string): Promise<TotpRow | undefined> {
  return toRow(
    await db.selectFrom('user_totp').select(COLUMNS).where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst(),
  );
}

/** Call inside a transaction: the row stays locked until it ends. */
export async function lockTotp(db: Db, tenantId: string, userId: string): Promise<TotpRow | undefined> {
  return toRow(
    await db
      .selectFrom('user_totp')
      .select(COLUMNS)
      .where('tenant_id', '=', tenantId)
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst(),
  );
}

/** A new secret waiting for its first code; replaces an unconfirmed one, never a confirmed one (false then). */
export async function upsertPendingTotp(db: Db, tenantId: string, userId: string, secretEnc: string, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('user_totp')
    .values({ tenant_id: tenantId, user_id: userId, secret_enc: secretEnc, created_at: now })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'user_id'])
        .doUpdateSet({ secret_enc: secretEnc, created_at: now, last_step: null })
        .where('user_totp.confirmed_at', 'is', null),
    )
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function confirmTotp(db: Db, tenantId: string, userId: string, step: number, now: Date): Promise<void> {
  await db
    .updateTable('user_totp')
    .set({ confirmed_at: now, last_step: step })
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .execute();
}

export async function setLastStep(db: Db, tenantId: string, userId: string, step: number): Promise<void> {
  await db.updateTable('user_totp').set({ last_step: step }).where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
}

/** Removes the factor and its recovery codes; false when there was none. */
export async function deleteTotp(db: Db, tenantId: string, userId: string): Promise<boolean> {
  await db.deleteFrom('totp_recovery_codes').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
  const result = await db.deleteFrom('user_totp').where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Replaces every recovery code of the user with new ones (their hashes). */
export async function replaceRecoveryCodes(db: Db, tenantId: string, userId: string, hashes: string[], now: Date): Promise<void> {
  await db.deleteFrom('totp_recovery_codes').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
  await db
    .insertInto('totp_recovery_codes')
    .values(hashes.map((code_hash) => ({ tenant_id: tenantId, user_id: userId, code_hash, created_at: now })))
    .execute();
}

/** Spends a recovery code; false when it is unknown or already spent (the update is the check). */
export async function spendRecoveryCode(db: Db, tenantId: string, userId: string, hash: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('totp_recovery_codes')
    .set({ used_at: now })
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .returning('code_hash')
    .executeTakeFirst();
  return row !== undefined;
}

export async function countUnusedRecoveryCodes(db: Db, tenantId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('totp_recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
