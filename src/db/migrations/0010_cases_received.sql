-- Promise results select cases by the date they were received (a promise's own deadline is
-- derived from it), so that range needs its own index beside cases_due.
CREATE INDEX cases_received ON cases (tenant_id, received_date);
