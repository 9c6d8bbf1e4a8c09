-- An optional second factor for local sign-in: a time-based one-time password (TOTP, RFC 6238:
-- SHA-1, 6 digits, 30 s) per user, and ten single-use recovery codes.

-- The shared secret is stored encrypted (AES-256-GCM, key derived from SESSION_SECRET, see
-- accounts/oidc.secret.ts). confirmed_at is null while an enrolment waits for its first code; the
-- factor is on only once confirmed. last_step is the highest 30-second step a code was accepted
-- for: a code of that step or an earlier one is refused (no replay within its window).
CREATE TABLE user_totp (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  secret_enc text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz,
  last_step bigint,
  PRIMARY KEY (tenant_id, user_id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);

-- Recovery codes: only their SHA-256 (each has 60 random bits); used_at marks a code spent.
CREATE TABLE totp_recovery_codes (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  user_id uuid NOT NULL,
  code_hash text NOT NULL CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz,
  PRIMARY KEY (tenant_id, user_id, code_hash),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
