// Security-relevant: the optional second factor of local sign-in, a time-based one-time password
// (RFC 6238 through the `otpauth` library: SHA-1, 6 digits, 30 s, one step of clock drift either
// way). The secret is sealed at rest like the identity provider's client secret (oidc.secret.ts);
// a code is accepted once (a step at or before the last accepted one is a replay); ten recovery
// codes are shown once and stored as SHA-256 only. Every check runs under the factor's row lock.
import { createHash, randomInt } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as accounts from './accounts.repo.ts';
import type { Actor } from './actor.ts';
import { openSecret, sealSecret } from './oidc.secret.ts';
import { requireAnyRole } from './policy.ts';
import * as repo from './totp.repo.ts';

export const TOTP_SETTINGS = { algorithm: 'SHA1', digits: 6, period: 30, window: 1, recoveryCodes: 10 } as const;

/** Whose factor: enough to name it in an authenticator app and in the audit log. */
export interface TotpSubject {
  tenantId: string;
  userId: string;
  email: string;
  tenantName: string;
}

export interface Enrolment {
  /** Base32, for typing into the app by hand. */
  secret: string;
  /** The otpauth:// URI the QR code holds. */
  uri: string;
}

export type SecondFactorCheck =
  | { ok: true; method: 'totp' | 'recovery'; recoveryLeft?: number }
  | { ok: false; reason: 'wrong_code' | 'replayed' | 'no_factor' | 'unreadable' };

function totpOf(subject: TotpSubject, secret: OTPAuth.Secret): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: 'Insyn',
    label: `${subject.email} (${subject.tenantName})`,
    secret,
    algorithm: TOTP_SETTINGS.algorithm,
    digits: TOTP_SETTINGS.digits,
    period: TOTP_SETTINGS.period,
  });
}

function openTotpSecret(config: Config, sealed: string): OTPAuth.Secret | undefined {
  const base32 = openSecret(config.sessionSecret, sealed, 'totp-secret');
  return base32 === undefined ? undefined : OTPAuth.Secret.fromBase32(base32);
}

/** The 30-second step a code belongs to, or undefined when it is not a current code. */
function stepOfCode(secret: OTPAuth.Secret, code: string, now: Date): number | undefined {
  const timestamp = now.getTime();
  const delta = OTPAuth.TOTP.validate({
    token: code,
    secret,
    algorithm: TOTP_SETTINGS.algorithm,
    digits: TOTP_SETTINGS.digits,
    period: TOTP_SETTINGS.period,
    timestamp,
    window: TOTP_SETTINGS.window,
  });
  return delta === null ? undefined : OTPAuth.TOTP.counter({ period: TOTP_SETTINGS.period, timestamp }) + delta;
}

/** "123 456" → "123456"; undefined when it is not six digits. */
export function normaliseCode(input: string): string | undefined {
  const code = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(code) ? code : undefined;
}

const RECOVERY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // 32 signs without 0/O, 1/I: 5 bits each

/** A recovery code as shown: 12 signs (60 random bits) in groups of four. */
function newRecoveryCode(): string {
  const signs = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return `${signs.slice(0, 4)}-${signs.slice(4, 8)}-${signs.slice(8)}`;
}

function recoveryHash(input: string): string {
  const normalised = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return createHash('sha256').update(`insyn-recovery:${normalised}`).digest('hex');
}

/** Is the second factor on for the user (enrolled and confirmed)? */
export async function hasSecondFactor(db: Db, tenantId: string, userId: string): Promise<boolean> {
  return Boolean((await repo.findTotp(db, tenantId, userId))?.confirmedAt);
}

export interface SecondFactorStatus {
  enabled: boolean;
  recoveryLeft: number;
}

export async function secondFactorStatus(db: Db, tenantId: string, userId: string): Promise<SecondFactorStatus> {
  const enabled = await hasSecondFactor(db, tenantId, userId);
  return { enabled, recoveryLeft: enabled ? await repo.countUnusedRecoveryCodes(db, tenantId, userId) : 0 };
}

const alreadyOn = () => new AppError('conflict', 'Tvåstegsverifiering är redan påslagen. Stäng av den först om du vill byta app.');

/** Starts (or restarts) an enrolment: a new secret, stored sealed and unconfirmed. */
export async function startEnrolment(db: Db, config: Config, subject: TotpSubject, now: Date): Promise<Enrolment> {
  const secret = new OTPAuth.Secret({ size: 20 });
  const sealed = sealSecret(config.sessionSecret, secret.base32, 'totp-secret');
  if (!(await repo.upsertPendingTotp(db, subject.tenantId, subject.userId, sealed, now))) throw alreadyOn();
  return { secret: secret.base32, uri: totpOf(subject, secret).toString() };
}

/** The enrolment waiting for its first code; undefined when there is none (or it cannot be read). */
export async function pendingEnrolment(db: Db, config: Config, subject: TotpSubject): Promise<Enrolment | undefined> {
  const row = await repo.findTotp(db, subject.tenantId, subject.userId);
  if (!row || row.confirmedAt) return undefined;
  const secret = openTotpSecret(config, row.secretEnc);
  return secret && { secret: secret.base32, uri: totpOf(subject, secret).toString() };
}

