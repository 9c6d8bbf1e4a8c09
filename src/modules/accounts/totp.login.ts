// Security-relevant: the second step of a password sign-in. The password was right (login.service.ts)
// and the session holds a short-lived pending state (totp.routes.ts); the session is signed in only
// when this succeeds. Each code attempt goes through the same per-account throttle as passwords, so
// wrong codes count toward the same back-off and lock-out; a right code clears it. All audited.
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import * as accounts from './accounts.repo.ts';
import { loadActor } from './accounts.service.ts';
import type { Actor } from './actor.ts';
import * as loginRepo from './login.repo.ts';
import { accountKey, auditLoginFailure, completeLogin, takeAttempt } from './login.service.ts';
import { checkSecondFactor, confirmEnrolment, type TotpSubject } from './totp.service.ts';

export type SecondStepResult =
  | { ok: true; actor: Actor; recoveryLeft?: number }
  | { ok: false; reason: 'invalid' | 'gone' }
  | { ok: false; reason: 'throttled'; locked: boolean; retryAt: Date };

/** The user of a pending sign-in, still active and with a password. */
async function pendingUser(db: Db, tenant: Tenant, userId: string) {
  const user = await accounts.findUser(db, tenant.id, userId);
  return user?.active && user.passwordHash ? user : undefined;
}

export async function signInWithSecondFactor(
  db: Db,
  config: Config,
  tenant: Tenant,
  userId: string,
  code: string,
  now: Date,
): Promise<SecondStepResult> {
  const user = await pendingUser(db, tenant, userId);
  if (!user) return { ok: false, reason: 'gone' };
  const key = accountKey(user.email);
  const gate = await takeAttempt(db, tenant.id, key, now);
  const fail = (reason: string) => auditLoginFailure(db, tenant.id, { email: user.email, userId: user.id, method: 'totp', reason });
  if (!gate.allowed) {
    await fail(gate.locked ? 'locked' : 'throttled');
    return { ok: false, reason: 'throttled', locked: gate.locked, retryAt: gate.retryAt };
  }
  const check = await checkSecondFactor(db, config, tenant.id, user.id, code, now);
  if (!check.ok) {
    await fail(check.reason);
    return { ok: false, reason: check.reason === 'no_factor' ? 'gone' : 'invalid' };
  }
  await loginRepo.deleteLoginFailure(db, tenant.id, key);
  const actor = await loadActor(db, tenant, user.id);
  if (!actor) return { ok: false, reason: 'gone' };
  if (check.method === 'recovery') {
    await recordAudit(db, {
      tenantId: tenant.id,
      actorUserId: user.id,
      actorLabel: user.email,
      action: 'totp_recovery_used',
      entity: 'user',
      entityId: user.id,
      data: { left: check.recoveryLeft ?? 0 },
    });
  }
  await completeLogin(db, tenant.id, user, { method: 'password', secondFactor: check.method });
  return { ok: true, actor, recoveryLeft: check.recoveryLeft };
}

/**
 * An admin the tenant requires a second factor of enrols right after the password: the first
 * correct code turns the factor on and completes the sign-in. Returns the recovery codes to show once.
 */
export async function signInWithEnrolment(
  db: Db,
  config: Config,
  tenant: Tenant,
  userId: string,
  code: string,
  now: Date,
): Promise<{ actor: Actor; recoveryCodes: string[] } | undefined> {
  const user = await pendingUser(db, tenant, userId);
  if (!user) return undefined;
  const recoveryCodes = await confirmEnrolment(db, config, subjectOf(tenant, user), code, now);
  const actor = await loadActor(db, tenant, user.id);
  if (!actor) return undefined;
  await completeLogin(db, tenant.id, user, { method: 'password', secondFactor: 'totp' });
  return { actor, recoveryCodes };
}

export function subjectOf(tenant: Tenant, user: { id: string; email: string }): TotpSubject {
  return { tenantId: tenant.id, userId: user.id, email: user.email, tenantName: tenant.name };
}

/** The subject of a pending sign-in, for the enrolment page and its QR code. */
export async function pendingSubject(db: Db, tenant: Tenant, userId: string): Promise<TotpSubject | undefined> {
  const user = await pendingUser(db, tenant, userId);
  return user && subjectOf(tenant, user);
}
