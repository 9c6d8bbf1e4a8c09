-- Failed sign-ins per account, so that a password can be throttled per account and not only per
-- client (a distributed guesser has many addresses). Keyed by tenant and the SHA-256 of the
-- normalised e-mail address typed, whether or not such a user exists: the throttle then answers
-- alike for unknown addresses, and what people type into the e-mail field (sometimes their
-- password) is never stored readable. Rows are forgotten a day after the last failure.
CREATE TABLE login_failures (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  account_key text NOT NULL CHECK (account_key ~ '^[0-9a-f]{64}$'),
  failures integer NOT NULL CHECK (failures > 0),
  last_failed_at timestamptz NOT NULL,
  -- Set when the failures reach the lock threshold; an admin's unlock deletes the row.
  locked_until timestamptz,
  PRIMARY KEY (tenant_id, account_key)
);
CREATE INDEX login_failures_last_failed ON login_failures (last_failed_at);