/** The QR code of an otpauth URI as an SVG document (attributes only: no inline style for the CSP). */
export function qrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

const wrongCode = () =>
  new AppError('validation', 'Koden stämmer inte.', {
    fields: [{ field: 'code', message: 'Koden stämmer inte. Skriv de sex siffror appen visar just nu.' }],
  });

/**
 * Turns the factor on with a first correct code; returns the ten recovery codes, to be shown once.
 * Earlier recovery codes of the user are replaced.
 */
export async function confirmEnrolment(db: Db, config: Config, subject: TotpSubject, input: string, now: Date): Promise<string[]> {
  const code = normaliseCode(input);
  if (!code) throw wrongCode();
  return db.transaction().execute(async (trx) => {
    const row = await repo.lockTotp(trx, subject.tenantId, subject.userId);
    if (row?.confirmedAt) throw alreadyOn();
    const secret = row && openTotpSecret(config, row.secretEnc);
    if (!secret) throw new AppError('conflict', 'Inställningen har gått ut. Börja om och skanna den nya QR-koden.');
    const step = stepOfCode(secret, code, now);
    if (step === undefined) throw wrongCode();
    await repo.confirmTotp(trx, subject.tenantId, subject.userId, step, now);
    const codes = Array.from({ length: TOTP_SETTINGS.recoveryCodes }, newRecoveryCode);
    await repo.replaceRecoveryCodes(trx, subject.tenantId, subject.userId, codes.map(recoveryHash), now);
    await recordAudit(trx, {
      tenantId: subject.tenantId,
      actorUserId: subject.userId,
      actorLabel: subject.email,
      action: 'totp_enrol',
      entity: 'user',
      entityId: subject.userId,
    });
    return codes;
  });
}

/**
 * Checks a code from the app, or a recovery code, for a user whose factor is on. A code is taken
 * once: its step must be later than the last accepted one. A recovery code is spent by the check.
 * The caller audits and throttles.
 */
export async function checkSecondFactor(db: Db, config: Config, tenantId: string, userId: string, input: string, now: Date) {
  return db.transaction().execute(async (trx): Promise<SecondFactorCheck> => {
    const row = await repo.lockTotp(trx, tenantId, userId);
    if (!row?.confirmedAt) return { ok: false, reason: 'no_factor' };
    const code = normaliseCode(input);
    if (code) {
      // Sealed under another SESSION_SECRET: app codes cannot be checked; recovery codes still work.
      const secret = openTotpSecret(config, row.secretEnc);
      if (!secret) return { ok: false, reason: 'unreadable' };
      const step = stepOfCode(secret, code, now);
      if (step === undefined) return { ok: false, reason: 'wrong_code' };
      if (row.lastStep !== null && step <= row.lastStep) return { ok: false, reason: 'replayed' };
      await repo.setLastStep(trx, tenantId, userId, step);
      return { ok: true, method: 'totp' };
    }
    if (!(await repo.spendRecoveryCode(trx, tenantId, userId, recoveryHash(input), now))) return { ok: false, reason: 'wrong_code' };
    return { ok: true, method: 'recovery', recoveryLeft: await repo.countUnusedRecoveryCodes(trx, tenantId, userId) };
  });
}

/**
 * The user turns the own factor off, proving it is them with a current code (or recovery code) or
 * the password: a session left open is not enough.
 */
export async function disableOwnSecondFactor(
  actor: Actor,
  input: { code?: string; password?: string },
  { db, config, now }: { db: Db; config: Config; now: Date },
): Promise<void> {
  const userId = actor.userId;
  if (!userId) throw new AppError('forbidden', 'Bara användarkonton har tvåstegsverifiering.');
  if (!(await hasSecondFactor(db, actor.tenantId, userId))) throw new AppError('conflict', 'Tvåstegsverifiering är inte påslagen.');
  let proven = false;
  if (input.code?.trim()) {
    proven = (await checkSecondFactor(db, config, actor.tenantId, userId, input.code, now)).ok;
  } else if (input.password) {
    const user = await accounts.findUser(db, actor.tenantId, userId);
    proven = Boolean(user?.passwordHash && (await verify(user.passwordHash, input.password).catch(() => false)));
  }
  if (!proven) {
    throw new AppError('validation', 'Det gick inte att bekräfta att det är du.', {
      fields: [{ field: 'code', message: 'Ange en aktuell kod från appen, en reservkod eller ditt lösenord.' }],
    });
  }
  await db.transaction().execute(async (trx) => {
    await repo.deleteTotp(trx, actor.tenantId, userId);
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: userId,
      actorLabel: actor.label,
      action: 'totp_disable',
      entity: 'user',
      entityId: userId,
    });
  });
}

/** An admin removes a user's factor (a lost phone); the user signs in with the password alone, or enrols again. */
export async function resetSecondFactor(actor: Actor, userId: string, { db }: { db: Db }): Promise<boolean> {
  requireAnyRole(actor, ['admin']);
  return db.transaction().execute(async (trx) => {
    if (!(await accounts.lockUser(trx, actor.tenantId, userId))) throw notFound('Användaren');
    if (!(await repo.deleteTotp(trx, actor.tenantId, userId))) return false;
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'totp_reset',
      entity: 'user',
      entityId: userId,
    });
    return true;
  });
}
