-- Indexes for a million cases (issue 14; plans in bench/explain-pg-1m.md).
--
-- Statistics select a period's cases by deadline and count them by channel, type and category;
-- promise results select by the day of receipt and count by the day of first feedback or
-- resolution. With the columns they read INCLUDEd, both are index-only scans: a year of a large
-- tenant is read from the index instead of half a million heap pages.
CREATE INDEX cases_due_measure ON cases (tenant_id, first_response_due)
  INCLUDE (received_date, first_response_date, channel, type, category_id, unit_id, resolved_at_first_contact);
DROP INDEX cases_due;
CREATE INDEX cases_received_measure ON cases (tenant_id, received_date)
  INCLUDE (first_response_date, resolved_at, channel, type, category_id, unit_id);
DROP INDEX cases_received;

-- The reminder round looks only at open cases without first feedback (or with a promised next
-- feedback), not at every case a tenant has ever had.
CREATE INDEX cases_awaiting_first_response ON cases (tenant_id, first_response_due)
  WHERE status <> 'resolved' AND first_response_at IS NULL;
CREATE INDEX cases_awaiting_next_feedback ON cases (tenant_id, next_feedback_due)
  WHERE status <> 'resolved' AND first_response_at IS NOT NULL AND next_feedback_due IS NOT NULL;

-- Case numbers now come from a sequence per tenant and year (case_number_<tenant>_<year>,
-- created by the first create of the year, see cases.repo.ts); case_counters remains what bulk
-- imports and seeds set, and a new sequence starts after it. A create that fails after taking
-- its number leaves a gap; there are still never two cases with one number.
COMMENT ON TABLE case_counters IS 'Last number set by bulk imports and seeds per tenant and year; live creates number from sequence case_number_<tenant>_<year>, which starts after it.';
