// Staff publish a case as an Open311 request: a description written for the public (the
// resident's own message and contact data are never published). Publishing makes the case's
// description visible in GET requests; clearing it withdraws it. A request that came in through
// Open311 is public already and keeps the client's description.
import { Type } from 'typebox';
import type { Db } from '../../db/database.ts';
import { AppError, forbidden } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { canActOnCase, loadReadableCase } from '../cases/cases.service.ts';
import { Text } from './open311.input.ts';
import { deleteStaffExtra, upsertStaffDescription } from './open311.repo.ts';

export const PublishInput = Type.Object({
  description: Type.Union([Type.Null(), Type.Intersect([Text(2000), Type.String({ pattern: '\\S' })])], {
    description: 'The public description (no names or contact details); null withdraws it',
  }),
});

const MESSAGES = { description: 'Skriv en offentlig beskrivning (högst 2 000 tecken, utan namn och kontaktuppgifter), eller ta bort den.' };

export async function publishRequest(actor: Actor, caseId: string, input: unknown, { db }: { db: Db }): Promise<{ published: boolean }> {
  const v = validate(PublishInput, input, MESSAGES);
  const { path } = await loadReadableCase(actor, caseId, db);
  if (!canActOnCase(actor, path)) throw forbidden();
  const description = v.description?.trim() ?? null;
  await db.transaction().execute(async (trx) => {
    // One statement each way, so two officers publishing at once cannot leave half a record.
    const changed = description
      ? await upsertStaffDescription(trx, actor.tenantId, caseId, description)
      : await deleteStaffExtra(trx, actor.tenantId, caseId);
    if (!changed && description) {
      throw new AppError('conflict', 'Ärendet kom in via Open311 och är redan offentligt med inlämnarens beskrivning.');
    }
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: description ? 'open311.publish' : 'open311.unpublish',
      entity: 'case',
      entityId: caseId,
      data: description ? { description } : {},
    });
  });
  return { published: description !== null };
}
