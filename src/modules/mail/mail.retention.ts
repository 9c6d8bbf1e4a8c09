// Retention (gallring) of the outbox: the messages about cleared cases lose the address and, when
// the rule clears texts, the body. A message still pending about a case closed that long ago is
// stuck: it is cleared too and marked failed, so that it is never sent to a removed address.
// A message being sent right now ('sending') is left for the next run.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** Set-based over one batch of cases (ref_id); returns how many messages were cleared. */
export async function clearMailOfCases(db: Db, tenantId: string, caseIds: string[], { texts }: { texts: boolean }): Promise<number> {
  if (caseIds.length === 0) return 0;
  const result = await sql`
    UPDATE mail_outbox SET
      to_address = '',
      body = CASE WHEN ${texts} THEN '' ELSE body END,
      status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END,
      last_error = CASE WHEN status = 'pending' THEN 'Gallrat innan det skickades.' ELSE last_error END
    WHERE tenant_id = ${tenantId} AND ref_id = ANY(${caseIds}::uuid[]) AND status IN ('pending', 'sent', 'failed', 'held')
      AND (to_address <> '' OR (${texts} AND body <> ''))`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
