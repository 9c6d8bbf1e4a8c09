// Security-relevant: signing in with e-mail and password, throttled per account (login-throttle.ts)
// on top of the per-client rate limit of the login route. Known and unknown addresses take the
// same path — the same throttle row, an argon2 verification, the same answers — so neither the
// message nor the timing tells whether an address has an account.
import { createHash } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../http/errors.ts';
import { maskEmail } from '../audit/audit.mask.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import * as accounts from './accounts.repo.ts';
import { generatePassword, hashPassword, loadActor } from './accounts.service.ts';
import type { Actor } from './actor.ts';
import * as repo from './login.repo.ts';
import { afterFailure, currentState, LOGIN_THROTTLE, type LoginGate, loginGate } from './login-throttle.ts';
import { findAccountPolicy } from './oidc.repo.ts';
import { requireAnyRole } from './policy.ts';
import { hasSecondFactor } from './totp.service.ts';

export type SignInResult =
  | { ok: true; actor: Actor }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; locked: boolean; retryAt: Date }
  /** The password was right, but the user's second factor must follow (totp.login.ts). */
  | { ok: false; reason: 'second_factor'; userId: string }
  /** The password was right, but the tenant requires a second factor of admins and this one has none yet. */
  | { ok: false; reason: 'enrol_required'; userId: string };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** What the throttle is keyed by: never the address itself (people type passwords there). */
export function accountKey(email: string): string {
  return createHash('sha256').update(normaliseEmail(email)).digest('hex');
}

let dummyHash: Promise<string> | undefined;

/**
 * Takes one attempt for the account, or refuses it. The attempt is counted as a failure before
 * the password is checked, under the row's lock, so parallel guesses cannot all pass the gate;
 * a correct password clears the count.
 */
export async function takeAttempt(db: Db, tenantId: string, key: string, now: Date): Promise<LoginGate> {
  return db.transaction().execute(async (trx) => {
    let stored = await repo.lockLoginFailure(trx, tenantId, key);
    if (!stored) {
      await repo.pruneLoginFailures(trx, new Date(now.getTime() - LOGIN_THROTTLE.forgetAfterMs), now);
      if (await repo.insertLoginFailure(trx, tenantId, key, afterFailure(undefined, now))) return { allowed: true };
      // A concurrent attempt inserted the row first; take our turn after it.
      stored = await repo.lockLoginFailure(trx, tenantId, key);
    }
    const gate = loginGate(stored, now);
    if (gate.allowed) await repo.updateLoginFailure(trx, tenantId, key, afterFailure(stored, now));
    return gate;
  });
}

/**
 * A refused sign-in in the audit log: the user when the address has one, the typed address masked
 * (never in clear: people type passwords into it), the method and why. Never the password.
 */
export async function auditLoginFailure(
  db: Db,
  tenantId: string,
  attempt: { email?: string; userId?: string | null; method: 'password' | 'oidc' | 'totp'; reason: string },
): Promise<void> {
  await recordAudit(db, {
    tenantId,
    actorUserId: attempt.userId ?? null,
    actorLabel: attempt.email ? maskEmail(normaliseEmail(attempt.email)) : 'okänd',
    action: 'login_failed',
    entity: 'user',
    entityId: attempt.userId ?? null,
    data: { method: attempt.method, reason: attempt.reason },
  });
}

export async function signInWithPassword(db: Db, tenant: Tenant, email: string, password: string, now: Date): Promise<SignInResult> {
  const key = accountKey(email);
  const gate = await takeAttempt(db, tenant.id, key, now);
  const user = await accounts.findUserByEmail(db, tenant.id, normaliseEmail(email));
  const fail = (reason: string) => auditLoginFailure(db, tenant.id, { email, userId: user?.id, method: 'password', reason });
  if (!gate.allowed) {
    await fail(gate.locked ? 'locked' : 'throttled');
    return { ok: false, reason: 'throttled', locked: gate.locked, retryAt: gate.retryAt };
  }
  if (!user?.passwordHash || !user.active) {
    dummyHash ??= hashPassword(generatePassword());
    await verify(await dummyHash, password).catch(() => false);
    await fail(!user ? 'unknown_account' : !user.active ? 'inactive' : 'no_password');
    return { ok: false, reason: 'invalid' };
  }
  if (!(await verify(user.passwordHash, password).catch(() => false))) {
    await fail('wrong_password');
    return { ok: false, reason: 'invalid' };
  }
  // With a second factor the attempt stays counted until the code is right too: knowing the
  // password does not reset the lock-out that guards the code.
  if (await hasSecondFactor(db, tenant.id, user.id)) return { ok: false, reason: 'second_factor', userId: user.id };
  await repo.deleteLoginFailure(db, tenant.id, key);
  const actor = await loadActor(db, tenant, user.id);
  if (!actor) return { ok: false, reason: 'invalid' };
  if (actor.grants.some((g) => g.role === 'admin') && (await findAccountPolicy(db, tenant.id)).totpRequiredForAdmins) {
    return { ok: false, reason: 'enrol_required', userId: user.id };
  }
  await completeLogin(db, tenant.id, user, { method: 'password' });
  return { ok: true, actor };
}

/** A sign-in that passed every check: the last login time and the audit entry, together. */
export async function completeLogin(
  db: Db,
  tenantId: string,
  user: { id: string; email: string },
  data: { method: 'password'; secondFactor?: 'totp' | 'recovery' },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await accounts.touchLogin(trx, user.id);
    await recordAudit(trx, {
      tenantId,
      actorUserId: user.id,
      actorLabel: user.email,
      action: 'login',
      entity: 'user',
      entityId: user.id,
      data,
    });
  });
}

export interface LoginLock {
  failures: number;
  locked: boolean;
  /** When the next attempt is allowed; null when one is allowed now. */
  retryAt: Date | null;
}

/** The throttle state of a user's address, for the admin's user page; undefined when clear. */
export async function loginLockOf(db: Db, tenantId: string, email: string, now: Date): Promise<LoginLock | undefined> {
  const state = currentState(await repo.findLoginFailure(db, tenantId, accountKey(email)), now);
  if (!state || state.failures < LOGIN_THROTTLE.freeFailures) return undefined;
  const gate = loginGate(state, now);
  return gate.allowed
    ? { failures: state.failures, locked: false, retryAt: null }
    : { failures: state.failures, locked: gate.locked, retryAt: gate.retryAt };
}

/** An admin lifts the lock and back-off of a user's account. Returns false when there was none. */
export async function unlockUser(actor: Actor, userId: string, { db }: { db: Db }): Promise<boolean> {
  requireAnyRole(actor, ['admin']);
  return db.transaction().execute(async (trx) => {
    const user = await accounts.lockUser(trx, actor.tenantId, userId);
    if (!user) throw notFound('Användaren');
    if (!(await repo.deleteLoginFailure(trx, actor.tenantId, accountKey(user.email)))) return false;
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'unlock',
      entity: 'user',
      entityId: userId,
    });
    return true;
  });
}
