// Demo: one Norrtälje retention rule from a made-up document management plan (labelled demo), in
// effect from 1 January two years ahead, so the demo cases are never cleared but the preview of
// that day shows what the rule would clear.
import type { Db } from '../../db/database.ts';
import { systemActor } from '../accounts/actor.ts';
import { localDate } from '../calendar/calendar.ts';
import { createRule } from './retention.service.ts';

export const DEMO_DECISION = 'Dokumenthanteringsplan för kommunstyrelsen (demodata), beslutad 2025-03-12, dnr KS 2025/123';

export async function seedRetentionDemo(db: Db, tenants: { norrtalje: { id: string; slug: string; name: string } }, now = new Date()) {
  const actor = systemActor(tenants.norrtalje, 'seed');
  const year = Number(localDate(now).slice(0, 4));
  return createRule(actor, { monthsAfterClosure: 24, decisionReference: DEMO_DECISION, effectiveFrom: `${year + 2}-01-01` }, { db, now });
}
