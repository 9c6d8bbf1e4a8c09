// Security-relevant: "forgot password". The link's token is 32 random bytes, sent only in the
// e-mail (through the outbox, in the request's transaction) and stored only as its SHA-256; it
// works once, for 30 minutes, and a newer request ends older links. The answer to a request is
// the same whether or not the address has an account. A new password ends the user's sessions.
import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { enqueueMail } from '../mail/mail.service.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import * as accounts from './accounts.repo.ts';
import { hashPassword } from './accounts.service.ts';
import * as loginRepo from './login.repo.ts';
import { accountKey, normaliseEmail } from './login.service.ts';
import { findAccountPolicy } from './oidc.repo.ts';
import { passwordProblem } from './password-policy.ts';

export const RESET_TTL_MS = 30 * 60 * 1000;
export const RESET_PATH = '/staff/password/reset';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** Sends a reset link when the address has an active account that may use a password; says nothing either way. */
export async function requestPasswordReset(db: Db, config: Config, tenant: Tenant, email: string, now: Date): Promise<void> {
  const user = await accounts.findUserByEmail(db, tenant.id, normaliseEmail(email));
  if (!user?.active) return;
  if (!(await findAccountPolicy(db, tenant.id)).localPasswords) return;
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    if (!(await accounts.lockUser(trx, tenant.id, user.id))) return;
    await trx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('tenant_id', '=', tenant.id)
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute();
    const row = await trx
      .insertInto('password_resets')
      .values({ tenant_id: tenant.id, user_id: user.id, token_hash: digest(token), expires_at: new Date(now.getTime() + RESET_TTL_MS) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueueMail(trx, {
      tenantId: tenant.id,
      to: user.email,
      subject: 'Nytt lösenord till Insyn',
      kind: 'password_reset',
      refId: row.id,
      body: [
        `Hej ${user.name}!`,
        '',
        `Någon (förhoppningsvis du) bad om ett nytt lösenord till Insyn för ${tenant.name}.`,
        'Välj ett nytt lösenord via länken nedan. Den fungerar en gång och i 30 minuter.',
        '',
        `${config.baseUrl}${RESET_PATH}?token=${token}`,
        '',
        'Bad du inte om detta kan du bortse från mejlet; ditt lösenord är oförändrat.',
      ].join('\n'),
    });
    await recordAudit(trx, {
      tenantId: tenant.id,
      actorUserId: user.id,
      actorLabel: user.email,
      action: 'password_reset_requested',
      entity: 'user',
      entityId: user.id,
      data: { resetId: row.id },
    });
  });
}

const expired = () =>
  new AppError(
    'validation',
    'Länken för nytt lösenord gäller inte längre: den har redan använts, har gått ut (efter 30 minuter) eller ersatts av en nyare. Be om en ny länk.',
  );

/** Whether a link still works (for showing the form); never says whose it is. */
export async function resetLinkUsable(db: Db, token: string, now: Date): Promise<boolean> {
  if (!/^[\w-]{20,100}$/.test(token)) return false;
  const row = await db
    .selectFrom('password_resets')
    .select(['expires_at', 'used_at'])
    .where('token_hash', '=', digest(token))
    .executeTakeFirst();
  return Boolean(row && !row.used_at && row.expires_at.getTime() > now.getTime());
}

/** Sets the new password through a link: once, before it expires, under the link's and the user's lock. */
export async function resetPassword(db: Db, token: string, password: string, now: Date): Promise<{ tenantId: string }> {
  if (!/^[\w-]{20,100}$/.test(token)) throw expired();
  const preview = await db
    .selectFrom('password_resets')
    .innerJoin('users', 'users.id', 'password_resets.user_id')
    .select(['users.email'])
    .where('password_resets.token_hash', '=', digest(token))
    .executeTakeFirst();
  if (!preview) throw expired();
  const problem = passwordProblem(password, { email: preview.email });
  if (problem) throw new AppError('validation', problem, { fields: [{ field: 'password', message: problem }] });
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const reset = await trx
      .selectFrom('password_resets')
      .select(['id', 'tenant_id as tenantId', 'user_id as userId', 'expires_at as expiresAt', 'used_at as usedAt'])
      .where('token_hash', '=', digest(token))
      .forUpdate()
      .executeTakeFirst();
    if (!reset || reset.usedAt || reset.expiresAt.getTime() <= now.getTime()) throw expired();
    const user = await accounts.lockUser(trx, reset.tenantId, reset.userId);
    if (!user?.active) throw expired();
    await trx.updateTable('password_resets').set({ used_at: now }).where('id', '=', reset.id).execute();
    await accounts.setPasswordHash(trx, reset.tenantId, user.id, passwordHash);
    const ended = await accounts.deleteSessionsOfUser(trx, reset.tenantId, user.id);
    await loginRepo.deleteLoginFailure(trx, reset.tenantId, accountKey(user.email));
    await recordAudit(trx, {
      tenantId: reset.tenantId,
      actorUserId: user.id,
      actorLabel: user.email,
      action: 'password_reset',
      entity: 'user',
      entityId: user.id,
      data: { resetId: reset.id, sessionsEnded: ended },
    });
    return { tenantId: reset.tenantId };
  });
}
