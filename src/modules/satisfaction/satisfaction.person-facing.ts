// What the privacy module may read and erase of satisfaction data for a person: the
// after-contact questions sent about their cases (found by the hash of the address the question
// went to) and whether the address has said no to such questions. General surveys hold no contact
// data (invitations are token hashes only), so they cannot be tied to a person and are not listed.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../http/errors.ts';
import { emailHash } from './after-contact.service.ts';

export interface PersonSurveyInvitation {
  caseId: string;
  language: 'sv' | 'fi' | 'en';
  sentAt: Date;
  answeredAt: Date | null;
  score: number | null;
  comment: string | null;
}

export interface PersonSatisfaction {
  invitations: PersonSurveyInvitation[];
  /** The address has said no to satisfaction questions (kept to honour that, as a hash only). */
  optedOutAt: Date | null;
}

export async function findSatisfactionOfPerson(db: Db, tenantId: string, email: string): Promise<PersonSatisfaction> {
  const hash = emailHash(email);
  const [invitations, optout] = await Promise.all([
    db
      .selectFrom('after_contact_requests')
      .select(['case_id as caseId', 'language', 'sent_at as sentAt', 'answered_at as answeredAt', 'score', 'comment'])
      .where('tenant_id', '=', tenantId)
      .where('email_hash', '=', hash)
      .orderBy('sent_at', 'desc')
      .orderBy('case_id')
      .limit(200)
      .execute(),
    db
      .selectFrom('after_contact_optouts')
      .select('created_at')
      .where('tenant_id', '=', tenantId)
      .where('email_hash', '=', hash)
      .executeTakeFirst(),
  ]);
  return { invitations, optedOutAt: optout?.created_at ?? null };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Erases the contact data of one after-contact question to `email` (call inside a transaction):
 * the address hash and the answer link are replaced by random values (the question can no longer
 * be tied to the person or answered) and the free-text comment is removed. The score, dates, unit,
 * category and channel stay: without the person they are statistics.
 */
export async function eraseSurveyInvitationOfPerson(
  trx: Db,
  tenantId: string,
  caseId: string,
  email: string,
): Promise<{ answered: boolean; hadComment: boolean }> {
  const row = await trx
    .selectFrom('after_contact_requests')
    .select(['answered_at', 'comment'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('email_hash', '=', emailHash(email))
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('Enkätinbjudan');
  await trx
    .updateTable('after_contact_requests')
    .set({
      email_hash: `erased:${randomBytes(16).toString('hex')}`,
      token_hash: sha256(randomBytes(24).toString('base64url')),
      comment: null,
    })
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .execute();
  return { answered: row.answered_at !== null, hadComment: row.comment !== null };
}
