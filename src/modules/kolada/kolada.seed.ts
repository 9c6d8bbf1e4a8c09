// Demo: Norrtälje's municipality code, the recorded comparison set (kolada.seed-data.ts, labelled
// demo data) in the cache, one revision, and a demo indicator fed from it under goal 2.1.
import type { Db } from '../../db/database.ts';
import { systemActor } from '../accounts/actor.ts';
import { createIndicator, listPlans, planTree } from '../goals/index.ts';
import { listUnits } from '../org/org.service.ts';
import { updateTenantSettings } from '../tenants/tenants.service.ts';
import * as repo from './kolada.repo.ts';
import {
  DEMO_FETCHED_AT,
  DEMO_GROUP,
  DEMO_KPIS,
  DEMO_MUNICIPALITIES,
  DEMO_PAGE,
  DEMO_REVISED_AT,
  DEMO_REVISION,
  DEMO_URL,
} from './kolada.seed-data.ts';
import { toRecords } from './kolada.service.ts';

export async function seedKoladaDemo(db: Db, tenants: { norrtalje: { id: string; slug: string; name: string } }): Promise<void> {
  const tenant = tenants.norrtalje;
  const actor = systemActor(tenant, 'seed');
  await updateTenantSettings(actor, { municipalityCode: '0188' }, { db });
  const fetched = new Date(DEMO_FETCHED_AT);
  await repo.storeEntities(
    db,
    [
      ...DEMO_KPIS.map((k) => ({ kind: 'kpi' as const, ...k })),
      ...DEMO_MUNICIPALITIES.map((m) => ({ kind: 'municipality' as const, ...m })),
      { kind: 'group' as const, ...DEMO_GROUP },
    ],
    DEMO_URL,
    fetched,
  );
  await repo.storeValues(db, toRecords(DEMO_PAGE.values), DEMO_URL, fetched);
  await repo.storeValues(db, toRecords([DEMO_REVISION]), DEMO_URL, new Date(DEMO_REVISED_AT));

  const plan = (await listPlans(actor, { db })).find((p) => p.parent_plan_id !== null) ?? (await listPlans(actor, { db }))[0];
  const tree = plan ? await planTree(actor, plan.id, {}, { db }) : null;
  const goal = tree?.goalAreas.flatMap((a) => a.goals).find((g) => g.number === '2.1');
  const owner = (await listUnits(db, tenant.id)).find((u) => u.name === 'Kontaktcenter') ?? (await listUnits(db, tenant.id))[0];
  if (!owner) return;
  await createIndicator(
    actor,
    {
      code: 'K.1',
      title: 'Svar på e-post inom en arbetsdag, jämfört med andra kommuner (demodata)',
      level: 'KF',
      ownerUnitId: owner.id,
      unit: '%',
      decimals: 0,
      direction: 'higher',
      definition: 'Demoindikator: värdena är demodata i Koladas format, inte hämtade från Kolada.',
      dataSource: 'Kolada (demodata)',
      goalIds: goal ? [goal.id] : [],
      source: { type: 'kolada', kpi: 'N99001', gender: 'T', compareWith: [DEMO_GROUP.id, '0180', '0000'] },
    },
    { db },
  );
  await createIndicator(
    actor,
    {
      code: 'K.2',
      title: 'Invånarnas betyg på bemötandet, jämfört med riket (demodata)',
      level: 'KF',
      ownerUnitId: owner.id,
      unit: 'index',
      decimals: 0,
      direction: 'higher',
      definition: 'Demoindikator: värdena är demodata i Koladas format, inte hämtade från Kolada.',
      dataSource: 'Kolada (demodata)',
      goalIds: goal ? [goal.id] : [],
      source: { type: 'kolada', kpi: 'N99002', compareWith: ['0000'] },
    },
    { db },
  );
}
