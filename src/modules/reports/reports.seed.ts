// Demo reports for Norrtälje's executive board (kommunstyrelsen), generated from the goals demo
// plan, the demo cases and the demo promises: the 2025 annual report, approved and published, and
// a draft of Delår 2 2026. Runs after the goals demo; does nothing when the reports exist.
import type { Db } from '../../db/database.ts';
import type { DemoTenants } from '../../db/seed/demo.ts';
import { systemActor } from '../accounts/actor.ts';
import { listUnits } from '../org/org.service.ts';
import * as repo from './reports.repo.ts';
import { approveReport, createReport, publishReport } from './reports.service.ts';

export async function seedReportsDemo(db: Db, tenants: DemoTenants): Promise<void> {
  const tenant = tenants.norrtalje;
  const actor = systemActor(tenant, 'seed');
  const ks = (await listUnits(db, tenant.id)).find((u) => u.name === 'Kommunstyrelsen');
  if (!ks) throw new Error('demo unit missing: Kommunstyrelsen');
  if ((await repo.listReports(db, tenant.id, { boardUnitId: ks.id })).length > 0) return;
  const year = await createReport(
    actor,
    {
      boardUnitId: ks.id,
      period: '2025',
      introduction:
        'Verksamhetsberättelsen redovisar hur kommunstyrelsen har arbetat mot målen i verksamhetsplanen 2025–2027 under 2025.\n\nUppgifterna kommer direkt från uppföljningen i Insyn: ingenting är inskrivet två gånger.',
      closing: 'Kontaktcenter har fortsatt att korta svarstiderna. Arbetet med service till företag fortsätter enligt handlingsplanen.',
    },
    { db },
  );
  await approveReport(actor, year.id, { decisionDate: '2026-03-25', registrationNumber: 'KS 2026/118' }, { db });
  await publishReport(actor, year.id, { db });
  await createReport(actor, { boardUnitId: ks.id, period: '2026-D2' }, { db });
}
