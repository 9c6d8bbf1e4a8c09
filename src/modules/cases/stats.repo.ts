// The first-response statistics as one SQL aggregate: the database counts the cases of a period
// (total, per channel, type and category in one pass with GROUPING SETS) and returns, instead of
// the median itself, a histogram of working days per group (a few hundred rows at any size).
// Working days between two dates come from a day table built in the same query: the running
// count of working days over the span the rows touch, with the non-working weekdays (public
// holidays, eves and the tenant's closed days) passed in by the process.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface AggregateFilter {
  dueFrom: string;
  dueTo: string;
  today: string;
  unitIds?: string[];
  /** The first day of the working-day index: every received and first-feedback date should fall inside it. */
  daysFrom: string;
  /** cum[i] = working days in (daysFrom − 1, daysFrom + i]: working days between a and b = cum[b] − cum[a]. */
  cum: number[];
}

export interface AggregateRow {
  /** Which grouping set: 'total', 'channel', 'type', 'category', and the same with ':days' for histograms. */
  set: string;
  key: string | null;
  workingDays: number | null;
  received: number;
  onTime: number;
  late: number;
  openOverdue: number;
  notYetDue: number;
  firstContact: number;
  /** Cases with a date outside the day table (then the caller widens it and asks again). */
  outside: number;
}

// grouping(channel, type, category_id, wd): a bit is 1 when the column is NOT grouped.
const SETS: Record<number, string> = {
  15: 'total',
  7: 'channel',
  11: 'type',
  13: 'category',
  14: 'total:days',
  6: 'channel:days',
  10: 'type:days',
  12: 'category:days',
};

/**
 * Two steps in one statement: the period's cases are first counted by everything the splits
 * need (a hash aggregate over the index-only scan: a few thousand groups from half a million
 * cases), and the grouping sets are then taken over those groups.
 */
export async function firstResponseAggregates(db: Db, tenantId: string, f: AggregateFilter): Promise<AggregateRow[]> {
  if (f.unitIds && f.unitIds.length === 0) return [];
  // Enough memory to hash half a million cases' groups instead of sorting them on disk. Inside a
  // caller's transaction (a goals computation) the setting lasts until that one ends: harmless.
  if (db.isTransaction) {
    await sql`SET LOCAL work_mem = '32MB'`.execute(db);
    return aggregates(db, tenantId, f);
  }
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL work_mem = '32MB'`.execute(trx);
    return aggregates(trx, tenantId, f);
  });
}

async function aggregates(db: Db, tenantId: string, f: AggregateFilter): Promise<AggregateRow[]> {
  const units = f.unitIds ? sql`AND c.unit_id = ANY(${f.unitIds}::uuid[])` : sql``;
  const { rows } = await sql<{
    g: number;
    channel: string | null;
    type: string | null;
    category_id: string | null;
    wd: number | null;
    received: number;
    on_time: number;
    late: number;
    open_overdue: number;
    not_yet_due: number;
    first_contact: number;
    outside: number;
  }>`
    WITH base AS (
      SELECT c.channel, c.type, c.category_id,
             CASE WHEN c.first_response_due >= ${f.today}::date THEN 3
                  WHEN c.first_response_date IS NULL THEN 2
                  WHEN c.first_response_date <= c.first_response_due THEN 0
                  ELSE 1 END AS k,
             c.resolved_at_first_contact AS fc,
             CASE WHEN c.first_response_due < ${f.today}::date AND c.first_response_date IS NOT NULL
                  THEN (${f.cum}::int[])[c.first_response_date - ${f.daysFrom}::date + 1] - (${f.cum}::int[])[c.received_date - ${f.daysFrom}::date + 1]
             END AS wd,
             (c.received_date - ${f.daysFrom}::date + 1 NOT BETWEEN 1 AND ${f.cum.length}
              OR c.first_response_date - ${f.daysFrom}::date + 1 NOT BETWEEN 1 AND ${f.cum.length}) IS TRUE AS outside,
             count(*)::int AS n
        FROM cases c
       WHERE c.tenant_id = ${tenantId} AND c.first_response_due >= ${f.dueFrom}::date AND c.first_response_due <= ${f.dueTo}::date
             ${units}
       GROUP BY 1, 2, 3, 4, 5, 6, 7
    )
    SELECT grouping(channel, type, category_id, wd) AS g, channel, type, category_id, wd,
           sum(n)::int AS received,
           coalesce(sum(n) FILTER (WHERE k = 0), 0)::int AS on_time,
           coalesce(sum(n) FILTER (WHERE k = 1), 0)::int AS late,
           coalesce(sum(n) FILTER (WHERE k = 2), 0)::int AS open_overdue,
           coalesce(sum(n) FILTER (WHERE k = 3), 0)::int AS not_yet_due,
           coalesce(sum(n) FILTER (WHERE fc), 0)::int AS first_contact,
           coalesce(sum(n) FILTER (WHERE outside), 0)::int AS outside
      FROM base
     GROUP BY GROUPING SETS ((), (channel), (type), (category_id), (wd), (channel, wd), (type, wd), (category_id, wd))
  `.execute(db);
  return rows.map((r) => {
    const set = SETS[Number(r.g)] ?? 'unknown';
    const base = set.split(':')[0];
    return {
      set,
      key: base === 'channel' ? r.channel : base === 'type' ? r.type : base === 'category' ? r.category_id : null,
      workingDays: r.wd === null ? null : Number(r.wd),
      received: Number(r.received),
      onTime: Number(r.on_time),
      late: Number(r.late),
      openOverdue: Number(r.open_overdue),
      notYetDue: Number(r.not_yet_due),
      firstContact: Number(r.first_contact),
      outside: Number(r.outside),
    };
  });
}

/** The earliest and latest received or first-feedback date of a period's cases (the rare wide case). */
export async function dateSpan(db: Db, tenantId: string, f: { dueFrom: string; dueTo: string; unitIds?: string[] }) {
  const units = f.unitIds ? sql`AND c.unit_id = ANY(${f.unitIds}::uuid[])` : sql``;
  const { rows } = await sql<{ lo: string | null; hi: string | null }>`
    SELECT least(min(c.received_date), min(c.first_response_date))::text AS lo,
           greatest(max(c.received_date), max(c.first_response_date))::text AS hi
      FROM cases c
     WHERE c.tenant_id = ${tenantId} AND c.first_response_due >= ${f.dueFrom}::date AND c.first_response_due <= ${f.dueTo}::date
           ${units}`.execute(db);
  return rows[0] ?? { lo: null, hi: null };
}
