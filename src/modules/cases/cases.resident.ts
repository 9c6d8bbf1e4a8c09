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

/** Adds the resident's message to the timeline; 404 for an unknown token. */
export async function addResidentMessage(db: Db, tenantId: string, token: string, text: string): Promise<ResidentCaseView> {
  const value = validate(ResidentMessageInput, { text }, { text: 'Skriv ditt meddelande (högst 10 000 tecken).' });
  const row = await caseOfToken(db, tenantId, token);
  if (!row) throw notFound('Ärendet');
  await db.transaction().execute(async (trx) => {
    await repo.insertEvents(trx, [
      {
        tenantId,
        caseId: row.id,
        kind: 'resident_message',
        at: new Date(),
        actorUserId: null,
        actorLabel: 'invånare',
        body: value.text.trim(),
        data: {},
        visibleToResident: true,
      },
    ]);
    await repo.updateCase(trx, tenantId, row.id, {});
    await recordAudit(trx, {
      tenantId,
      actorUserId: null,
      actorLabel: 'invånare',
      action: 'case.resident_message',
      entity: 'case',
      entityId: row.id,
    });
  });
  const view = await findCaseByTrackingToken(db, tenantId, token);
  if (!view) throw notFound('Ärendet');
  return view;
}
