import { Type } from 'typebox';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { Text } from '../../http/input.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { createRootUnit } from '../org/org.service.ts';
import * as repo from './tenants.repo.ts';
import { findTenantBySlug, insertTenant, type Tenant } from './tenants.repo.ts';

export { listTenants } from './tenants.repo.ts';

export const TenantInput = Type.Object({
  name: Text({ min: 1, max: 200 }),
  slug: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' }),
  orgNumber: Type.Optional(Type.String({ pattern: '^[0-9]{6}-[0-9]{4}$' })),
  defaultLanguage: Type.Optional(Type.Union([Type.Literal('sv'), Type.Literal('fi'), Type.Literal('en')])),
});
export type TenantInput = Type.Static<typeof TenantInput>;

const FIELD_MESSAGES: Record<string, string> = {
  name: 'Namnet måste ha 1–200 tecken.',
  slug: 'Kortnamnet får bara innehålla a–z, 0–9 och bindestreck (2–63 tecken).',
  orgNumber: 'Organisationsnumret skrivs NNNNNN-NNNN.',
  defaultLanguage: 'Språket måste vara sv, fi eller en.',
};

/** A tenant is a municipality; it starts with its council as the root of the organisation. */
export async function createTenant(input: TenantInput, { db }: { db: Db }, actorLabel = 'cli'): Promise<Tenant> {
  validate(TenantInput, input, FIELD_MESSAGES);
  const slugTaken = (cause?: unknown) =>
    new AppError('conflict', `Det finns redan en organisation med kortnamnet "${input.slug}".`, {
      fields: [{ field: 'slug', message: 'Kortnamnet används redan.' }],
      cause,
    });
  // A quick answer for the common case; under concurrency the unique key decides (below).
  if (await findTenantBySlug(db, input.slug)) throw slugTaken();
  try {
    return await insertWithRoot(input, db, actorLabel);
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw slugTaken(error);
    throw error;
  }
}

function insertWithRoot(input: TenantInput, db: Db, actorLabel: string): Promise<Tenant> {
  return db.transaction().execute(async (trx) => {
    const tenant = await insertTenant(trx, input);
    await createRootUnit(trx, tenant.id, 'Kommunfullmäktige');
    await recordAudit(trx, {
      tenantId: tenant.id,
      actorUserId: null,
      actorLabel,
      action: 'create',
      entity: 'tenant',
      entityId: tenant.id,
      data: { name: tenant.name, slug: tenant.slug },
    });
    return tenant;
  });
}

export async function requireTenant(db: Db, slug: string): Promise<Tenant> {
  const tenant = await findTenantBySlug(db, slug);
  if (!tenant) throw notFound('Organisationen');
  return tenant;
}

export const TENANT_LANGUAGES = ['sv', 'fi', 'en'] as const;

/** The settings an admin may change; every field is optional (unchanged when absent). */
export const TenantSettingsInput = Type.Object({
  name: Type.Optional(Text({ min: 1, max: 200 })),
  /** Empty string or null clears it. */
  orgNumber: Type.Optional(Type.Union([Type.Null(), Type.String({ pattern: '^([0-9]{6}-[0-9]{4})?$' })])),
  defaultLanguage: Type.Optional(Type.Enum(TENANT_LANGUAGES)),
  firstResponseDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 })),
  /** Kolada's municipality code (four digits, e.g. 0188); empty string or null clears it. */
  municipalityCode: Type.Optional(Type.Union([Type.Null(), Type.String({ pattern: '^([0-9]{4})?$' })])),
});
export type TenantSettingsInput = Type.Static<typeof TenantSettingsInput>;

const SETTINGS_MESSAGES: Record<string, string> = {
  name: 'Ange kommunens namn (1–200 tecken).',
  orgNumber: 'Organisationsnumret skrivs NNNNNN-NNNN, eller lämnas tomt.',
  defaultLanguage: 'Välj språk: svenska, finska eller engelska.',
  firstResponseDays: 'Ange antal arbetsdagar som ett heltal 0–60.',
  municipalityCode: 'Kommunkoden är fyra siffror, till exempel 0188, eller lämnas tom.',
};

/** The caller's own municipality. */
export async function getTenantSettings(actor: Actor, { db }: { db: Db }): Promise<Tenant> {
  const tenant = await repo.findTenantById(db, actor.tenantId);
  if (!tenant) throw notFound('Kommunen');
  return tenant;
}

/**
 * Changes the municipality's name, organisation number, default language and default N (working
 * days to first feedback). Cases store their own deadline, so a new N applies only to cases
 * received after the change.
 */
export async function updateTenantSettings(actor: Actor, input: unknown, { db }: { db: Db }): Promise<Tenant> {
  requireAnyRole(actor, ['admin']);
  const value = validate(TenantSettingsInput, input, SETTINGS_MESSAGES);
  return db.transaction().execute(async (trx) => {
    // Under the row lock: a concurrent change is read, not overwritten with stale values.
    const before = await repo.lockTenant(trx, actor.tenantId);
    if (!before) throw notFound('Kommunen');
    const after: repo.TenantSettingsValues = {
      name: value.name !== undefined ? value.name.trim() : before.name,
      orgNumber: value.orgNumber !== undefined ? value.orgNumber || null : before.orgNumber,
      defaultLanguage: value.defaultLanguage ?? before.defaultLanguage,
      firstResponseDays: value.firstResponseDays ?? before.firstResponseDays,
      municipalityCode: value.municipalityCode !== undefined ? value.municipalityCode || null : before.municipalityCode,
    };
    const tenant = await repo.updateTenantSettings(trx, actor.tenantId, after);
    if (!tenant) throw notFound('Kommunen');
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'update',
      entity: 'tenant',
      entityId: actor.tenantId,
      data: {
        before: {
          name: before.name,
          orgNumber: before.orgNumber,
          defaultLanguage: before.defaultLanguage,
          firstResponseDays: before.firstResponseDays,
          municipalityCode: before.municipalityCode,
        },
        after,
      },
    });
    return tenant;
  });
}
