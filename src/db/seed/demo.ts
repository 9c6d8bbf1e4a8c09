// Demo data for `npm start` and `insyn seed-demo`: two municipalities, their organisations and
// one demo user per role. Demo-only credentials: never use them in production.

import { createUser, grantRole } from '../../modules/accounts/accounts.service.ts';
import { systemActor } from '../../modules/accounts/actor.ts';
import { seedCasesDemo } from '../../modules/cases/cases.seed.ts';
import { seedGoalsDemo } from '../../modules/goals/index.ts';
import { seedKoladaDemo } from '../../modules/kolada/index.ts';
import { seedMeetingsDemo } from '../../modules/meetings/meetings.seed.ts';
import { createUnit, listUnits } from '../../modules/org/org.service.ts';
import { seedPromisesDemo } from '../../modules/promises/promises.seed.ts';
import { seedReportsDemo } from '../../modules/reports/index.ts';
import { seedRetentionDemo } from '../../modules/retention/index.ts';
import { seedSatisfactionDemo } from '../../modules/satisfaction/index.ts';
import type { Tenant } from '../../modules/tenants/tenants.repo.ts';
import { findTenantBySlug } from '../../modules/tenants/tenants.repo.ts';
import { createTenant } from '../../modules/tenants/tenants.service.ts';
import type { Db } from '../database.ts';
import type { Role } from '../schema.ts';
import { type DemoUnit, LULEA_BOARDS, NORRTALJE_BOARDS } from './demo-org.ts';

export const DEMO_PASSWORD = 'insyn-demo-2026';

interface DemoUser {
  email: string;
  name: string;
  role: Role;
  /** Name of the unit the role is granted on; absent = the whole tenant. */
  unit?: string;
}

const NORRTALJE_USERS: DemoUser[] = [
  { email: 'admin@norrtalje.demo', name: 'Ada Admin', role: 'admin' },
  { email: 'kvalitet@norrtalje.demo', name: 'Kim Kvalitetsstrateg', role: 'quality' },
  { email: 'handlaggare@norrtalje.demo', name: 'Hanna Handläggare', role: 'officer', unit: 'Samhällsbyggnadsförvaltningen' },
  { email: 'kontaktcenter@norrtalje.demo', name: 'Kalle Kontaktcenter', role: 'agent', unit: 'Kontaktcenter' },
  { email: 'sekreterare@norrtalje.demo', name: 'Sara Sekreterare', role: 'secretary', unit: 'Kansliavdelningen' },
  { email: 'lasare@norrtalje.demo', name: 'Leo Läsare', role: 'reader' },
  // Owns the contact-centre indicators and several assignments of the plan: has items under "Att rapportera".
  { email: 'stab@norrtalje.demo', name: 'Stina Stab', role: 'officer', unit: 'Stab och planering' },
];

const LULEA_USERS: DemoUser[] = [{ email: 'admin@lulea.demo', name: 'Lina Admin', role: 'admin' }];

export interface DemoTenants {
  norrtalje: Tenant;
  lulea: Tenant;
}

export interface SeedReport {
  created: boolean;
  users: { tenant: string; email: string; role: Role }[];
}

async function createUnits(db: Db, actor: ReturnType<typeof systemActor>, parentId: string, units: DemoUnit[]) {
  for (const u of units) {
    const created = await createUnit(actor, { name: u.name, kind: u.kind, parentId }, { db });
    if (u.children) await createUnits(db, actor, created.id, u.children);
  }
}

async function seedTenant(
  db: Db,
  tenant: { name: string; slug: string; orgNumber: string },
  boards: DemoUnit[],
  users: DemoUser[],
  report: SeedReport,
) {
  const created = await createTenant(tenant, { db }, 'seed');
  const actor = systemActor(created, 'seed');
  const root = (await listUnits(db, created.id)).find((u) => u.kind === 'council');
  if (!root) throw new Error('tenant without council');
  await createUnits(db, actor, root.id, boards);
  const units = await listUnits(db, created.id);
  for (const u of users) {
    const user = await createUser(actor, { email: u.email, name: u.name, password: DEMO_PASSWORD }, { db });
    const unitId = u.unit ? units.find((x) => x.name === u.unit)?.id : null;
    await grantRole(actor, user.id, { role: u.role, unitId }, { db });
    report.users.push({ tenant: tenant.slug, email: u.email, role: u.role });
  }
  return created;
}

/** Loads the demo data unless the demo tenant already exists. */
export async function seedDemo(db: Db): Promise<SeedReport> {
  const report: SeedReport = { created: false, users: [] };
  if (await findTenantBySlug(db, 'norrtalje')) return report;
  const tenants: DemoTenants = {
    norrtalje: await seedTenant(
      db,
      { name: 'Norrtälje kommun (demo)', slug: 'norrtalje', orgNumber: '212000-0175' },
      NORRTALJE_BOARDS,
      NORRTALJE_USERS,
      report,
    ),
    lulea: await seedTenant(
      db,
      { name: 'Luleå kommun (demo)', slug: 'lulea', orgNumber: '212000-2817' },
      LULEA_BOARDS,
      LULEA_USERS,
      report,
    ),
  };
  // Order matters: promises are measured from the cases and meetings seeded before them.
  await seedCasesDemo(db, tenants);
  await seedMeetingsDemo(db, tenants);
  await seedPromisesDemo(db, tenants);
  await seedGoalsDemo(db, tenants);
  await seedSatisfactionDemo(db, tenants);
  await seedKoladaDemo(db, tenants);
  await seedReportsDemo(db, tenants);
  await seedRetentionDemo(db, tenants);
  report.created = true;
  return report;
}

export function describeDemoUsers(report: SeedReport): string {
  const lines = report.users.map((u) => `  ${u.tenant.padEnd(10)} ${u.email.padEnd(32)} ${u.role}`);
  return [`Demo accounts (demo only, password "${DEMO_PASSWORD}"):`, ...lines].join('\n');
}
