// The public read model of cases for Open311. Security-relevant: these queries never select a
// case's message, contact details, assignee or tracking token — what is not read cannot leak.
import type { Db } from '../../db/database.ts';

export interface PublicRequestRow {
  caseNumber: string;
  type: string;
  status: 'new' | 'in_progress' | 'resolved';
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

export interface RequestFilter {
  caseNumbers?: string[];
  serviceCodes?: string[];
  start?: Date;
  end?: Date;
  statuses?: ('open' | 'closed')[];
  limit: number;
}

export async function listPublicRequests(db: Db, tenantId: string, f: RequestFilter): Promise<PublicRequestRow[]> {
  let q = db
    .selectFrom('cases as c')
    .innerJoin('categories as cat', (j) => j.onRef('cat.id', '=', 'c.category_id').onRef('cat.tenant_id', '=', 'c.tenant_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.id', '=', 'c.unit_id').onRef('u.tenant_id', '=', 'c.tenant_id'))
    .select([
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
  return q.orderBy('c.received_at', 'desc').orderBy('c.case_number', 'desc').limit(f.limit).execute();
}
