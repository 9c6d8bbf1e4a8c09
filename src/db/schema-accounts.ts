import type { ColumnType, Generated } from 'kysely';
import type { Role } from './schema.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Failed sign-ins per tenant and e-mail hash (migration 0009; the accounts module). */
export interface LoginFailureTable {
  tenant_id: string;
  account_key: string;
  failures: number;
  last_failed_at: Timestamp;
  locked_until: Timestamp | null;
}

/** The tenant's identity provider (migration 0060). */
export interface OidcConfigTable {
  tenant_id: string;
  display_name: string;
  issuer: string;
  client_id: string;
  client_secret_enc: string;
  scopes: Generated<string>;
  groups_claim: Generated<string>;
  create_accounts: Generated<boolean>;
  enabled: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface OidcIdentityTable {
  tenant_id: string;
  issuer: string;
  subject: string;
  user_id: string;
  created_at: Generated<Date>;
  last_login_at: Timestamp | null;
}

export interface OidcRoleRuleTable {
  id: Generated<string>;
  tenant_id: string;
  group_value: string;
  role: Role;
  unit_id: string | null;
  created_at: Generated<Date>;
}

export interface AccountPolicyTable {
  tenant_id: string;
  local_passwords: Generated<boolean>;
  totp_required_for_admins: Generated<boolean>;
  updated_at: Generated<Date>;
}

/** "Forgot password" links (migration 0061): only the token's SHA-256. */
export interface PasswordResetTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  token_hash: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AccountTables {
  password_resets: PasswordResetTable;
  login_failures: LoginFailureTable;
  oidc_configs: OidcConfigTable;
  oidc_identities: OidcIdentityTable;
  oidc_role_rules: OidcRoleRuleTable;
  account_policies: AccountPolicyTable;
}
