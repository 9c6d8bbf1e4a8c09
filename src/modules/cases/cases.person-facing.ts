// What the privacy module may read and change of cases for a person's data (GDPR art. 15, 16):
// the cases whose contact details match an e-mail address or a phone number, with what they hold,
// and the rectification of those contact details. A case's content is never erased here: it is an
// official document (arkivlagen, TF 2 kap.) and leaves only by a retention decision (gallring).
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CaseChannel, CaseEventKind, CaseStatus, CaseType } from '../../db/schema-cases.ts';
import { AppError, notFound } from '../../http/errors.ts';

/** At most this many cases per search; the page says when there were more. */
export const PERSON_CASE_LIMIT = 200;

/** How a person is looked for: an e-mail (lower case) and/or a phone number in `normalisePhone` form. */
export interface PersonKey {
  email?: string;
  phone?: string;
}

export interface PersonCaseEvent {
  kind: CaseEventKind;
  at: Date;
  body: string | null;
  visibleToResident: boolean;
}

export interface PersonCase {
  id: string;
  caseNumber: string;
  type: CaseType;
  channel: CaseChannel;
  status: CaseStatus;
  receivedDate: string;
  resolvedAt: Date | null;
  categoryName: string;
  subject: string | null;
  message: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  /** The row's version for rectification (optimistic check under the row lock). */
  version: string;
  events: PersonCaseEvent[];
}

// The phone number as written, in SQL, normalised like `normalisePhone` in the privacy module:
// separators out, +46 / 0046 (and a following "(0)") to a leading 0, another 00 to +.
const normalisedPhone = sql<string>`regexp_replace(regexp_replace(regexp_replace(coalesce(c.contact_phone, ''), '[[:space:]().\\/-]', '', 'g'), '^(\\+46|0046)0?', '0'), '^00', '+')`;

/** The tenant's cases whose contact e-mail (case-insensitive) or phone (normalised) matches, newest first. */
export async function findCasesOfPerson(db: Db, tenantId: string, key: PersonKey, limit = PERSON_CASE_LIMIT): Promise<PersonCase[]> {
  if (!key.email && !key.phone) return [];
  const rows = await db
    .selectFrom('cases as c')
    .innerJoin('categories as cat', (j) => j.onRef('cat.tenant_id', '=', 'c.tenant_id').onRef('cat.id', '=', 'c.category_id'))
    .select([
      'c.id',
      'c.case_number as caseNumber',
      'c.type',
      'c.channel',
      'c.status',
      'c.received_date as receivedDate',
      'c.resolved_at as resolvedAt',
      'cat.name as categoryName',
      'c.subject',
      'c.message',
      'c.contact_name as contactName',
      'c.contact_email as contactEmail',
      'c.contact_phone as contactPhone',
      'c.updated_at as updatedAt',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where((eb) => {
      const ors = [];
      if (key.email) ors.push(eb(sql`lower(c.contact_email)`, '=', key.email));
      if (key.phone) ors.push(eb.and([eb('c.contact_phone', 'is not', null), eb(normalisedPhone, '=', key.phone)]));
      return eb.or(ors);
    })
    .orderBy('c.received_at', 'desc')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const events = await db
    .selectFrom('case_events')
    .select(['case_id as caseId', 'kind', 'at', 'body', 'visible_to_resident as visibleToResident'])
    .where('tenant_id', '=', tenantId)
    .where(
      'case_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map(({ updatedAt, ...r }) => ({
    ...r,
    version: new Date(updatedAt).toISOString(),
    events: events.filter((e) => e.caseId === r.id).map(({ caseId: _, ...e }) => e),
  }));
}

export interface CaseContact {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/**
 * Rectifies a case's contact details (GDPR art. 16). Call inside a transaction: the row is locked
 * and re-read, and a case changed since `version` was shown is a conflict (409), so two staff
 * rectifying at once cannot overwrite each other unseen. Returns the details before and after.
 */
export async function rectifyCaseContact(
  trx: Db,
  tenantId: string,
  caseId: string,
  version: string,
  contact: CaseContact,
): Promise<{ caseNumber: string; before: CaseContact; after: CaseContact }> {
  const row = await trx
    .selectFrom('cases')
    .select(['case_number', 'contact_name', 'contact_email', 'contact_phone', 'updated_at'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('Ärendet');
  if (new Date(row.updated_at).toISOString() !== version) {
    throw new AppError('conflict', `Ärende ${row.case_number} har ändrats sedan du sökte. Sök igen och gör om rättelsen.`);
  }
  await trx
    .updateTable('cases')
    .set({ contact_name: contact.name, contact_email: contact.email, contact_phone: contact.phone, updated_at: sql`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .execute();
  return {
    caseNumber: row.case_number,
    before: { name: row.contact_name, email: row.contact_email, phone: row.contact_phone },
    after: contact,
  };
}

export { CASE_CHANNEL_NAMES, CASE_STATUS_NAMES, CASE_TYPE_NAMES, EVENT_KIND_NAMES } from './cases.schemas.ts';
