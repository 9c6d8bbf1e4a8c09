-- The inbox lists and counts the open cases of the units an officer covers: a partial index over
-- open cases only, so a unit's inbox reads its few hundred open cases, not the heap pages of the
-- hundreds of thousands it has resolved (bench/explain-pg-1m.md).
CREATE INDEX cases_open_by_unit ON cases (tenant_id, unit_id, first_response_due) WHERE status <> 'resolved';
