// Security-relevant: local accounts, passwords (argon2id), role grants and personal API tokens.
import { createHash, randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { Type } from 'typebox';
import type { Db } from '../../db/database.ts';
import type { Role } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { Text } from '../../http/input.ts';
import { validate } from '../../http/validate.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { getUnit } from '../org/org.service.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import * as repo from './accounts.repo.ts';
import { type Actor, ROLES } from './actor.ts';
import { MIN_PASSWORD, passwordProblem } from './password-policy.ts';
import { requireAnyRole } from './policy.ts';

// OWASP's argon2id baseline (m = 19 MiB, t = 2, p = 1).
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

export const UserInput = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254 }),
  name: Text({ min: 1, max: 200 }),
  password: Type.Optional(Type.String({ minLength: MIN_PASSWORD, maxLength: 200 })),
});

const USER_MESSAGES = {
  email: 'Ange en giltig e-postadress.',
  name: 'Ange ett namn (1–200 tecken).',
  password: `Lösenordet måste ha minst ${MIN_PASSWORD} tecken.`,
};

export interface CreatedUser {
  id: string;
  email: string;
  name: string;
  /** Set when the password was generated: shown once, never stored. */
  generatedPassword?: string;
}

const emailTaken = (cause?: unknown) =>
  new AppError('conflict', 'Det finns redan en användare med den e-postadressen.', {
    fields: [{ field: 'email', message: 'E-postadressen används redan.' }],
    cause,
  });

const pgCode = (error: unknown) => (error as { code?: string }).code;

export async function createUser(actor: Actor, input: unknown, { db }: { db: Db }): Promise<CreatedUser> {
  requireAnyRole(actor, ['admin']);
  const value = validate(UserInput, input, USER_MESSAGES);
  const email = value.email.trim().toLowerCase();
  const problem = value.password ? passwordProblem(value.password, { email }) : undefined;
  if (problem) throw new AppError('validation', problem, { fields: [{ field: 'password', message: problem }] });
  // A quick answer for the common case; under concurrency the unique key decides (below).
  if (await repo.findUserByEmail(db, actor.tenantId, email)) throw emailTaken();
  const generatedPassword = value.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(value.password ?? generatedPassword ?? '');
  try {
    return await db.transaction().execute(async (trx) => {
      const user = await repo.insertUser(trx, actor.tenantId, { email, name: value.name.trim(), passwordHash });
      await recordAudit(trx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'create',
        entity: 'user',
        entityId: user.id,
        data: { email },
      });
      return { id: user.id, email: user.email, name: user.name, generatedPassword };
    });
  } catch (error) {
    if (pgCode(error) === '23505') throw emailTaken(error);
    throw error;
  }
}

export const GrantInput = Type.Object({
  role: Type.Enum(ROLES),
  unitId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
});

/** Grants a role; granting one the user already has changes nothing. Returns whether it was new. */
export async function grantRole(actor: Actor, userId: string, input: unknown, { db }: { db: Db }): Promise<boolean> {
  requireAnyRole(actor, ['admin']);
  const value = validate(GrantInput, input, {
    role: 'Välj en roll.',
    unitId: 'Välj en enhet.',
  });
  // admin always covers the whole tenant.
  const unitId = value.role === 'admin' ? null : (value.unitId ?? null);
  try {
    return await db.transaction().execute(async (trx) => {
      if (!(await repo.lockUser(trx, actor.tenantId, userId))) throw notFound('Användaren');
      if (unitId) await getUnit(trx, actor.tenantId, unitId);
      // A concurrent identical grant waits on the unique index and then inserts nothing.
      if (!(await repo.insertGrant(trx, actor.tenantId, userId, value.role, unitId))) return false;
      await recordAudit(trx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action: 'grant',
        entity: 'user',
        entityId: userId,
        data: { role: value.role, unitId },
      });
      return true;
    });
  } catch (error) {
    // The unit was removed between the check and the insert.
    if (pgCode(error) === '23503')
      throw new AppError('conflict', 'Enheten har tagits bort. Ladda om sidan och försök igen.', { cause: error });
    throw error;
  }
}

/** Revokes one of this user's grants; a grant of another user is not found (404). */
export async function revokeGrant(actor: Actor, userId: string, grantId: string, { db }: { db: Db }): Promise<void> {
  requireAnyRole(actor, ['admin']);
  await db.transaction().execute(async (trx) => {
    if (!(await repo.lockUser(trx, actor.tenantId, userId))) throw notFound('Användaren');
    const grant = await repo.deleteGrant(trx, actor.tenantId, userId, grantId);
    if (!grant) throw notFound('Behörigheten');
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'revoke',
      entity: 'user',
      entityId: userId,
      data: { grantId, role: grant.role, unitId: grant.unitId },
    });
  });
}

