// The year's statistics counted both ways in one process, alternately, at the same load: from the
// cases (stats.repo.ts, what a unit's subtree still uses) and from the per-day rollup
// (stats.rollup.repo.ts, migration 0082). Prints each timing and the load average.
//   DATABASE_URL=… or DATA_DIR=… node --import ./src/register-tsx.ts bench/stats-ab.ts [tenant] [year]
import { loadavg } from 'node:os';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { tenantCalendar } from '../src/modules/calendar/calendar.service.ts';
import { addCalendarDays, localDate } from '../src/modules/calendar/calendar.ts';
import { firstResponseAggregates } from '../src/modules/cases/stats.repo.ts';
import { foldStatsDays, rollupAggregates } from '../src/modules/cases/stats.rollup.repo.ts';
import { workingDayIndex } from '../src/modules/cases/stats.service.ts';
import { requireTenant } from '../src/modules/tenants/tenants.service.ts';

const config = loadConfig();
const h = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const tenant = await requireTenant(h.db, process.argv[2] ?? 'norrtalje');
const year = process.argv[3] ?? '2026';
const today = localDate(new Date());
const span = { from: addCalendarDays(`${year}-01-01`, -366), to: addCalendarDays(today > `${year}-12-31` ? today : `${year}-12-31`, 366) };
const f = {
  dueFrom: `${year}-01-01`,
  dueTo: `${year}-12-31`,
  today,
  daysFrom: span.from,
  cum: workingDayIndex(span, await tenantCalendar(h.db, tenant.id)),
};
console.log(`folded ${await foldStatsDays(h.db, tenant.id)} deltas first`);
for (let i = 0; i < 4; i++) {
  for (const [name, run] of [
    ['cases ', () => firstResponseAggregates(h.db, tenant.id, f)],
    ['rollup', () => rollupAggregates(h.db, tenant.id, f)],
  ] as const) {
    const start = performance.now();
    const rows = await run();
    const total = rows.find((r) => r.set === 'total')?.received;
    console.log(`${name} ${(performance.now() - start).toFixed(0)} ms (${total} cases), load ${loadavg()[0].toFixed(1)}`);
  }
}
await h.close();
