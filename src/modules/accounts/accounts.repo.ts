import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Role } from '../../db/schema.ts';

export interface UserRow {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  passwordHash: string | null;
  active: boolean;
}

const USER_COLUMNS = [
  'users.id',
  'users.tenant_id as tenantId',
  'users.email',
  'users.name',
  'users.password_hash as passwordHash',
  'users.active',
] as const;

export function findUserByEmail(db: Db, tenantId: string, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(USER_COLUMNS).where('tenant_id', '=', tenantId).where('email', '=', email).executeTakeFirst();
}

export function findUser(db: Db, tenantId: string, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(USER_COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** Call inside a transaction: the user row stays locked until it ends. */
export function lockUser(db: Db, tenantId: string, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(USER_COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listUsers(db: Db, tenantId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'active', 'last_login_at as lastLoginAt'])
    .where('tenant_id', '=', tenantId)
    .orderBy('name')
    .execute();
}

export function insertUser(db: Db, tenantId: string, values: { email: string; name: string; passwordHash: string | null }) {
  return db
    .insertInto('users')
    .values({ tenant_id: tenantId, email: values.email, name: values.name, password_hash: values.passwordHash })
    .returning(['id', 'tenant_id as tenantId', 'email', 'name', 'password_hash as passwordHash', 'active'])
    .executeTakeFirstOrThrow();
}

export async function setActive(db: Db, tenantId: string, id: string, active: boolean): Promise<void> {
  await db.updateTable('users').set({ active }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function touchLogin(db: Db, id: string): Promise<void> {
  await db.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', id).execute();
}

export function listGrants(db: Db, tenantId: string, userId: string) {
  return db
    .selectFrom('role_grants')
    .select(['id', 'role', 'unit_id as unitId'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
}

export function listAllGrants(db: Db, tenantId: string) {
  return db
    .selectFrom('role_grants')
    .leftJoin('org_units', 'org_units.id', 'role_grants.unit_id')
    .select([
      'role_grants.id',
      'role_grants.user_id as userId',
      'role_grants.role',
      'role_grants.unit_id as unitId',
      'org_units.name as unitName',
    ])
    .where('role_grants.tenant_id', '=', tenantId)
    .execute();
}

export async function insertGrant(db: Db, tenantId: string, userId: string, role: Role, unitId: string | null) {
  return db
    .insertInto('role_grants')
    .values({ tenant_id: tenantId, user_id: userId, role, unit_id: unitId })
    .onConflict((oc) => oc.doNothing())
    .returning(['id'])
    .executeTakeFirst();
}

/** Deletes a grant of this user only: a grant id taken from another user's page matches nothing. */
export function deleteGrant(db: Db, tenantId: string, userId: string, grantId: string) {
  return db
    .deleteFrom('role_grants')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('id', '=', grantId)
    .returning(['role', 'unit_id as unitId'])
    .executeTakeFirst();
}

export function insertToken(
  db: Db,
  values: {
    tenantId: string;
    userId: string;
    name: string;
    tokenHash: string;
    prefix: string;
    expiresAt?: Date | null;
    readOnly?: boolean;
  },
) {
  return db
    .insertInto('api_tokens')
    .values({
      tenant_id: values.tenantId,
      user_id: values.userId,
      name: values.name,
      token_hash: values.tokenHash,
      prefix: values.prefix,
      expires_at: values.expiresAt ?? null,
      read_only: values.readOnly ?? false,
    })
    .returning(['id', 'name', 'prefix', 'created_at as createdAt'])
    .executeTakeFirstOrThrow();
}

export interface TokenActorRow {
  readOnly: boolean;
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  userId: string;
  email: string;
  name: string;
  grants: { role: Role; unitId: string | null }[];
}

/** How seldom a token's last use is written: each request would otherwise write (and lock) its row. */
export const TOKEN_TOUCH_SECONDS = 60;

/**
 * Everything a request with an API token needs, in one round trip: the active token of an
 * active user, the user's tenant and grants — read at this moment, nothing kept between requests,
 * so a revoked token or a disabled user is refused at once. Notes the token's use (at most once a
 * minute) in the same statement.
 */
export async function findTokenActor(db: Db, tokenHash: string): Promise<TokenActorRow | undefined> {
  const { rows } = await sql<TokenActorRow>`
    WITH t AS (
      SELECT k.id, k.tenant_id, k.user_id, k.read_only
        FROM api_tokens k JOIN users u ON u.id = k.user_id AND u.tenant_id = k.tenant_id
       WHERE k.token_hash = ${tokenHash} AND k.revoked_at IS NULL
         AND (k.expires_at IS NULL OR k.expires_at > now()) AND u.active
    ), touched AS (
      UPDATE api_tokens SET last_used_at = now()
       WHERE id = (SELECT id FROM t)
         AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => ${TOKEN_TOUCH_SECONDS}))
      RETURNING id
    )
    SELECT t.read_only AS "readOnly", t.tenant_id AS "tenantId", n.slug AS "tenantSlug", n.name AS "tenantName",
           u.id AS "userId", u.email, u.name,
           coalesce((SELECT json_agg(json_build_object('role', g.role, 'unitId', g.unit_id) ORDER BY g.role, g.id)
                       FROM role_grants g WHERE g.tenant_id = t.tenant_id AND g.user_id = t.user_id), '[]'::json) AS grants
      FROM t JOIN tenants n ON n.id = t.tenant_id JOIN users u ON u.id = t.user_id`.execute(db);
  return rows[0];
}

export function listTokens(db: Db, tenantId: string, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select([
      'id',
      'name',
      'prefix',
      'created_at as createdAt',
      'last_used_at as lastUsedAt',
      'revoked_at as revokedAt',
      'expires_at as expiresAt',
      'read_only as readOnly',
    ])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokeToken(db: Db, tenantId: string, userId: string, id: string): Promise<boolean> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function setPasswordHash(db: Db, tenantId: string, id: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Ends every session of a user (a disabled account, a new password). */
export async function deleteSessionsOfUser(db: Db, tenantId: string, userId: string): Promise<number> {
  const r = await db.deleteFrom('sessions').where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Revokes every live token of a user at once. */
export async function revokeTokensOfUser(db: Db, tenantId: string, userId: string): Promise<number> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** A user's live sessions; `ref` is a hash of the session id (the id itself is a secret and never shown). */
export function listSessionsOfUser(db: Db, tenantId: string, userId: string, now: Date) {
  return db
    .selectFrom('sessions')
    .select([
      sql<string>`encode(sha256(convert_to(sid, 'UTF8')), 'hex')`.as('ref'),
      'created_at as createdAt',
      'last_seen_at as lastSeenAt',
      'user_agent as userAgent',
      'expires_at as expiresAt',
    ])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Ends one of the user's own sessions by its reference; false when it is not theirs or gone. */
export async function deleteSessionByRef(db: Db, tenantId: string, userId: string, ref: string): Promise<boolean> {
  const r = await db
    .deleteFrom('sessions')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where(sql<boolean>`encode(sha256(convert_to(sid, 'UTF8')), 'hex') = ${ref}`)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
