// E-mail leaves Insyn through the outbox: enqueue inside the transaction of the change that
// causes the message, so a message is sent exactly when its change was stored.
import type { Db } from '../../db/database.ts';
import { insertMail, type OutgoingMail } from './mail.repo.ts';

export type { OutgoingMail };

/** Queues an e-mail (plain text). Pass the transaction of the change that causes it. */
export function enqueueMail(db: Db, mail: OutgoingMail): Promise<string> {
  return insertMail(db, mail);
}
