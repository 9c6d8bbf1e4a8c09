-- A per-day rollup of what the first-response statistics count (issue 14, bench/results.md):
-- per tenant, deadline day, split (0 total, 1 channel, 2 type, 3 category) and its value, day of
-- receipt and day of first feedback, how many cases (n) and how many of them were resolved at
-- first contact (fc). A year of a large tenant is ~90 000 rows instead of ~460 000 cases. Working
-- days are still counted at read time with today's calendar (the days of receipt and of first
-- feedback are kept for that), so a closed day added later changes the statistics as before.
--
-- Exact in every committed state: statement-level triggers on cases write the change of every
-- INSERT, UPDATE and DELETE in the same transaction, as delta rows (merged = false) that are only
-- ever inserted, so concurrent creates never wait for each other on a shared counter row. The
-- statistics read folds a tenant's deltas into the merged rows (one row per key, unique) under an
-- advisory lock (stats.rollup.repo.ts); reads sum both kinds, so folding is only about speed.
CREATE TABLE case_stats_days (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  due date NOT NULL,
  dim smallint NOT NULL CHECK (dim BETWEEN 0 AND 3),
  value text NOT NULL,
  received_date date NOT NULL,
  first_response_date date,
  n integer NOT NULL,
  fc integer NOT NULL,
  merged boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX case_stats_days_key ON case_stats_days (tenant_id, due, dim, value, received_date, first_response_date)
  NULLS NOT DISTINCT WHERE merged;
CREATE INDEX case_stats_days_by_due ON case_stats_days (tenant_id, due) INCLUDE (dim, value, received_date, first_response_date, n, fc);
CREATE INDEX case_stats_days_unmerged ON case_stats_days (tenant_id) WHERE NOT merged;

CREATE FUNCTION case_stats_days_delta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO case_stats_days (tenant_id, due, dim, value, received_date, first_response_date, n, fc)
    SELECT c.tenant_id, c.first_response_due, d.dim, d.value, c.received_date, c.first_response_date,
           count(*), count(*) FILTER (WHERE c.resolved_at_first_contact)
      FROM new_rows c
     CROSS JOIN LATERAL (VALUES (0::smallint, ''), (1::smallint, c.channel), (2::smallint, c.type), (3::smallint, c.category_id::text)) AS d (dim, value)
     GROUP BY 1, 2, 3, 4, 5, 6;
  ELSIF TG_OP = 'DELETE' THEN
    -- A tenant's deletion cascades here too: its rollup rows go with it, nothing to record.
    INSERT INTO case_stats_days (tenant_id, due, dim, value, received_date, first_response_date, n, fc)
    SELECT c.tenant_id, c.first_response_due, d.dim, d.value, c.received_date, c.first_response_date,
           -count(*), -count(*) FILTER (WHERE c.resolved_at_first_contact)
      FROM old_rows c
     CROSS JOIN LATERAL (VALUES (0::smallint, ''), (1::smallint, c.channel), (2::smallint, c.type), (3::smallint, c.category_id::text)) AS d (dim, value)
     WHERE EXISTS (SELECT 1 FROM tenants t WHERE t.id = c.tenant_id)
     GROUP BY 1, 2, 3, 4, 5, 6;
  ELSE
    -- Only the rows whose counted columns changed: most updates (status, assignee, notes) write nothing.
    INSERT INTO case_stats_days (tenant_id, due, dim, value, received_date, first_response_date, n, fc)
    SELECT x.tenant_id, x.due, d.dim, d.value, x.received_date, x.first_response_date, sum(x.s), sum(x.f)
      FROM (
        SELECT o.tenant_id, o.first_response_due AS due, o.received_date, o.first_response_date, o.channel, o.type, o.category_id,
               -1 AS s, CASE WHEN o.resolved_at_first_contact THEN -1 ELSE 0 END AS f
          FROM old_rows o JOIN new_rows c ON c.id = o.id
         WHERE (o.tenant_id, o.first_response_due, o.received_date, o.first_response_date, o.channel, o.type, o.category_id, o.resolved_at_first_contact)
               IS DISTINCT FROM (c.tenant_id, c.first_response_due, c.received_date, c.first_response_date, c.channel, c.type, c.category_id, c.resolved_at_first_contact)
        UNION ALL
        SELECT c.tenant_id, c.first_response_due, c.received_date, c.first_response_date, c.channel, c.type, c.category_id,
               1, CASE WHEN c.resolved_at_first_contact THEN 1 ELSE 0 END
          FROM old_rows o JOIN new_rows c ON c.id = o.id
         WHERE (o.tenant_id, o.first_response_due, o.received_date, o.first_response_date, o.channel, o.type, o.category_id, o.resolved_at_first_contact)
               IS DISTINCT FROM (c.tenant_id, c.first_response_due, c.received_date, c.first_response_date, c.channel, c.type, c.category_id, c.resolved_at_first_contact)
      ) AS x
     CROSS JOIN LATERAL (VALUES (0::smallint, ''), (1::smallint, x.channel), (2::smallint, x.type), (3::smallint, x.category_id::text)) AS d (dim, value)
     GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(x.s) <> 0 OR sum(x.f) <> 0;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER cases_stats_days_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_stats_days_delta();
CREATE TRIGGER cases_stats_days_update AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_stats_days_delta();
CREATE TRIGGER cases_stats_days_delete AFTER DELETE ON cases
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_stats_days_delta();

-- Backfill: the cases already stored, as merged rows.
INSERT INTO case_stats_days (tenant_id, due, dim, value, received_date, first_response_date, n, fc, merged)
SELECT c.tenant_id, c.first_response_due, d.dim, d.value, c.received_date, c.first_response_date,
       count(*), count(*) FILTER (WHERE c.resolved_at_first_contact), true
  FROM cases c
 CROSS JOIN LATERAL (VALUES (0::smallint, ''), (1::smallint, c.channel), (2::smallint, c.type), (3::smallint, c.category_id::text)) AS d (dim, value)
 GROUP BY 1, 2, 3, 4, 5, 6;
