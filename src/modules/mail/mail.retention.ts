// Retention (gallring) of the outbox: the messages about cleared cases lose the address and, when
// the rule clears texts, the body. Pending mail is left alone (a case closed years ago has none).
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** Set-based over one batch of cases (ref_id); returns how many messages were cleared. */
export async function clearMailOfCases(db: Db, tenantId: string, caseIds: string[], { texts }: { texts: boolean }): Promise<number> {
  if (caseIds.length === 0) return 0;
  const result = await sql`
    UPDATE mail_outbox SET to_address = '', body = CASE WHEN ${texts} THEN '' ELSE body END
    WHERE tenant_id = ${tenantId} AND ref_id = ANY(${caseIds}::uuid[]) AND status IN ('sent', 'failed', 'held')
      AND (to_address <> '' OR (${texts} AND body <> ''))`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
