import { Type } from 'typebox';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { createRootUnit } from '../org/org.service.ts';
import { findTenantBySlug, insertTenant, type Tenant } from './tenants.repo.ts';

export const TenantInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
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
  if (await findTenantBySlug(db, input.slug)) {
    throw new AppError('conflict', `Det finns redan en organisation med kortnamnet "${input.slug}".`, {
      fields: [{ field: 'slug', message: 'Kortnamnet används redan.' }],
    });
  }
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
