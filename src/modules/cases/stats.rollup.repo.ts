// The first-response statistics of a whole tenant from the per-day rollup (migration 0082,
// case_stats_days): the same AggregateRow[] as firstResponseAggregates (stats.repo.ts) counts
// from the cases, read from a few rows per day instead of every case. The rollup keeps the day
// of receipt and of first feedback, so working days are counted here with today's calendar.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AggregateFilter, AggregateRow } from './stats.repo.ts';

const DIMS = ['total', 'channel', 'type', 'category'] as const;

/**
 * Folds the tenant's delta rows (written by the triggers on cases) into its merged rows, in its
 * own transaction. Another fold of the same tenant running: nothing to do (reads are exact
 * either way; folding only keeps them short). Returns how many deltas were folded.
 */
export async function foldStatsDays(db: Db, tenantId: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows: lock } = await sql<{ ok: boolean }>`
      SELECT pg_try_advisory_xact_lock(hashtext('case_stats_days'), hashtext(${tenantId})) AS ok`.execute(trx);
    if (!lock[0]?.ok) return 0;
    const { rows } = await sql<{ n: number }>`
      WITH d AS (
        DELETE FROM case_stats_days WHERE tenant_id = ${tenantId} AND NOT merged
        RETURNING tenant_id, due, dim, value, received_date, first_response_date, n, fc
      ),
      up AS (
        INSERT INTO case_stats_days (tenant_id, due, dim, value, received_date, first_response_date, n, fc, merged)
        SELECT tenant_id, due, dim, value, received_date, first_response_date, sum(n), sum(fc), true
          FROM d GROUP BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (tenant_id, due, dim, value, received_date, first_response_date) WHERE merged
        DO UPDATE SET n = case_stats_days.n + excluded.n, fc = case_stats_days.fc + excluded.fc
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM d)::int AS n, (SELECT count(*) FROM up)::int AS m`.execute(trx);
    return Number(rows[0]?.n ?? 0);
  });
}

/** A whole tenant's statistics for the deadlines in [dueFrom, dueTo] from the rollup (no unit filter). */
export async function rollupAggregates(db: Db, tenantId: string, f: Omit<AggregateFilter, 'unitIds'>): Promise<AggregateRow[]> {
  const { rows } = await sql<{
    dim: number;
    value: string;
    days: boolean;
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
      SELECT s.dim, s.value, s.n, s.fc,
             CASE WHEN s.due >= ${f.today}::date THEN 3
                  WHEN s.first_response_date IS NULL THEN 2
                  WHEN s.first_response_date <= s.due THEN 0
                  ELSE 1 END AS k,
             CASE WHEN s.due < ${f.today}::date AND s.first_response_date IS NOT NULL
                  THEN (${f.cum}::int[])[s.first_response_date - ${f.daysFrom}::date + 1] - (${f.cum}::int[])[s.received_date - ${f.daysFrom}::date + 1]
             END AS wd,
             (s.received_date - ${f.daysFrom}::date + 1 NOT BETWEEN 1 AND ${f.cum.length}
              OR s.first_response_date - ${f.daysFrom}::date + 1 NOT BETWEEN 1 AND ${f.cum.length}) IS TRUE AS outside
        FROM case_stats_days s
       WHERE s.tenant_id = ${tenantId} AND s.due >= ${f.dueFrom}::date AND s.due <= ${f.dueTo}::date
    )
    SELECT dim, value, grouping(wd) = 0 AS days, wd,
           sum(n)::int AS received,
           coalesce(sum(n) FILTER (WHERE k = 0), 0)::int AS on_time,
           coalesce(sum(n) FILTER (WHERE k = 1), 0)::int AS late,
           coalesce(sum(n) FILTER (WHERE k = 2), 0)::int AS open_overdue,
           coalesce(sum(n) FILTER (WHERE k = 3), 0)::int AS not_yet_due,
           coalesce(sum(fc), 0)::int AS first_contact,
           coalesce(sum(n) FILTER (WHERE outside), 0)::int AS outside
      FROM base
     GROUP BY GROUPING SETS ((dim, value), (dim, value, wd))
    HAVING sum(n) > 0
  `.execute(db);
  return rows.map((r) => {
    const base = DIMS[Number(r.dim)];
    return {
      set: r.days ? `${base}:days` : base,
      key: base === 'total' ? null : r.value,
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

/** Rows of the rollup that disagree with a count of the cases themselves (the invariant; tests and checks). */
export async function rollupMismatches(db: Db, tenantId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    WITH r AS (
      SELECT due, dim, value, received_date, coalesce(first_response_date, 'infinity') AS frd, sum(n) AS n, sum(fc) AS fc
        FROM case_stats_days WHERE tenant_id = ${tenantId} GROUP BY 1, 2, 3, 4, 5
      HAVING sum(n) <> 0 OR sum(fc) <> 0
    ),
    c AS (
      SELECT c.first_response_due AS due, d.dim, d.value, c.received_date, coalesce(c.first_response_date, 'infinity') AS frd,
             count(*) AS n, count(*) FILTER (WHERE c.resolved_at_first_contact) AS fc
        FROM cases c
       CROSS JOIN LATERAL (VALUES (0::smallint, ''), (1::smallint, c.channel), (2::smallint, c.type), (3::smallint, c.category_id::text)) AS d (dim, value)
       WHERE c.tenant_id = ${tenantId}
       GROUP BY 1, 2, 3, 4, 5
    )
    SELECT count(*)::int AS n FROM r FULL JOIN c USING (due, dim, value, received_date, frd)
     WHERE r.n IS DISTINCT FROM c.n OR r.fc IS DISTINCT FROM c.fc`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
