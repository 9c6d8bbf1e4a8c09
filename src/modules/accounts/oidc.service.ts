// Security-relevant: single sign-on settings of a tenant, role rules from the provider's group
// claim, and who a signed-on person is in Insyn (by the subject recorded at the first sign-on, or
// then by e-mail; optionally a new account without any role).
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { Role } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { Text } from '../../http/input.ts';
import { validate } from '../../http/validate.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { getUnit } from '../org/org.service.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import * as accounts from './accounts.repo.ts';
import { loadActor } from './accounts.service.ts';
import { type Actor, ROLES } from './actor.ts';
import { forgetProviderConfiguration, type ProviderSettings, type SignOnClaims } from './oidc.client.ts';
import * as repo from './oidc.repo.ts';
import { openSecret, sealSecret } from './oidc.secret.ts';
import { requireAnyRole } from './policy.ts';

/** The tenant's provider: its own settings, else the environment's for that tenant; undefined: none. */
export async function resolveProvider(db: Db, config: Config, tenant: { id: string; slug: string }): Promise<ProviderSettings | undefined> {
  const stored = await repo.findOidcConfig(db, tenant.id);
  if (stored) {
    if (!stored.enabled) return undefined;
    const clientSecret = openSecret(config.sessionSecret, stored.clientSecretEnc);
    if (clientSecret === undefined) return undefined;
    return {
      source: 'tenant',
      displayName: stored.displayName,
      issuer: stored.issuer,
      clientId: stored.clientId,
      clientSecret,
      scopes: stored.scopes,
      groupsClaim: stored.groupsClaim,
      createAccounts: stored.createAccounts,
    };
  }
  const env = config.oidc;
  if (env && env.tenantSlug === tenant.slug) {
    return { source: 'env', ...env };
  }
  return undefined;
}

/** For the login page: the name of each tenant's sign-on, by tenant id. */
export async function signOnNames(db: Db, config: Config, tenants: { id: string; slug: string }[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const t of tenants) {
    const settings = await resolveProvider(db, config, t);
    if (settings) names.set(t.id, settings.displayName);
  }
  return names;
}

export interface SignOnAdminView {
  stored: Omit<repo.StoredOidcConfig, 'clientSecretEnc'> & { secretReadable: boolean };
  envFallback: boolean;
  rules: repo.RoleRule[];
  policy: repo.AccountPolicy;
}

export async function signOnAdminView(actor: Actor, { db, config }: { db: Db; config: Config }): Promise<Partial<SignOnAdminView>> {
  requireAnyRole(actor, ['admin']);
  const [stored, rules, policy] = await Promise.all([
    repo.findOidcConfig(db, actor.tenantId),
    repo.listRoleRules(db, actor.tenantId),
    repo.findAccountPolicy(db, actor.tenantId),
  ]);
  const envFallback = config.oidc?.tenantSlug === actor.tenantSlug;
  if (!stored) return { envFallback, rules, policy };
  const { clientSecretEnc, ...shown } = stored;
  return {
    stored: { ...shown, secretReadable: openSecret(config.sessionSecret, clientSecretEnc) !== undefined },
    envFallback,
    rules,
    policy,
  };
}

const SingleLine = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '^[^\\u0000-\\u001f\\u007f]+$' });

export const SignOnInput = Type.Object({
  displayName: Text({ min: 1, max: 100 }),
  issuer: Type.String({ format: 'uri', maxLength: 500, pattern: '^https?://' }),
  clientId: SingleLine(200),
  /** Empty on an update: keep the stored secret. */
  clientSecret: Type.Optional(Type.String({ maxLength: 500, pattern: '^[^\\u0000-\\u001f\\u007f]*$' })),
  scopes: Type.Optional(Type.String({ maxLength: 300, pattern: '^openid( [\\x21-\\x7e]+)*$' })),
  groupsClaim: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[\\x21-\\x7e]+$' })),
  createAccounts: Type.Optional(Type.Boolean()),
  enabled: Type.Optional(Type.Boolean()),
});

const SIGN_ON_MESSAGES = {
  displayName: 'Ange organisationens namn som det ska stå på knappen (1–100 tecken).',
  issuer: 'Ange identitetstjänstens adress (issuer), t.ex. https://login.kommun.se.',
  clientId: 'Ange klient-id (1–200 tecken, på en rad).',
  clientSecret: 'Klienthemligheten får ha högst 500 tecken, på en rad.',
  scopes: 'Omfång (scopes) börjar med openid och skiljs med mellanslag, t.ex. "openid email profile".',
  groupsClaim: 'Ange namnet på gruppattributet (claim), t.ex. groups.',
};

