// Every query of single sign-on and the sign-in policy (migration 0060), each scoped by tenant.
import type { Db } from '../../db/database.ts';
import type { Role } from '../../db/schema.ts';

export interface StoredOidcConfig {
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecretEnc: string;
  scopes: string;
  groupsClaim: string;
  createAccounts: boolean;
  enabled: boolean;
  updatedAt: Date;
}

export function findOidcConfig(db: Db, tenantId: string): Promise<StoredOidcConfig | undefined> {
  return db
    .selectFrom('oidc_configs')
    .select([
      'display_name as displayName',
      'issuer',
      'client_id as clientId',
      'client_secret_enc as clientSecretEnc',
      'scopes',
      'groups_claim as groupsClaim',
      'create_accounts as createAccounts',
      'enabled',
      'updated_at as updatedAt',
    ])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
}

/** Tenants whose login page offers single sign-on from their own settings. */
export function listEnabledOidcTenants(db: Db) {
  return db
    .selectFrom('oidc_configs')
    .select(['tenant_id as tenantId', 'display_name as displayName'])
    .where('enabled', '=', true)
    .execute();
}

export async function upsertOidcConfig(db: Db, tenantId: string, values: Omit<StoredOidcConfig, 'updatedAt'>): Promise<void> {
  const row = {
    display_name: values.displayName,
    issuer: values.issuer,
    client_id: values.clientId,
    client_secret_enc: values.clientSecretEnc,
    scopes: values.scopes,
    groups_claim: values.groupsClaim,
    create_accounts: values.createAccounts,
    enabled: values.enabled,
    updated_at: new Date(),
  };
  await db
    .insertInto('oidc_configs')
    .values({ tenant_id: tenantId, ...row })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(row))
    .execute();
}

export async function deleteOidcConfig(db: Db, tenantId: string): Promise<boolean> {
  const r = await db.deleteFrom('oidc_configs').where('tenant_id', '=', tenantId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function findIdentity(db: Db, tenantId: string, issuer: string, subject: string) {
  return db
    .selectFrom('oidc_identities')
    .select(['user_id as userId'])
    .where('tenant_id', '=', tenantId)
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
}

/** Links a subject to a user; false when the subject was linked meanwhile (the caller re-reads). */
export async function insertIdentity(db: Db, tenantId: string, issuer: string, subject: string, userId: string): Promise<boolean> {
  const row = await db
    .insertInto('oidc_identities')
    .values({ tenant_id: tenantId, issuer, subject, user_id: userId, last_login_at: new Date() })
    .onConflict((oc) => oc.columns(['tenant_id', 'issuer', 'subject']).doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function touchIdentity(db: Db, tenantId: string, issuer: string, subject: string): Promise<void> {
  await db
    .updateTable('oidc_identities')
    .set({ last_login_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('issuer', '=', issuer)
    .where('subject', '=', subject)
    .execute();
}

export function listIdentitiesOfUser(db: Db, tenantId: string, userId: string) {
  return db
    .selectFrom('oidc_identities')
    .select(['issuer', 'subject', 'created_at as createdAt', 'last_login_at as lastLoginAt'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .execute();
}

export interface RoleRule {
  id: string;
  groupValue: string;
  role: Role;
  unitId: string | null;
}

export function listRoleRules(db: Db, tenantId: string): Promise<RoleRule[]> {
  return db
    .selectFrom('oidc_role_rules')
    .select(['id', 'group_value as groupValue', 'role', 'unit_id as unitId'])
    .where('tenant_id', '=', tenantId)
    .orderBy('group_value')
    .orderBy('role')
    .execute();
}

export async function insertRoleRule(db: Db, tenantId: string, rule: Omit<RoleRule, 'id'>): Promise<string | undefined> {
  const row = await db
    .insertInto('oidc_role_rules')
    .values({ tenant_id: tenantId, group_value: rule.groupValue, role: rule.role, unit_id: rule.unitId })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export function deleteRoleRule(db: Db, tenantId: string, id: string) {
  return db
    .deleteFrom('oidc_role_rules')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returning(['group_value as groupValue', 'role', 'unit_id as unitId'])
    .executeTakeFirst();
}

/** The user's grants that sign-on gave (source 'oidc'), locked with the user by the caller. */
export function listRuleGrants(db: Db, tenantId: string, userId: string) {
  return db
    .selectFrom('role_grants')
    .select(['id', 'role', 'unit_id as unitId'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .where('source', '=', 'oidc')
    .execute();
}

export async function insertRuleGrant(db: Db, tenantId: string, userId: string, role: Role, unitId: string | null): Promise<boolean> {
  const row = await db
    .insertInto('role_grants')
    .values({ tenant_id: tenantId, user_id: userId, role, unit_id: unitId, source: 'oidc' })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteGrantById(db: Db, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom('role_grants').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export interface AccountPolicy {
  localPasswords: boolean;
  totpRequiredForAdmins: boolean;
}

export async function findAccountPolicy(db: Db, tenantId: string): Promise<AccountPolicy> {
  const row = await db
    .selectFrom('account_policies')
    .select(['local_passwords as localPasswords', 'totp_required_for_admins as totpRequiredForAdmins'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row ?? { localPasswords: true, totpRequiredForAdmins: false };
}

export async function upsertAccountPolicy(db: Db, tenantId: string, policy: AccountPolicy): Promise<void> {
  const row = { local_passwords: policy.localPasswords, totp_required_for_admins: policy.totpRequiredForAdmins, updated_at: new Date() };
  await db
    .insertInto('account_policies')
    .values({ tenant_id: tenantId, ...row })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(row))
    .execute();
}
