// What creating a case reads about its municipality — the tenant, its categories, the working
// days to first feedback of each, and the working-day calendar — kept in the process between
// requests. Those rows change seldom; every change bumps the tenant's version in
// intake_settings_versions by trigger (migration 0084), and a create checks the version it
// computed with in the same statement that takes its case number (takeCaseNumber): on a mismatch
// it loads again and computes again. So a kept copy is never used for a stored case once a newer
// one is committed, on any app instance, and a busy intake reads nothing but that version.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { type TenantCalendar, tenantCalendar } from '../calendar/calendar.service.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import { findTenantById } from '../tenants/tenants.repo.ts';
import { requireTenant } from '../tenants/tenants.service.ts';
import { resolveDaysByCategory } from './cases.deadline.ts';
import * as repo from './cases.repo.ts';
import type { Category } from './categories.repo.ts';
import { listCategories } from './categories.service.ts';

export interface IntakeSettings {
  /** The tenant's settings version these were read at (0: never changed since migration 0084). */
  version: number;
  tenant: Tenant;
  categoriesByCode: ReadonlyMap<string, Category>;
  /** Working days to first feedback by category id (category > nearest unit > tenant). */
  daysByCategory: ReadonlyMap<string, number>;
  unitNames: ReadonlyMap<string, string>;
  calendar: TenantCalendar;
  /** True when these come from the process's copy (may be stale until the version says otherwise). */
  kept: boolean;
}

/** A kept copy is dropped after this long even unchecked (it also serves the public route's tenant by slug). */
const MAX_AGE_MS = 60_000;
const MAX_TENANTS = 1_000;

interface Entry {
  settings: IntakeSettings;
  loadedAt: number;
}
const kept = new WeakMap<Db, Map<string, Entry>>();
const slugs = new WeakMap<Db, Map<string, { tenantId: string; loadedAt: number }>>();

function entries(db: Db): Map<string, Entry> {
  let map = kept.get(db);
  if (!map) {
    map = new Map();
    kept.set(db, map);
  }
  return map;
}

/** The version a tenant's settings are at now. */
export async function settingsVersion(db: Db, tenantId: string): Promise<number> {
  const { rows } = await sql<{ version: number | string }>`
    SELECT coalesce((SELECT version FROM intake_settings_versions WHERE tenant_id = ${tenantId}), 0) AS version`.execute(db);
  return Number(rows[0]?.version ?? 0);
}

async function load(db: Db, tenantId: string): Promise<IntakeSettings | undefined> {
  // The version first: what is read after it is at least as new, so a check against it is safe.
  const version = await settingsVersion(db, tenantId);
  const [tenant, units, categories, calendar] = await Promise.all([
    findTenantById(db, tenantId),
    repo.unitsForIntake(db, tenantId),
    listCategories(db, tenantId),
    tenantCalendar(db, tenantId),
  ]);
  if (!tenant) return undefined;
  const daysByCategory = resolveDaysByCategory(tenant.firstResponseDays ?? 2, units, categories);
  return {
    version,
    tenant,
    categoriesByCode: new Map(categories.map((c) => [c.code, c])),
    daysByCategory,
    unitNames: new Map(units.map((u) => [u.id, u.name])),
    calendar,
    kept: false,
  };
}

/** The tenant's intake settings: the process's copy when there is a recent one, else read now. */
export async function intakeSettings(db: Db, tenantId: string, { fresh = false } = {}): Promise<IntakeSettings | undefined> {
  const map = entries(db);
  const entry = map.get(tenantId);
  if (!fresh && entry && Date.now() - entry.loadedAt < MAX_AGE_MS) return { ...entry.settings, kept: true };
  const settings = await load(db, tenantId);
  if (!settings) {
    map.delete(tenantId);
    return undefined;
  }
  if (map.size >= MAX_TENANTS) map.clear();
  map.set(tenantId, { settings, loadedAt: Date.now() });
  return settings;
}

/** Forgets the process's copy (its version no longer matches the database's). */
export function forgetIntakeSettings(db: Db, tenantId: string): void {
  entries(db).delete(tenantId);
}

/**
 * The tenant of a public intake URL, from the process's copy when recent (404 for an unknown
 * slug is never kept). A create checks the settings version itself; this serves the route's
 * language default and links, which may lag a renamed tenant by at most a minute.
 */
export async function intakeTenantBySlug(db: Db, slug: string): Promise<Tenant> {
  let map = slugs.get(db);
  if (!map) {
    map = new Map();
    slugs.set(db, map);
  }
  const hit = map.get(slug);
  if (hit && Date.now() - hit.loadedAt < MAX_AGE_MS) {
    const settings = await intakeSettings(db, hit.tenantId);
    if (settings?.tenant.slug === slug) return settings.tenant;
  }
  const tenant = await requireTenant(db, slug);
  if (map.size >= MAX_TENANTS) map.clear();
  map.set(slug, { tenantId: tenant.id, loadedAt: Date.now() });
  return tenant;
}
