// Legal hold (spärr mot gallring): a case kept whole, whatever the retention rules say — while a
// complaint is appealed, a claim is pending or a court has asked for it. Set and released by an
// admin, under the case's row lock, audited in the same transaction.
import { Type } from 'typebox';
import type { Db } from '../../db/database.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { Text } from '../../http/input.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './cases.repo.ts';
import { loadReadableCase } from './cases.service.ts';

export const LEGAL_HOLD_ROLES = ['admin'] as const;

export const LegalHoldInput = Type.Object(
  {
    reason: Type.Optional(Text({ min: 1, max: 1000, description: 'Why the case must not be cleared (required to set a hold)' })),
    hold: Type.Optional(Type.Boolean({ description: 'false releases the hold (default true)' })),
  },
  { additionalProperties: false },
);

const MESSAGES = {
  reason: 'Skriv varför ärendet ska spärras mot gallring (högst 1 000 tecken).',
  hold: 'Ange hold som true eller false.',
};

export interface LegalHoldView {
  held: boolean;
  at: string | null;
  reason: string | null;
  by: string | null;
}

async function lockedHold(trx: Db, actor: Actor, caseId: string) {
  if (!(await repo.lockCase(trx, actor.tenantId, caseId))) throw notFound('Ärendet');
  return trx
    .selectFrom('cases')
    .select(['case_number', 'legal_hold_at', 'legal_hold_reason', 'legal_hold_by'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
}

/** Sets or (with `hold: false`) releases the legal hold of a case. */
export async function changeLegalHold(actor: Actor, caseId: string, input: unknown, { db }: { db: Db }): Promise<LegalHoldView> {
  requireAnyRole(actor, LEGAL_HOLD_ROLES);
  const v = validate(LegalHoldInput, input ?? {}, MESSAGES);
  await loadReadableCase(actor, caseId, db);
  if (v.hold === false) return releaseLegalHold(actor, caseId, { db });
  const reason = v.reason?.trim();
  if (!reason)
    throw new AppError('validation', 'Uppgifterna är inte giltiga.', { fields: [{ field: 'reason', message: MESSAGES.reason }] });
  return db.transaction().execute(async (trx) => {
    const row = await lockedHold(trx, actor, caseId);
    if (row.legal_hold_at) throw new AppError('conflict', `Ärende ${row.case_number} är redan spärrat mot gallring.`);
    const at = new Date();
    await trx
      .updateTable('cases')
      .set({ legal_hold_at: at, legal_hold_reason: reason, legal_hold_by: actor.label, updated_at: at })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', caseId)
      .execute();
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'legal_hold',
      entity: 'case',
      entityId: caseId,
      data: { caseNumber: row.case_number, reason },
    });
    return { held: true, at: at.toISOString(), reason, by: actor.label };
  });
}

export async function releaseLegalHold(actor: Actor, caseId: string, { db }: { db: Db }): Promise<LegalHoldView> {
  requireAnyRole(actor, LEGAL_HOLD_ROLES);
  await loadReadableCase(actor, caseId, db);
  return db.transaction().execute(async (trx) => {
    const row = await lockedHold(trx, actor, caseId);
    if (!row.legal_hold_at) throw new AppError('conflict', `Ärende ${row.case_number} är inte spärrat mot gallring.`);
    await trx
      .updateTable('cases')
      .set({ legal_hold_at: null, legal_hold_reason: null, legal_hold_by: null, updated_at: new Date() })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', caseId)
      .execute();
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'legal_hold_release',
      entity: 'case',
      entityId: caseId,
      data: { caseNumber: row.case_number, reason: row.legal_hold_reason },
    });
    return { held: false, at: null, reason: null, by: null };
  });
}
