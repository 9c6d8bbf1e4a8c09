-- The inbox sorted by deadline ("overdue first") reads the open cases in deadline order: without
-- this partial index the planner walks the deadline index over every case the tenant ever had and
-- filters out the resolved ones (a million entries, 303 ms for page 5 at 1 M cases); with it, the
-- open cases only (35 ms; bench/results.md, bench/explain-pg-1m-quiet.md).
CREATE INDEX IF NOT EXISTS cases_open_by_due ON cases (tenant_id, first_response_due, received_at, id) WHERE status <> 'resolved';
