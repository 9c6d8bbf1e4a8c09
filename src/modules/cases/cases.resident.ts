// What a resident sees of their case through the private tracking link, and how they add to it.
// Security-relevant: the token is the only credential; staff names and notes are never shown.
import { Type } from 'typebox';
import type { Db } from '../../db/database.ts';
import type { CaseEventKind } from '../../db/schema-cases.ts';
import { notFound } from '../../http/errors.ts';
import { Text } from '../../http/input.ts';
import { validate } from '../../http/validate.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { findTenantById } from '../tenants/tenants.repo.ts';
import { notifyReopenedByResident } from './cases.notify.ts';
import * as repo from './cases.repo.ts';
import { hashTrackingToken } from './cases.service.ts';

export interface ResidentCaseView {
  id: string;
  caseNumber: string;
  type: string;
  categoryCode: string;
  categoryName: string;
  language: 'sv' | 'fi' | 'en';
  status: 'new' | 'in_progress' | 'resolved';
  receivedAt: string;
  receivedDate: string;
  firstResponseDue: string;
  firstResponseDate: string | null;
  nextFeedbackDue: string | null;
  resolvedAt: string | null;
  referredTo: string | null;
  events: {
    kind: CaseEventKind;
    at: string;
    /** The municipality's name for staff events, 'resident' for the resident's own messages. */
    from: string;
    body: string | null;
    nextFeedbackDate: string | null;
    authority: string | null;
  }[];
}

const TOKEN = /^[A-Za-z0-9_-]{16,100}$/;

async function caseOfToken(db: Db, tenantId: string, token: string) {
  if (!TOKEN.test(token)) return undefined;
  return repo.findCaseByTokenHash(db, tenantId, hashTrackingToken(token));
}

export async function findCaseByTrackingToken(db: Db, tenantId: string, token: string): Promise<ResidentCaseView | undefined> {
  const row = await caseOfToken(db, tenantId, token);
  if (!row) return undefined;
  const [tenant, events] = await Promise.all([findTenantById(db, tenantId), repo.listEvents(db, tenantId, row.id, { residentOnly: true })]);
  const tenantName = tenant?.name ?? '';
  return {
    id: row.id,
    caseNumber: row.case_number,
    type: row.type,
    categoryCode: row.category_code,
    categoryName: row.category_name,
    language: row.language,
    status: row.status,
    receivedAt: row.received_at.toISOString(),
    receivedDate: row.received_date,
    firstResponseDue: row.first_response_due,
    firstResponseDate: row.first_response_date,
    nextFeedbackDue: row.next_feedback_due,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    referredTo: row.referred_to,
    events: events
      .filter((e) => e.kind !== 'note')
      .map((e) => ({
        kind: e.kind,
        at: e.at.toISOString(),
        from: e.kind === 'resident_message' ? 'resident' : tenantName,
        body: e.body,
        nextFeedbackDate: typeof e.data?.nextFeedbackDate === 'string' ? e.data.nextFeedbackDate : null,
        authority: typeof e.data?.authority === 'string' ? e.data.authority : null,
      })),
  };
}

export const ResidentMessageInput = Type.Object({ text: Text({ min: 1, max: 10000 }) });

export interface ResidentMessageOptions {
  /** The server's address, for the link in the e-mail to the unit. */
  baseUrl?: string;
  now?: Date;
}

/**
 * Adds the resident's message to the timeline and marks the case for the inbox; 404 for an unknown
 * token. A message on a closed case reopens it and e-mails the unit, so it is never left unread.
 */
export async function addResidentMessage(
  db: Db,
  tenantId: string,
  token: string,
  text: string,
  options: ResidentMessageOptions = {},
): Promise<ResidentCaseView & { reopened: boolean }> {
  const value = validate(ResidentMessageInput, { text }, { text: 'Skriv ditt meddelande (högst 10 000 tecken).' });
  const found = await caseOfToken(db, tenantId, token);
  if (!found) throw notFound('Ärendet');
  const at = options.now ?? new Date();
  const reopened = await db.transaction().execute(async (trx) => {
    // Read the status under the row lock: an officer closing the case at the same moment must not
    // leave the message on a closed case.
    if (!(await repo.lockCase(trx, tenantId, found.id))) throw notFound('Ärendet');
    const row = await repo.findCase(trx, tenantId, found.id);
    if (!row) throw notFound('Ärendet');
    const closed = row.status === 'resolved';
    await repo.insertEvents(trx, [
      {
        tenantId,
        caseId: row.id,
        kind: 'resident_message',
        at,
        actorUserId: null,
        actorLabel: 'invånare',
        body: value.text.trim(),
        data: {},
        visibleToResident: true,
      },
    ]);
    await repo.updateCase(trx, tenantId, row.id, { resident_wrote_at: row.resident_wrote_at ?? at });
    await recordAudit(trx, {
      tenantId,
      actorUserId: null,
      actorLabel: 'invånare',
      action: 'case.resident_message',
      entity: 'case',
      entityId: row.id,
      data: closed ? { reopened: true } : {},
    });
    if (closed) await reopenForResidentMessage(trx, row, at, options.baseUrl);
    return closed;
  });
  const view = await findCaseByTrackingToken(db, tenantId, token);
  if (!view) throw notFound('Ärendet');
  return { ...view, reopened };
}

/**
 * A resolved case that the resident writes on again is open again: the reopening on the timeline
 * (a millisecond after the message, so it reads in that order), the status, the unit's officers
 * told by e-mail, audited. Called inside the caller's transaction, under the case's row lock.
 */
export async function reopenForResidentMessage(
  trx: Db,
  row: NonNullable<Awaited<ReturnType<typeof repo.findCase>>>,
  at: Date,
  baseUrl: string | undefined,
): Promise<void> {
  await repo.insertEvents(trx, [
    {
      tenantId: row.tenant_id,
      caseId: row.id,
      kind: 'reopened',
      at: new Date(at.getTime() + 1),
      actorUserId: null,
      actorLabel: 'invånare',
      body: null,
      data: { reason: 'resident_message' },
      visibleToResident: true,
    },
  ]);
  await repo.updateCase(trx, row.tenant_id, row.id, { status: 'in_progress', resolved_at: null });
  const notified = await notifyReopenedByResident(
    trx,
    {
      tenantId: row.tenant_id,
      id: row.id,
      caseNumber: row.case_number,
      unitId: row.unit_id,
      unitName: row.unit_name,
      assigneeUserId: row.assignee_user_id,
    },
    baseUrl,
  );
  await recordAudit(trx, {
    tenantId: row.tenant_id,
    actorUserId: null,
    actorLabel: 'invånare',
    action: 'case.reopened',
    entity: 'case',
    entityId: row.id,
    data: { reason: 'resident_message', notified },
  });
}
