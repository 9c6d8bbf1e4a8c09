-- Identity: single sign-on (OpenID Connect) per tenant, the tenant's sign-in policy, role rules
-- from the provider's group claim, API token expiry and scope, and an append-only audit log.

-- One identity provider per tenant. The client secret is stored encrypted (AES-256-GCM with a key
-- derived from SESSION_SECRET, see accounts/oidc.secret.ts); it is never shown back or logged.
CREATE TABLE oidc_configs (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  issuer text NOT NULL CHECK (issuer ~ '^https?://' AND length(issuer) <= 500),
  client_id text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 200),
  client_secret_enc text NOT NULL,
  scopes text NOT NULL DEFAULT 'openid email profile' CHECK (length(scopes) BETWEEN 6 AND 300),
  groups_claim text NOT NULL DEFAULT 'groups' CHECK (length(groups_claim) BETWEEN 1 AND 100),
  -- An unknown person who signs in gets an account without any role (an admin then grants one).
  create_accounts boolean NOT NULL DEFAULT false,
  enabled boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Who a provider's subject is: recorded at the first sign-on (matched by e-mail then).
CREATE TABLE oidc_identities (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  issuer text NOT NULL,
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
  user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz,
  PRIMARY KEY (tenant_id, issuer, subject),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX oidc_identities_user ON oidc_identities (tenant_id, user_id);

-- "Members of group G get role R (on unit U)": applied at every sign-on.
CREATE TABLE oidc_role_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  group_value text NOT NULL CHECK (length(group_value) BETWEEN 1 AND 255),
  role text NOT NULL CHECK (role IN ('admin', 'quality', 'officer', 'agent', 'secretary', 'reader')),
  unit_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX oidc_role_rules_unique
  ON oidc_role_rules (tenant_id, group_value, role, coalesce(unit_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- A grant given by a role rule is taken back at the next sign-on when the group is gone;
-- one an admin gave by hand ('manual') is never touched by sign-on.
ALTER TABLE role_grants ADD COLUMN source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'oidc'));

-- The tenant's sign-in policy.
CREATE TABLE account_policies (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  -- false: only single sign-on (the command line can still create tokens and reset).
  local_passwords boolean NOT NULL DEFAULT true,
  totp_required_for_admins boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- API tokens: an optional end and a read-only scope.
ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz;
ALTER TABLE api_tokens ADD COLUMN read_only boolean NOT NULL DEFAULT false;

-- Sessions name their user, so that "Mina inloggningar" can list them and disabling a user ends them.
ALTER TABLE sessions ADD COLUMN tenant_id uuid;
ALTER TABLE sessions ADD COLUMN user_id uuid;
ALTER TABLE sessions ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE sessions ADD COLUMN user_agent text;
CREATE INDEX sessions_user ON sessions (tenant_id, user_id) WHERE user_id IS NOT NULL;

-- The audit log is append-only: the database itself refuses to change or remove an entry.
-- (A tenant with audit history can therefore not be deleted with a cascade either: archive law.)
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- The audit page's filters: who, which object, what kind of object — each within a tenant, newest first.
CREATE INDEX audit_log_tenant_id ON audit_log (tenant_id, id DESC);
CREATE INDEX audit_log_tenant_actor ON audit_log (tenant_id, actor_user_id, id DESC);
CREATE INDEX audit_log_tenant_entity ON audit_log (tenant_id, entity, entity_id, id DESC);
