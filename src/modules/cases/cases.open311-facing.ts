// What the open311 module may read and do with cases, so that it never queries the cases
// tables itself: the public read model of cases and of their resident-visible events, and a
// resident's message that reaches Insyn through an integration (FixMyStreet's update extension).
// Security-relevant: the read model carries no message text of the resident, no contact data,
// no staff names and no notes.
import type { Db } from '../../db/database.ts';
import type { CaseEventKind } from '../../db/schema-cases.ts';
import { notFound } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as facing from './cases.open311-facing.repo.ts';
import * as repo from './cases.repo.ts';
import { ResidentMessageInput, reopenForResidentMessage } from './cases.resident.ts';
import { CASE_ROLES } from './cases.service.ts';

export type { PublicCaseFilter, PublicCaseRow, PublicEventRow } from './cases.open311-facing.repo.ts';

/** Cases of a tenant as the public may see them, newest first. */
export function listPublicCases(db: Db, tenantId: string, filter: facing.PublicCaseFilter): Promise<facing.PublicCaseRow[]> {
  return facing.listPublicCases(db, tenantId, filter);
}

/** The events a resident sees that are the municipality's answers or changes of status. */
export const PUBLIC_UPDATE_KINDS = [
  'first_response',
  'next_feedback_promised',
  'referred',
  'resolved',
  'reopened',
] as const satisfies readonly CaseEventKind[];

/** The municipality's resident-visible answers and status changes in [from, to], oldest first. */
export function listPublicCaseUpdates(
  db: Db,
  tenantId: string,
  f: { from: Date; to: Date; limit: number; offset: number },
): Promise<facing.PublicEventRow[]> {
  return facing.listPublicEvents(db, tenantId, { ...f, kinds: PUBLIC_UPDATE_KINDS });
}

export interface IntegrationMessageInput {
  caseNumber: string;
  text: string;
  /** The client's own id of the message: a retry with the same id records nothing new. */
  externalId?: string;
  /** What the client said about the state, e.g. FixMyStreet's FIXED, kept with the event. */
  data?: Record<string, unknown>;
  /**
   * A message on a resolved case reopens it, as through the tracking link; false when the resident
   * only confirms that the matter is fixed.
   */
  reopensClosed?: boolean;
}

/**
 * A resident's message that an integration (e.g. FixMyStreet) passes on: recorded on the case's
 * timeline like a message through the tracking link, by the integration's user (a case role of
 * the same tenant), under the case's row lock so a retry is recorded once. On a resolved case it
 * reopens the case and tells the unit, exactly as a message through the tracking link does.
 */
export async function addResidentMessageFromIntegration(
  actor: Actor,
  input: IntegrationMessageInput,
  { db, baseUrl }: { db: Db; baseUrl?: string },
): Promise<{ eventId: string; replayed: boolean; reopened: boolean }> {
  requireAnyRole(actor, CASE_ROLES);
  const value = validate(ResidentMessageInput, { text: input.text }, { text: 'Skriv meddelandet (högst 10 000 tecken).' });
  const found = await facing.findCaseIdByNumber(db, actor.tenantId, input.caseNumber);
  if (!found) throw notFound('Ärendet');
  return db.transaction().execute(async (trx) => {
    if (!(await repo.lockCase(trx, actor.tenantId, found.id))) throw notFound('Ärendet');
    if (input.externalId) {
      const existing = await facing.findEventByExternalId(trx, actor.tenantId, found.id, input.externalId);
      if (existing) return { eventId: existing.id, replayed: true, reopened: false };
    }
    const eventId = await facing.insertResidentMessage(trx, {
      tenantId: actor.tenantId,
      caseId: found.id,
      body: value.text.trim(),
      data: { ...input.data, via: actor.label, ...(input.externalId ? { externalId: input.externalId } : {}) },
    });
    const row = await repo.findCase(trx, actor.tenantId, found.id);
    if (!row) throw notFound('Ärendet');
    const at = new Date();
    const reopened = row.status === 'resolved' && input.reopensClosed !== false;
    await repo.updateCase(trx, actor.tenantId, found.id, { resident_wrote_at: row.resident_wrote_at ?? at });
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'case.resident_message',
      entity: 'case',
      entityId: found.id,
      data: {
        caseNumber: input.caseNumber,
        via: 'integration',
        ...(input.externalId ? { externalId: input.externalId } : {}),
        ...(reopened ? { reopened: true } : {}),
      },
    });
    if (reopened) await reopenForResidentMessage(trx, row, at, baseUrl);
    return { eventId, replayed: false, reopened };
  });
}