export async function saveSignOnSettings(actor: Actor, input: unknown, { db, config }: { db: Db; config: Config }): Promise<void> {
  requireAnyRole(actor, ['admin']);
  const value = validate(SignOnInput, input, SIGN_ON_MESSAGES);
  const issuer = value.issuer.replace(/\/$/, '');
  if (config.production && new URL(issuer).protocol !== 'https:') {
    throw new AppError('validation', 'Identitetstjänsten måste nås över https.', {
      fields: [{ field: 'issuer', message: 'Adressen måste börja med https://.' }],
    });
  }
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('oidc_configs')
      .select(['client_secret_enc'])
      .where('tenant_id', '=', actor.tenantId)
      .forUpdate()
      .executeTakeFirst();
    const secret = value.clientSecret?.trim() ?? '';
    if (!secret && !before) {
      throw new AppError('validation', 'Ange klienthemligheten.', {
        fields: [{ field: 'clientSecret', message: 'Ange klienthemligheten.' }],
      });
    }
    const clientSecretEnc = secret ? sealSecret(config.sessionSecret, secret) : (before?.client_secret_enc ?? '');
    const stored = {
      displayName: value.displayName.trim(),
      issuer,
      clientId: value.clientId.trim(),
      scopes: value.scopes?.trim() || 'openid email profile',
      groupsClaim: value.groupsClaim?.trim() || 'groups',
      createAccounts: value.createAccounts ?? false,
      enabled: value.enabled ?? true,
    };
    await repo.upsertOidcConfig(trx, actor.tenantId, { ...stored, clientSecretEnc });
    // The secret itself never reaches the audit log: only that it changed.
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: before ? 'update' : 'create',
      entity: 'sign_on',
      entityId: actor.tenantId,
      data: { ...stored, secretChanged: secret !== '' },
    });
  });
  forgetProviderConfiguration();
}

export const RoleRuleInput = Type.Object({
  groupValue: SingleLine(255),
  role: Type.Enum(ROLES),
  unitId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
});

export async function addRoleRule(actor: Actor, input: unknown, { db }: { db: Db }): Promise<boolean> {
  requireAnyRole(actor, ['admin']);
  const value = validate(RoleRuleInput, input, {
    groupValue: 'Ange gruppens namn eller id (1–255 tecken).',
    role: 'Välj en roll.',
    unitId: 'Välj en enhet.',
  });
  const unitId = value.role === 'admin' ? null : (value.unitId ?? null);
  return db.transaction().execute(async (trx) => {
    if (unitId) await getUnit(trx, actor.tenantId, unitId);
    const id = await repo.insertRoleRule(trx, actor.tenantId, { groupValue: value.groupValue.trim(), role: value.role, unitId });
    if (!id) return false;
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'create',
      entity: 'role_rule',
      entityId: id,
      data: { groupValue: value.groupValue.trim(), role: value.role, unitId },
    });
    return true;
  });
}

export async function removeRoleRule(actor: Actor, ruleId: string, { db }: { db: Db }): Promise<void> {
  requireAnyRole(actor, ['admin']);
  await db.transaction().execute(async (trx) => {
    const removed = await repo.deleteRoleRule(trx, actor.tenantId, ruleId);
    if (!removed) throw notFound('Regeln');
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'delete',
      entity: 'role_rule',
      entityId: ruleId,
      data: removed,
    });
  });
}

export const AccountPolicyInput = Type.Object({ localPasswords: Type.Boolean(), totpRequiredForAdmins: Type.Boolean() });

export async function setAccountPolicy(actor: Actor, input: unknown, { db, config }: { db: Db; config: Config }): Promise<void> {
  requireAnyRole(actor, ['admin']);
  const value = validate(AccountPolicyInput, input, {
    localPasswords: 'Välj om lösenord får användas.',
    totpRequiredForAdmins: 'Välj om tvåstegsverifiering krävs.',
  });
  if (!value.localPasswords && !(await resolveProvider(db, config, { id: actor.tenantId, slug: actor.tenantSlug }))) {
    throw new AppError(
      'conflict',
      'Lösenord kan stängas av först när inloggning via organisationens identitetstjänst är inställd och påslagen.',
    );
  }
  await db.transaction().execute(async (trx) => {
    const before = await repo.findAccountPolicy(trx, actor.tenantId);
    await repo.upsertAccountPolicy(trx, actor.tenantId, value);
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'update',
      entity: 'account_policy',
      entityId: actor.tenantId,
      data: { before, after: value },
    });
  });
}

