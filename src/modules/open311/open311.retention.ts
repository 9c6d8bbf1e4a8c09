// Retention (gallring) of what an Open311 request carries beyond the case: the address always (it
// may be the resident's home), and with the texts the description, media link, attributes and position.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export async function clearOpen311OfCases(db: Db, tenantId: string, caseIds: string[], { texts }: { texts: boolean }): Promise<number> {
  if (caseIds.length === 0) return 0;
  const result = await sql`
    UPDATE open311_requests SET
      address_string = NULL,
      address_id = NULL,
      description = CASE WHEN ${texts} THEN NULL ELSE description END,
      media_url = CASE WHEN ${texts} THEN NULL ELSE media_url END,
      attributes = CASE WHEN ${texts} THEN '{}'::jsonb ELSE attributes END,
      latitude = CASE WHEN ${texts} THEN NULL ELSE latitude END,
      longitude = CASE WHEN ${texts} THEN NULL ELSE longitude END,
      updated_at = now()
    WHERE tenant_id = ${tenantId} AND case_id = ANY(${caseIds}::uuid[])`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
