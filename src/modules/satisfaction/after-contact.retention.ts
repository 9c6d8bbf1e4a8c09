// Retention (gallring) of the after-contact answers: the resident's comment goes with the case's
// texts; the score stays (it is what the results count) and never named anyone.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export async function clearAfterContactComments(db: Db, tenantId: string, caseIds: string[]): Promise<number> {
  if (caseIds.length === 0) return 0;
  const result = await sql`
    UPDATE after_contact_requests SET comment = NULL
    WHERE tenant_id = ${tenantId} AND case_id = ANY(${caseIds}::uuid[]) AND comment IS NOT NULL`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