export const accountPolicyOf = repo.findAccountPolicy;

export type SignOnResult = { ok: true; actor: Actor; created: boolean } | { ok: false; reason: 'no_account' | 'inactive' | 'no_email' };

const grantKey = (role: Role, unitId: string | null) => `${role}|${unitId ?? ''}`;

/**
 * Who the person the provider vouched for is: the user recorded with this subject; else, at the
 * first sign-on, the user with the (verified) e-mail address; else a new account without any role
 * when the tenant allows it. Then the grants of the role rules are brought in step with the groups.
 */
export async function signInWithClaims(db: Db, tenant: Tenant, settings: ProviderSettings, claims: SignOnClaims): Promise<SignOnResult> {
  const outcome = await db.transaction().execute(async (trx): Promise<SignOnResult | { ok: true; userId: string; created: boolean }> => {
    let userId = (await repo.findIdentity(trx, tenant.id, settings.issuer, claims.subject))?.userId;
    let created = false;
    if (!userId) {
      if (!claims.email || !claims.emailVerified) return { ok: false, reason: 'no_email' };
      const byEmail = await accounts.findUserByEmail(trx, tenant.id, claims.email);
      if (byEmail) {
        userId = byEmail.id;
      } else if (settings.createAccounts) {
        const user = await accounts.insertUser(trx, tenant.id, {
          email: claims.email,
          name: claims.name ?? claims.email,
          passwordHash: null,
        });
        userId = user.id;
        created = true;
        await recordAudit(trx, {
          tenantId: tenant.id,
          actorUserId: null,
          actorLabel: 'sign-on',
          action: 'create',
          entity: 'user',
          entityId: user.id,
          data: { email: claims.email, via: 'oidc' },
        });
      } else {
        return { ok: false, reason: 'no_account' };
      }
      // A concurrent first sign-on of the same subject linked it first: use that link.
      if (!(await repo.insertIdentity(trx, tenant.id, settings.issuer, claims.subject, userId))) {
        userId = (await repo.findIdentity(trx, tenant.id, settings.issuer, claims.subject))?.userId ?? userId;
      }
    } else {
      await repo.touchIdentity(trx, tenant.id, settings.issuer, claims.subject);
    }
    const user = await accounts.lockUser(trx, tenant.id, userId);
    if (!user?.active) return { ok: false, reason: 'inactive' };
    await syncRuleGrants(trx, tenant.id, userId, claims.groups);
    await accounts.touchLogin(trx, userId);
    await recordAudit(trx, {
      tenantId: tenant.id,
      actorUserId: userId,
      actorLabel: user.email,
      action: 'login',
      entity: 'user',
      entityId: userId,
      data: { method: 'oidc', source: settings.source },
    });
    return { ok: true, userId, created };
  });
  if (!outcome.ok) return outcome;
  if ('actor' in outcome) return outcome;
  const actor = await loadActor(db, tenant, outcome.userId);
  return actor ? { ok: true, actor, created: outcome.created } : { ok: false, reason: 'inactive' };
}

/** Call under the user's lock: grants from rules the groups no longer match go, new ones come. */
async function syncRuleGrants(trx: Db, tenantId: string, userId: string, groups: string[]): Promise<void> {
  const rules = await repo.listRoleRules(trx, tenantId);
  const wanted = new Map<string, { role: Role; unitId: string | null; group: string }>();
  for (const rule of rules) {
    if (groups.includes(rule.groupValue))
      wanted.set(grantKey(rule.role, rule.unitId), { role: rule.role, unitId: rule.unitId, group: rule.groupValue });
  }
  const current = await repo.listRuleGrants(trx, tenantId, userId);
  const audit = (action: 'grant' | 'revoke', data: Record<string, unknown>) =>
    recordAudit(trx, {
      tenantId,
      actorUserId: null,
      actorLabel: 'sign-on',
      action,
      entity: 'user',
      entityId: userId,
      data: { ...data, source: 'oidc' },
    });
  for (const grant of current) {
    const key = grantKey(grant.role, grant.unitId);
    if (wanted.has(key)) {
      wanted.delete(key);
      continue;
    }
    await repo.deleteGrantById(trx, tenantId, grant.id);
    await audit('revoke', { role: grant.role, unitId: grant.unitId });
  }
  for (const grant of wanted.values()) {
    // A grant the admin already gave by hand stays as it is (the unique index keeps one).
    if (await repo.insertRuleGrant(trx, tenantId, userId, grant.role, grant.unitId)) {
      await audit('grant', { role: grant.role, unitId: grant.unitId, group: grant.group });
    }
  }
}
