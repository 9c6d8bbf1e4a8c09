// What the privacy module may read and erase of the outbox for a person's data: the messages
// sent (or to be sent) to an e-mail address. An outbox message is a transport copy, not the
// official document (the case holds what was answered), so it may be erased on request.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { MailStatus } from '../../db/schema-mail.ts';
import { AppError, notFound } from '../../http/errors.ts';

export const PERSON_MAIL_LIMIT = 200;

export interface PersonMail {
  id: string;
  to: string;
  subject: string;
  body: string;
  kind: string;
  status: MailStatus;
  createdAt: Date;
  sentAt: Date | null;
}

/** The tenant's outbox messages to `email` (lower case), newest first. */
export function findMailToPerson(db: Db, tenantId: string, email: string, limit = PERSON_MAIL_LIMIT): Promise<PersonMail[]> {
  return db
    .selectFrom('mail_outbox')
    .select(['id', 'to_address as to', 'subject', 'body', 'kind', 'status', 'created_at as createdAt', 'sent_at as sentAt'])
    .where('tenant_id', '=', tenantId)
    .where(sql`lower(to_address)`, '=', email)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Erases one outbox message to `email`. Call inside a transaction: the row is locked first; a
 * message a worker is sending right now is a conflict (409), not half erased.
 */
export async function eraseMailToPerson(
  trx: Db,
  tenantId: string,
  id: string,
  email: string,
): Promise<{ mailKind: string; status: MailStatus }> {
  const row = await trx
    .selectFrom('mail_outbox')
    .select(['kind', 'status', 'to_address'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row || row.to_address.toLowerCase() !== email) throw notFound('Meddelandet');
  if (row.status === 'sending') {
    throw new AppError('conflict', 'Meddelandet skickas just nu och kan inte raderas. Försök igen om en minut.');
  }
  await trx.deleteFrom('mail_outbox').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  return { mailKind: row.kind, status: row.status };
}