export async function setUserActive(actor: Actor, userId: string, active: boolean, { db }: { db: Db }): Promise<void> {
  requireAnyRole(actor, ['admin']);
  if (userId === actor.userId && !active) throw new AppError('conflict', 'Du kan inte inaktivera dig själv.');
  await db.transaction().execute(async (trx) => {
    const user = await repo.lockUser(trx, actor.tenantId, userId);
    if (!user) throw notFound('Användaren');
    if (user.active === active) return;
    await repo.setActive(trx, actor.tenantId, userId, active);
    // Disabling ends every session and token of the user at once, in the same transaction.
    const ended = active
      ? { sessions: 0, tokens: 0 }
      : {
          sessions: await repo.deleteSessionsOfUser(trx, actor.tenantId, userId),
          tokens: await repo.revokeTokensOfUser(trx, actor.tenantId, userId),
        };
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: active ? 'activate' : 'deactivate',
      entity: 'user',
      entityId: userId,
      data: active ? {} : { sessionsEnded: ended.sessions, tokensRevoked: ended.tokens },
    });
  });
}

export async function loadActor(db: Db, tenant: Tenant, userId: string): Promise<Actor | undefined> {
  const user = await repo.findUser(db, tenant.id, userId);
  if (!user?.active) return undefined;
  const grants = await repo.listGrants(db, tenant.id, user.id);
  return {
    userId: user.id,
    tenantId: tenant.id,
    tenantSlug: tenant.slug,
    tenantName: tenant.name,
    label: user.email,
    name: user.name,
    grants: grants.map((g) => ({ role: g.role, unitId: g.unitId })),
  };
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface CreatedToken {
  id: string;
  name: string;
  /** Shown once; only its SHA-256 is stored. */
  token: string;
}

/** A personal API token acts with its owner's roles. */
export async function createApiToken(
  db: Db,
  owner: { tenantId: string; userId: string; label: string },
  name: string,
  options: { expiresAt?: Date | null; readOnly?: boolean } = {},
): Promise<CreatedToken> {
  const cleanName = name.trim() || 'API-token';
  if (cleanName.length > 100)
    throw new AppError('validation', 'Namnet får ha högst 100 tecken.', {
      fields: [{ field: 'name', message: 'Namnet får ha högst 100 tecken.' }],
    });
  const token = `insyn_${randomBytes(32).toString('base64url')}`;
  return db.transaction().execute(async (trx) => {
    const row = await repo.insertToken(trx, {
      tenantId: owner.tenantId,
      userId: owner.userId,
      name: cleanName,
      tokenHash: tokenHash(token),
      prefix: token.slice(0, 12),
      expiresAt: options.expiresAt ?? null,
      readOnly: options.readOnly ?? false,
    });
    await recordAudit(trx, {
      tenantId: owner.tenantId,
      actorUserId: owner.userId,
      actorLabel: owner.label,
      action: 'create',
      entity: 'api_token',
      entityId: row.id,
      data: {
        name: cleanName,
        prefix: row.prefix,
        expiresAt: options.expiresAt?.toISOString() ?? null,
        readOnly: options.readOnly ?? false,
      },
    });
    return { id: row.id, name: row.name, token };
  });
}

/**
 * The actor of a token that may also write; a read-only token gives none here (used where the
 * caller cannot tell reading from writing, e.g. Open311's api_key). The Bearer check uses tokenAccess.
 */
export async function actorFromToken(db: Db, token: string): Promise<Actor | undefined> {
  const access = await tokenAccess(db, token);
  return access && !access.readOnly ? access.actor : undefined;
}

/** The actor of a live token (not revoked, not expired, owner active), and whether the token may only read. */
export async function tokenAccess(db: Db, token: string): Promise<{ actor: Actor; readOnly: boolean } | undefined> {
  if (!token.startsWith('insyn_') || token.length > 100) return undefined;
  // One round trip, checked now: no copy kept between requests, so revoking ends a token at once.
  const row = await repo.findTokenActor(db, tokenHash(token));
  if (!row) return undefined;
  const actor: Actor = {
    userId: row.userId,
    tenantId: row.tenantId,
    tenantSlug: row.tenantSlug,
    tenantName: row.tenantName,
    label: row.email,
    name: row.name,
    grants: row.grants.map((g) => ({ role: g.role, unitId: g.unitId })),
  };
  return { actor, readOnly: row.readOnly };
}

export async function revokeApiToken(actor: Actor, tokenId: string, { db }: { db: Db }): Promise<void> {
  if (!actor.userId) throw notFound('Token');
  const userId = actor.userId;
  await db.transaction().execute(async (trx) => {
    if (!(await repo.revokeToken(trx, actor.tenantId, userId, tokenId))) throw notFound('Token');
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'revoke',
      entity: 'api_token',
      entityId: tokenId,
    });
  });
}

export const listUsers = repo.listUsers;
export const listAllGrants = repo.listAllGrants;
export const listTokens = repo.listTokens;
export const listSessionsOfUser = repo.listSessionsOfUser;

/** Ends one of my own sessions (from "Mina inloggningar"); another's is not found. */
export async function endOwnSession(actor: Actor, ref: string, { db }: { db: Db }): Promise<void> {
  if (!actor.userId || !/^[0-9a-f]{64}$/.test(ref)) throw notFound('Inloggningen');
  const userId = actor.userId;
  await db.transaction().execute(async (trx) => {
    if (!(await repo.deleteSessionByRef(trx, actor.tenantId, userId, ref))) throw notFound('Inloggningen');
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: userId,
      actorLabel: actor.label,
      action: 'end',
      entity: 'session',
      entityId: ref.slice(0, 16),
    });
  });
}
export const findUserByEmail = repo.findUserByEmail;
export type { Role };
