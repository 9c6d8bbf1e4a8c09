-- Open311 listings (GET /open311/v2/requests) page through a tenant's cases newest first within a
-- window of received_at: read in the index's order, the first page is the first 1 000 entries
-- instead of a sort of the window's ~120 000 cases at a million (bench/explain-pg-1m-final.md).
CREATE INDEX cases_by_receipt ON cases (tenant_id, received_at DESC, case_number DESC);
