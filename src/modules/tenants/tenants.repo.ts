import type { Db } from '../../db/database.ts';

export interface Tenant {
  id: string;
  slug: string;
  name: string;
  orgNumber: string | null;
  defaultLanguage: 'sv' | 'fi' | 'en';
  timeZone: string;
  firstResponseDays: number;
  /** Kolada's four-digit municipality code, e.g. 0188; null until set. */
  municipalityCode: string | null;
}

const COLUMNS = [
  'id',
  'slug',
  'name',
  'org_number as orgNumber',
  'default_language as defaultLanguage',
  'time_zone as timeZone',
  'first_response_days as firstResponseDays',
  'municipality_code as municipalityCode',
] as const;

export function findTenantBySlug(db: Db, slug: string): Promise<Tenant | undefined> {
  return db.selectFrom('tenants').select(COLUMNS).where('slug', '=', slug).executeTakeFirst();
}

export function findTenantById(db: Db, id: string): Promise<Tenant | undefined> {
  return db.selectFrom('tenants').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

/**
 * Call inside a transaction: holds the row until it ends. FOR NO KEY UPDATE, so that rows
 * referring to the tenant (every tenant-owned insert) are not held up meanwhile.
 */
export function lockTenant(db: Db, id: string): Promise<Tenant | undefined> {
  return db.selectFrom('tenants').select(COLUMNS).where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
}

export function listTenants(db: Db): Promise<Tenant[]> {
  return db.selectFrom('tenants').select(COLUMNS).orderBy('name').execute();
}

export async function insertTenant(
  db: Db,
  values: { slug: string; name: string; orgNumber?: string | null; defaultLanguage?: 'sv' | 'fi' | 'en' },
): Promise<Tenant> {
  return db
    .insertInto('tenants')
    .values({
      slug: values.slug,
      name: values.name,
      org_number: values.orgNumber ?? null,
      default_language: values.defaultLanguage ?? 'sv',
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export interface TenantSettingsValues {
  name: string;
  orgNumber: string | null;
  defaultLanguage: 'sv' | 'fi' | 'en';
  firstResponseDays: number;
  municipalityCode: string | null;
}

/** Changes a tenant's own settings; the slug and time zone stay as they were. */
export function updateTenantSettings(db: Db, tenantId: string, values: TenantSettingsValues): Promise<Tenant | undefined> {
  return db
    .updateTable('tenants')
    .set({
      name: values.name,
      org_number: values.orgNumber,
      default_language: values.defaultLanguage,
      first_response_days: values.firstResponseDays,
      municipality_code: values.municipalityCode,
    })
    .where('id', '=', tenantId)
    .returning(COLUMNS)
    .executeTakeFirst();
}
