// One rule for reporting the status of an assignment or an activity for a follow-up period:
// after the round is closed only quality may change it (and the change is marked); an unchanged
// report is left alone; a saved one touches the round's item. Runs inside the caller's
// transaction, with the owner row already locked.
import type { Db } from '../../db/database.ts';
import type { WorkStatus } from '../../db/schema-goals.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { canDefine } from './goals.access.ts';
import { findStatusReportForUpdate, type StatusOf, saveStatusReport } from './period-status.repo.ts';
import { periodName } from './periods.ts';
import * as rounds from './rounds.repo.ts';

const ITEM_KIND = { assignment: 'assignment_status', activity: 'activity_progress' } as const;

/** Saves the report; null when nothing changed, else whether the period was already closed. */
export async function savePeriodStatus(
  trx: Db,
  actor: Actor,
  of: StatusOf,
  ownerId: string,
  period: string,
  v: { status: WorkStatus; comment?: string },
): Promise<{ closed: boolean } | null> {
  const closed = await rounds.isPeriodClosed(trx, actor.tenantId, period);
  if (closed && !canDefine(actor))
    throw new AppError('conflict', `Uppföljningen av ${periodName(period)} är stängd. En ändring görs av kvalitetsstrategen.`);
  const old = await findStatusReportForUpdate(trx, of, actor.tenantId, ownerId, period);
  const comment = v.comment?.trim() ?? '';
  if (old && old.status === v.status && old.comment === comment) return null;
  await saveStatusReport(trx, of, {
    tenantId: actor.tenantId,
    ownerId,
    period,
    status: v.status,
    comment,
    by: actor.label,
    changedAfterClose: closed || (old?.changed_after_close ?? false),
  });
  await rounds.touchItems(trx, actor.tenantId, ITEM_KIND[of], ownerId, period, actor.label);
  return { closed };
}
