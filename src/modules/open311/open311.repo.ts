// Every query of the open311 module's own table (migration 0012): what a service request carries
// beyond its case. Cases themselves are read through the cases module's service.
import type { Db } from '../../db/database.ts';
import type { Open311RequestTable } from '../../db/schema-open311.ts';
import type { Attributes } from './open311.input.ts';

export interface RequestExtra {
  caseId: string;
  source: Open311RequestTable['source'];
  description: string | null;
  lat: number | null;
  long: number | null;
  addressString: string | null;
  addressId: string | null;
  mediaUrl: string | null;
  attributes: Attributes;
}

export async function insertRequestExtra(db: Db, tenantId: string, e: RequestExtra): Promise<void> {
  await db
    .insertInto('open311_requests')
    .values({
      tenant_id: tenantId,
      case_id: e.caseId,
      source: e.source,
      description: e.description,
      latitude: e.lat,
      longitude: e.long,
      address_string: e.addressString,
      address_id: e.addressId,
      media_url: e.mediaUrl,
      attributes: JSON.stringify(e.attributes),
    })
    .execute();
}

/** The extras of the given cases, by case id. */
export async function requestExtras(db: Db, tenantId: string, caseIds: string[]): Promise<Map<string, RequestExtra>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('open311_requests')
    .select([
      'case_id as caseId',
      'source',
      'description',
      'latitude as lat',
      'longitude as long',
      'address_string as addressString',
      'address_id as addressId',
      'media_url as mediaUrl',
      'attributes',
    ])
    .where('tenant_id', '=', tenantId)
    .where('case_id', 'in', caseIds)
    .execute();
  return new Map(rows.map((r) => [r.caseId, r]));
}

/** Sets a staff-published description; false when the case came in through Open311 (left as it is). */
export async function upsertStaffDescription(db: Db, tenantId: string, caseId: string, description: string): Promise<boolean> {
  const row = await db
    .insertInto('open311_requests')
    .values({ tenant_id: tenantId, case_id: caseId, source: 'staff', description })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'case_id'])
        .doUpdateSet({ description, updated_at: new Date() })
        .where('open311_requests.source', '=', 'staff'),
    )
    .returning('case_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Withdraws a staff publication (never a request that came in through Open311). */
export async function deleteStaffExtra(db: Db, tenantId: string, caseId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('open311_requests')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('source', '=', 'staff')
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
