import type { Db } from '../../db/database.ts';
import type { DemoTenants } from '../../db/seed/demo.ts';

/** Demo data of this module for the demo tenants. */
export async function seedCasesDemo(_db: Db, _tenants: DemoTenants): Promise<void> {}
