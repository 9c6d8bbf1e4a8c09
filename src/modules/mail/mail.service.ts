// E-mail leaves Insyn through the outbox: enqueue inside the transaction of the change that
// causes the message, so a message is sent exactly when its change was stored.
import type { Db } from '../../db/database.ts';
import type { MailStatus } from '../../db/schema-mail.ts';
import { notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './mail.repo.ts';
import { insertMail, mailInsert, type OutgoingMail } from './mail.repo.ts';

export type { OutgoingMail };

/** Queues an e-mail (plain text). Pass the transaction of the change that causes it. */
export function enqueueMail(db: Db, mail: OutgoingMail): Promise<string> {
  return insertMail(db, mail);
}

/**
 * The insert that queues an e-mail, to run as part of the statement that stores its cause
 * (one round trip, all or nothing: see insertCaseWith in the cases module).
 */
export function enqueueMailQuery(db: Db, mail: OutgoingMail) {
  return mailInsert(db, mail);
}

export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed', 'held'] as const satisfies readonly MailStatus[];

export const MAIL_STATUS_NAMES: Record<MailStatus, string> = {
  pending: 'Väntar',
  sending: 'Skickas',
  sent: 'Skickat',
  failed: 'Misslyckades',
  held: 'Hålls kvar',
};

/** The outbox of the actor's municipality, newest first (role admin). */
export async function listOutbox(actor: Actor, filter: { status?: MailStatus }, { db }: { db: Db }) {
  requireAnyRole(actor, ['admin']);
  const [messages, counts] = await Promise.all([
    repo.listOutbox(db, actor.tenantId, { status: filter.status, limit: 200 }),
    repo.countOutbox(db, actor.tenantId),
  ]);
  return { messages, counts };
}

/** Queues a failed message again (role admin). */
export async function retryMail(actor: Actor, id: string, { db }: { db: Db }): Promise<void> {
  requireAnyRole(actor, ['admin']);
  await db.transaction().execute(async (trx) => {
    if (!(await repo.requeueFailedMail(trx, actor.tenantId, id))) throw notFound('Meddelandet');
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'mail.retry',
      entity: 'mail_outbox',
      entityId: id,
    });
  });
}
