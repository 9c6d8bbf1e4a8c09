import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { MailStatus } from '../../db/schema-mail.ts';

export interface OutgoingMail {
  tenantId: string;
  to: string;
  subject: string;
  body: string;
  kind: string;
  refId?: string | null;
}

export async function insertMail(db: Db, mail: OutgoingMail): Promise<string> {
  const row = await mailInsert(db, mail).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function mailInsert(db: Db, mail: OutgoingMail) {
  return db.insertInto('mail_outbox').values({
    tenant_id: mail.tenantId,
    to_address: mail.to,
    subject: mail.subject,
    body: mail.body,
    kind: mail.kind,
    ref_id: mail.refId ?? null,
  });
}

export interface ClaimedMail {
  id: string;
  tenantId: string;
  tenantName: string;
  to: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Takes up to `limit` messages for sending, in one statement: rows locked by another worker are
 * skipped (FOR UPDATE SKIP LOCKED) and the outer update marks the rest 'sending', so two app
 * instances never take the same row. A claim not renewed for `staleAfterSeconds` (a worker
 * that died mid-send) is taken over. The worker serves the whole installation, so it reads every
 * tenant's outbox unless `tenantId` narrows it.
 */
export async function claimPendingMail(db: Db, limit: number, staleAfterSeconds: number, tenantId?: string): Promise<ClaimedMail[]> {
  const onlyTenant = tenantId ? sql`AND tenant_id = ${tenantId}` : sql``;
  const result = await sql<ClaimedMail>`
    WITH claimed AS (
      UPDATE mail_outbox
         SET status = 'sending', claimed_at = now(), attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM mail_outbox
          WHERE ((status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
              OR (status = 'sending' AND claimed_at < now() - make_interval(secs => ${staleAfterSeconds})))
            ${onlyTenant}
          ORDER BY created_at
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
      RETURNING id, tenant_id, to_address, subject, body, attempts
    )
    SELECT c.id, c.tenant_id AS "tenantId", t.name AS "tenantName", c.to_address AS "to",
           c.subject, c.body, c.attempts
      FROM claimed c JOIN tenants t ON t.id = c.tenant_id`.execute(db);
  return result.rows;
}

/** Extends this worker's claims on messages it is still sending (see CLAIM_LEASE_SECONDS). */
export async function renewMailClaims(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('mail_outbox')
    .set({ claimed_at: sql<Date>`now()` })
    .where('id', 'in', ids)
    .where('status', '=', 'sending')
    .execute();
}

export async function markMailSent(db: Db, id: string): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'sent', sent_at: sql<Date>`now()`, last_error: null, claimed_at: null })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

/** A failed attempt: back to 'pending' after `retryAfterSeconds`, or 'failed' for good. */
export async function markMailFailed(db: Db, id: string, error: string, retryAfterSeconds: number | null): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({
      status: retryAfterSeconds === null ? 'failed' : 'pending',
      last_error: error.slice(0, 1000),
      claimed_at: null,
      next_attempt_at: retryAfterSeconds === null ? null : sql<Date>`now() + make_interval(secs => ${retryAfterSeconds})`,
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute();
}

export interface OutboxRow {
  id: string;
  to: string;
  subject: string;
  kind: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export function listOutbox(db: Db, tenantId: string, filter: { status?: MailStatus; limit: number }): Promise<OutboxRow[]> {
  let query = db
    .selectFrom('mail_outbox')
    .select([
      'id',
      'to_address as to',
      'subject',
      'kind',
      'status',
      'attempts',
      'last_error as lastError',
      'created_at as createdAt',
      'sent_at as sentAt',
    ])
    .where('tenant_id', '=', tenantId);
  if (filter.status) query = query.where('status', '=', filter.status);
  return query.orderBy('created_at', 'desc').orderBy('id').limit(filter.limit).execute();
}

export async function countOutbox(db: Db, tenantId: string): Promise<Record<MailStatus, number>> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .groupBy('status')
    .execute();
  const counts: Record<MailStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, held: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** A failed message is queued again (admin action); returns false when it was not failed. */
export async function requeueFailedMail(db: Db, tenantId: string, id: string): Promise<boolean> {
  const result = await db
    .updateTable('mail_outbox')
    .set({ status: 'pending', next_attempt_at: null, attempts: 0 })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
