// The inbox queries: one filter shared by the page of cases and the counts above it, the search
// over number, name, e-mail, phone and text, and the orders an officer can choose.
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CaseTable } from '../../db/schema-cases.ts';
import { caseQuery } from './cases.repo.ts';
import type { CaseSearch } from './cases.search.ts';

export const INBOX_SORTS = ['priority', 'due', 'received', 'activity'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

/** Attention states an officer can narrow the inbox to (the counts link to them). */
export const INBOX_ONLY = ['due_today', 'overdue', 'resident'] as const;
export type InboxOnly = (typeof INBOX_ONLY)[number];

export interface CaseFilter {
  /** null = every unit of the tenant. */
  unitIds: string[] | null;
  status?: 'new' | 'in_progress' | 'resolved' | 'open';
  dueBefore?: string;
  assigneeUserId?: string;
  categoryCode?: string;
  channel?: string;
  search?: CaseSearch;
  only?: InboxOnly;
  /** The local date the attention states are judged on. */
  today: string;
  sort?: InboxSort;
  limit: number;
  offset: number;
}

// The same expression as the index cases_search_text (migration 0011), so the index is used.
const SEARCH_VECTOR = sql`to_tsvector('simple', coalesce(c.subject, '') || ' ' || c.message || ' ' || coalesce(c.contact_name, ''))`;
const PHONE_KEY = sql`right(regexp_replace(c.contact_phone, '[^0-9]', '', 'g'), 9)`;

function searchCondition(s: CaseSearch): Expression<SqlBool> {
  const parts = [];
  // Each part can use an index (unique case number, cases_contact_email, cases_contact_phone,
  // cases_search_text), so the OR becomes a bitmap of index scans rather than a scan of the tenant.
  if (s.caseNumbers.length > 0) parts.push(sql<SqlBool>`c.case_number IN (${sql.join(s.caseNumbers)})`);
  if (s.email) parts.push(sql<SqlBool>`c.contact_email = ${s.email}`);
  if (s.phoneKey) parts.push(sql<SqlBool>`${PHONE_KEY} = ${s.phoneKey}`);
  if (s.textQuery) parts.push(sql<SqlBool>`${SEARCH_VECTOR} @@ to_tsquery('simple', ${s.textQuery})`);
  if (parts.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

// Open cases only; "due" covers the first feedback, and a promised next feedback once it was given.
const dueOn = (op: '=' | '<', today: string) =>
  sql<SqlBool>`(c.status <> 'resolved' AND ((c.first_response_at IS NULL AND c.first_response_due ${sql.raw(op)} ${today}::date)
    OR (c.first_response_at IS NOT NULL AND c.next_feedback_due ${sql.raw(op)} ${today}::date)))`;
const residentWrote = sql<SqlBool>`(c.resident_wrote_at IS NOT NULL)`;

function filtered(db: Db, tenantId: string, f: Omit<CaseFilter, 'limit' | 'offset' | 'sort'>) {
  let q = caseQuery(db, tenantId);
  if (f.unitIds !== null) q = q.where('c.unit_id', 'in', f.unitIds);
  if (f.status === 'open') q = q.where('c.status', '!=', 'resolved');
  else if (f.status) q = q.where('c.status', '=', f.status);
  if (f.dueBefore) q = q.where('c.first_response_due', '<=', f.dueBefore);
  if (f.assigneeUserId) q = q.where('c.assignee_user_id', '=', f.assigneeUserId);
  if (f.categoryCode) q = q.where('cat.code', '=', f.categoryCode);
  if (f.channel) q = q.where('c.channel', '=', f.channel as CaseTable['channel']);
  if (f.search) {
    q = q.where(searchCondition(f.search));
  }
  if (f.only === 'due_today') q = q.where(dueOn('=', f.today));
  if (f.only === 'overdue') q = q.where(dueOn('<', f.today));
  if (f.only === 'resident') q = q.where(residentWrote);
  return q;
}

/**
 * What needs doing first: open cases without first feedback by their deadline, then promised next
 * feedback by its date, then open cases the resident has written on, then other open cases and
 * last the closed ones, most recently active first.
 */
const PRIORITY_RANK = sql`CASE WHEN c.status = 'resolved' THEN 4 WHEN c.first_response_at IS NULL THEN 0
  WHEN c.next_feedback_due IS NOT NULL THEN 1 WHEN c.resident_wrote_at IS NOT NULL THEN 2 ELSE 3 END`;
const PRIORITY_DATE = sql`CASE WHEN c.status = 'resolved' THEN NULL WHEN c.first_response_at IS NULL THEN c.first_response_due
  WHEN c.next_feedback_due IS NOT NULL THEN c.next_feedback_due ELSE (c.resident_wrote_at AT TIME ZONE 'Europe/Stockholm')::date END`;

export async function listCases(db: Db, tenantId: string, f: CaseFilter) {
  if (f.unitIds !== null && f.unitIds.length === 0) return { rows: [], total: 0 };
  const q = filtered(db, tenantId, f);
  let ordered = q;
  switch (f.sort ?? 'due') {
    case 'priority':
      ordered = q.orderBy(PRIORITY_RANK).orderBy(sql`${PRIORITY_DATE} ASC NULLS LAST`).orderBy('c.updated_at', 'desc');
      break;
    case 'due':
      ordered = q.orderBy('c.first_response_due').orderBy('c.received_at');
      break;
    case 'received':
      ordered = q.orderBy('c.received_at', 'desc');
      break;
    case 'activity':
      ordered = q.orderBy('c.updated_at', 'desc');
      break;
  }
  // The total comes with the page (a window count over the rows the sort reads anyway): one scan
  // of the filter instead of two. Only a page past the end asks for it separately.
  const page = await ordered
    .select(sql<number>`count(*) OVER ()`.as('inbox_total'))
    .orderBy('c.id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const rows = page.map(({ inbox_total: _, ...row }) => row);
  if (page.length > 0) return { rows, total: Number(page[0].inbox_total) };
  if (f.offset === 0) return { rows, total: 0 };
  const count = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

export interface InboxCounts {
  dueToday: number;
  overdue: number;
  residentWrote: number;
}

/** How many open cases of the filter are due today, overdue, or have news from the resident. */
export async function inboxCounts(db: Db, tenantId: string, f: Omit<CaseFilter, 'limit' | 'offset' | 'sort'>): Promise<InboxCounts> {
  if (f.unitIds !== null && f.unitIds.length === 0) return { dueToday: 0, overdue: 0, residentWrote: 0 };
  const row = await filtered(db, tenantId, { ...f, status: 'open', only: undefined })
    .clearSelect()
    .select([
      sql<number>`count(*) FILTER (WHERE ${dueOn('=', f.today)})`.as('dueToday'),
      sql<number>`count(*) FILTER (WHERE ${dueOn('<', f.today)})`.as('overdue'),
      sql<number>`count(*) FILTER (WHERE ${residentWrote})`.as('residentWrote'),
    ])
    .executeTakeFirstOrThrow();
  return { dueToday: Number(row.dueToday), overdue: Number(row.overdue), residentWrote: Number(row.residentWrote) };
}
