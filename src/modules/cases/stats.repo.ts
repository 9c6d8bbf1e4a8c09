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
  /** Weekdays that are not working days, covering at least the years [coveredFrom, coveredTo]. */
  offDays: string[];
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
  /** The dates the rows touch (to check that offDays covered them). */
  lo: string | null;
  hi: string | null;
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

export async function firstResponseAggregates(db: Db, tenantId: string, f: AggregateFilter): Promise<AggregateRow[]> {
  if (f.unitIds && f.unitIds.length === 0) return [];
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
    lo: string | null;
    hi: string | null;
  }>`
    WITH f AS MATERIALIZED (
      SELECT c.channel, c.type, c.category_id, c.received_date, c.first_response_due AS due,
             c.first_response_date AS frd, c.resolved_at_first_contact AS fc
        FROM cases c
       WHERE c.tenant_id = ${tenantId} AND c.first_response_due >= ${f.dueFrom}::date AND c.first_response_due <= ${f.dueTo}::date
             ${units}
    ),
    b AS (
      SELECT least(min(received_date), min(frd)) AS lo, greatest(max(received_date), max(frd)) AS hi FROM f
    ),
    days AS (
      SELECT d::date AS d,
             count(*) FILTER (WHERE extract(isodow FROM d) < 6 AND NOT (d::date = ANY(${f.offDays}::date[]))) OVER (ORDER BY d) AS cum
        FROM b, generate_series(b.lo, b.hi, interval '1 day') AS d
    ),
    j AS (
      SELECT f.channel, f.type, f.category_id, f.due, f.frd, f.fc,
             CASE WHEN f.due < ${f.today}::date AND f.frd IS NOT NULL THEN (da.cum - dr.cum)::int END AS wd
        FROM f JOIN days dr ON dr.d = f.received_date LEFT JOIN days da ON da.d = f.frd
    )
    SELECT grouping(channel, type, category_id, wd) AS g, channel, type, category_id, wd,
           count(*)::int AS received,
           (count(*) FILTER (WHERE due < ${f.today}::date AND frd IS NOT NULL AND frd <= due))::int AS on_time,
           (count(*) FILTER (WHERE due < ${f.today}::date AND frd IS NOT NULL AND frd > due))::int AS late,
           (count(*) FILTER (WHERE due < ${f.today}::date AND frd IS NULL))::int AS open_overdue,
           (count(*) FILTER (WHERE due >= ${f.today}::date))::int AS not_yet_due,
           (count(*) FILTER (WHERE fc))::int AS first_contact,
           (SELECT lo FROM b)::text AS lo, (SELECT hi FROM b)::text AS hi
      FROM j
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
      lo: r.lo,
      hi: r.hi,
    };
  });
}
