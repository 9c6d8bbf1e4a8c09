-- Rate-limit counters shared by every app instance: one row per limited route and client key.
-- A row's window ends at window_ends_at; the next hit after that starts a new window. Expired
-- rows are deleted by a background job. In the database (not in each process) so that N
-- instances allow the limit once, not N times, and a client cycling keys cannot evict a counter.
CREATE TABLE rate_limit_hits (
  key text PRIMARY KEY,
  hits integer NOT NULL CHECK (hits >= 0),
  window_ends_at timestamptz NOT NULL
);
CREATE INDEX rate_limit_hits_window_ends_at ON rate_limit_hits (window_ends_at);
