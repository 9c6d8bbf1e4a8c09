// Filling in one item of "Att rapportera": the form's values go to the service that owns the
// thing (indicator values, a goal's written assessment, an assignment's or activity's status),
// which checks the reporter's roles and the round's lock.
import type { Db } from '../../db/database.ts';
import { invalid, notFound } from '../../http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { reportActivityProgress } from './action-plans.service.ts';
import { reportAssignmentStatus } from './assignments.service.ts';
import { saveWrittenAssessment } from './goals.service.ts';
import { putIndicatorValues } from './indicators.service.ts';
import * as repo from './rounds.repo.ts';

/** "1,4" or "1.4" → 1.4; empty → null; anything else is a field error. */
export function parseDecimal(text: string | undefined, field: string): number | null {
  const s = (text ?? '').trim().replace(/\s/g, '').replace(',', '.');
  if (s === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw invalid([{ field, message: 'Ange ett tal, till exempel 12,5.' }]);
  return Number(s);
}

export async function reportItem(actor: Actor, itemId: string, form: Record<string, string>, { db }: { db: Db }): Promise<void> {
  const item = await repo.findItem(db, actor.tenantId, itemId);
  if (!item) throw notFound('Punkten');
  const round = await repo.findRound(db, actor.tenantId, item.round_id);
  if (!round) throw notFound('Uppföljningen');
  const comment = (form.comment ?? '').trim();
  switch (item.kind) {
    case 'indicator_value': {
      const value = parseDecimal(form.value, 'value');
      if (value === null && !comment) throw invalid([{ field: 'value', message: 'Ange utfallet för perioden.' }]);
      await putIndicatorValues(actor, item.ref_id, [{ period: round.period, kind: 'outcome', value, comment: comment || null }], { db });
      return;
    }
    case 'goal_assessment':
      await saveWrittenAssessment(actor, item.ref_id, round.period, { status: form.status || null, analysis: comment }, { db });
      return;
    case 'assignment_status':
      await reportAssignmentStatus(actor, item.ref_id, round.period, { status: form.status, comment }, { db });
      return;
    case 'activity_progress':
      await reportActivityProgress(actor, item.ref_id, round.period, { status: form.status, comment }, { db });
      return;
  }
}
