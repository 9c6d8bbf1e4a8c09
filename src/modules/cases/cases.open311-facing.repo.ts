// Queries behind cases.open311-facing.ts: the public read model of cases and of their
// resident-visible events. Security-relevant: these queries never select a case's message,
// contact details, assignee or tracking token — what is not read cannot leak.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CaseEventKind, CaseStatus } from '../../db/schema-cases.ts';

export interface PublicCaseRow {
  id: string;
  caseNumber: string;
  type: string;
  status: CaseStatus;
  serviceCode: string;
  serviceName: string;
  serviceNameFi: string | null;
  serviceNameEn: string | null;
  unitName: string;
  receivedAt: Date;
  updatedAt: Date;
  firstResponseDue: string;
  firstResponseDate: string | null;
  nextFeedbackDue: string | null;
  referredTo: string | null;
}

export interface PublicCaseFilter {
  caseNumbers?: string[];
  serviceCodes?: string[];
  start?: Date;
  end?: Date;
  statuses?: ('open' | 'closed')[];
  limit: number;
  offset: number;
}

export function listPublicCases(db: Db, tenantId: string, f: PublicCaseFilter): Promise<PublicCaseRow[]> {
  let q = db
    .selectFrom('cases as c')
    .innerJoin('categories as cat', (j) => j.onRef('cat.id', '=', 'c.category_id').onRef('cat.tenant_id', '=', 'c.tenant_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.id', '=', 'c.unit_id').onRef('u.tenant_id', '=', 'c.tenant_id'))
    .select([
      'c.id',
      'c.case_number as caseNumber',
      'c.type',
      'c.status',
      'cat.code as serviceCode',
      'cat.name as serviceName',
      'cat.name_fi as serviceNameFi',
      'cat.name_en as serviceNameEn',
      'u.name as unitName',
      'c.received_at as receivedAt',
      'c.updated_at as updatedAt',
      'c.first_response_due as firstResponseDue',
      'c.first_response_date as firstResponseDate',
      'c.next_feedback_due as nextFeedbackDue',
      'c.referred_to as referredTo',
    ])
    .where('c.tenant_id', '=', tenantId);
  if (f.caseNumbers) q = q.where('c.case_number', 'in', f.caseNumbers);
  if (f.serviceCodes) q = q.where('cat.code', 'in', f.serviceCodes);
  if (f.start) q = q.where('c.received_at', '>=', f.start);
  if (f.end) q = q.where('c.received_at', '<=', f.end);
  if (f.statuses && f.statuses.length === 1) q = q.where('c.status', f.statuses[0] === 'closed' ? '=' : '!=', 'resolved');
  return q.orderBy('c.received_at', 'desc').orderBy('c.case_number', 'desc').limit(f.limit).offset(f.offset).execute();
}

export interface PublicEventRow {
  eventId: string;
  caseId: string;
  caseNumber: string;
  kind: CaseEventKind;
  at: Date;
  body: string | null;
  data: Record<string, unknown>;
}

/** Resident-visible events of the given kinds in [from, to], oldest first. */
export function listPublicEvents(
  db: Db,
  tenantId: string,
  f: { kinds: readonly CaseEventKind[]; from: Date; to: Date; limit: number; offset: number },
): Promise<PublicEventRow[]> {
  return db
    .selectFrom('case_events as e')
    .innerJoin('cases as c', (j) => j.onRef('c.id', '=', 'e.case_id').onRef('c.tenant_id', '=', 'e.tenant_id'))
    .select(['e.id as eventId', 'e.case_id as caseId', 'c.case_number as caseNumber', 'e.kind', 'e.at', 'e.body', 'e.data'])
    .where('e.tenant_id', '=', tenantId)
    .where('e.visible_to_resident', '=', true)
    .where('e.kind', 'in', [...f.kinds])
    .where('e.at', '>=', f.from)
    .where('e.at', '<=', f.to)
    .orderBy('e.at')
    .orderBy('e.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

export function findCaseIdByNumber(db: Db, tenantId: string, caseNumber: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('case_number', '=', caseNumber)
    .executeTakeFirst();
}

/** A resident message already recorded for this external id (a client's retry). */
export function findEventByExternalId(db: Db, tenantId: string, caseId: string, externalId: string) {
  return db
    .selectFrom('case_events')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('kind', '=', 'resident_message')
    .where(sql<string>`data->>'externalId'`, '=', externalId)
    .executeTakeFirst();
}

/** A resident's message on the timeline, visible to the resident; returns the event's id. */
export async function insertResidentMessage(
  db: Db,
  v: { tenantId: string; caseId: string; body: string; data: Record<string, unknown> },
): Promise<string> {
  const row = await db
    .insertInto('case_events')
    .values({
      tenant_id: v.tenantId,
      case_id: v.caseId,
      kind: 'resident_message',
      at: new Date(),
      actor_user_id: null,
      actor_label: 'invånare',
      body: v.body,
      data: JSON.stringify(v.data),
      visible_to_resident: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
