// One timing of the year's statistics through the service (a quick check beside bench/scale.ts).
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { systemActor } from '../src/modules/accounts/actor.ts';
import { firstResponseStats } from '../src/modules/cases/stats.service.ts';
import { requireTenant } from '../src/modules/tenants/tenants.service.ts';

const config = loadConfig();
const h = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const tenant = await requireTenant(h.db, process.argv[2] ?? 'norrtalje');
const actor = systemActor(tenant, 'bench');
for (const [from, to] of [
  ['2026-01-01', '2026-12-31'],
  ['2026-01-01', '2026-12-31'],
  ['2026-01-01', '2026-12-31'],
  ['2025-01-01', '2026-12-31'],
]) {
  const start = performance.now();
  const s = await firstResponseStats(actor, { from, to }, { db: h.db });
  console.log(`statistics ${from}–${to}: ${(performance.now() - start).toFixed(0)} ms, ${s.total.received} cases`);
}
await h.close();
