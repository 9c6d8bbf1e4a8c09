// Actions on a case. Every action is a timeline event with who and when, audited in the same
// transaction; messages to the resident are e-mailed when an address is known.

import type { Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CaseEventKind, CaseTable } from '../../db/schema-cases.ts';
import { AppError, forbidden, invalid, notFound } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import { listUsers } from '../accounts/accounts.service.ts';
import type { Actor } from '../accounts/actor.ts';
import { hasAnyRole } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { tenantCalendar } from '../calendar/calendar.service.ts';
import { isValidLocalDate, localDate } from '../calendar/calendar.ts';
import { enqueueMail } from '../mail/mail.service.ts';
import { getUnit } from '../org/org.service.ts';
import { eventMail, longDate } from './cases.mail.ts';
import { type CaseView, presentCase } from './cases.present.ts';
import * as repo from './cases.repo.ts';
import { CaseEventInput, EVENT_MESSAGES } from './cases.schemas.ts';
import { canActOnCase, loadReadableCase } from './cases.service.ts';
import { fillPlaceholders, unfilledMessage, unfilledPlaceholders } from './response-templates.fill.ts';

const nextFeedback = (chosen: unknown, current: string | null, language: 'sv' | 'fi' | 'en') => {
  const date = typeof chosen === 'string' ? chosen : current;
  return date ? longDate(date, language) : null;
};

const RESIDENT_KINDS = ['first_response', 'next_feedback_promised', 'referred', 'resolved'] as const;
type ResidentKind = (typeof RESIDENT_KINDS)[number];
const isResidentKind = (k: string): k is ResidentKind => (RESIDENT_KINDS as readonly string[]).includes(k);

const text = (s: string | null | undefined) => (s ?? '').trim();
const need = (field: string, message: string) => invalid([{ field, message }]);

export async function addCaseEvent(actor: Actor, caseId: string, input: unknown, { db }: { db: Db }): Promise<CaseView> {
  const v = validate(CaseEventInput, input, EVENT_MESSAGES);
  const { row, path } = await loadReadableCase(actor, caseId, db);
  if (v.kind !== 'note' && !canActOnCase(actor, path)) throw forbidden();
  if (v.kind === 'deadline_changed' && !hasAnyRole(actor, ['admin', 'quality'])) throw forbidden();
  // Back-dated events are for imports of history only.
  if (v.at !== undefined && !hasAnyRole(actor, ['admin'])) throw forbidden();
  const at = v.at ? new Date(v.at) : new Date();
  if (at.getTime() < row.received_at.getTime()) throw need('at', 'Händelsen kan inte ligga före att ärendet kom in.');
  if (at.getTime() > Date.now() + 5 * 60 * 1000) throw need('at', 'Händelsen kan inte ligga i framtiden.');
  const atDate = localDate(at);
  const body = text(v.body) || null;
  const resolved = row.status === 'resolved';
  const set: Updateable<CaseTable> = {};
  const data: Record<string, unknown> = {};
  const firstFeedback = () => {
    if (row.first_response_at === null) {
      set.first_response_at = at;
      set.first_response_date = atDate;
    }
  };

  switch (v.kind) {
    case 'first_response':
      if (!body) throw need('body', 'Skriv återkopplingen till invånaren.');
      if (resolved) throw new AppError('conflict', 'Ärendet är avslutat. Öppna det igen först.');
      firstFeedback();
      set.status = 'in_progress';
      break;
    case 'next_feedback_promised': {
      const date = v.nextFeedbackDate ?? '';
      if (!isValidLocalDate(date)) throw need('nextFeedbackDate', 'Ange ett datum som ÅÅÅÅ-MM-DD.');
      const calendar = await tenantCalendar(db, actor.tenantId);
      if (!calendar.isWorkingDay(date)) throw need('nextFeedbackDate', 'Välj en arbetsdag (inte helg eller stängd dag).');
      if (date <= row.received_date || date <= atDate) throw need('nextFeedbackDate', 'Datumet måste ligga efter idag.');
      if (resolved) throw new AppError('conflict', 'Ärendet är avslutat. Öppna det igen först.');
      set.next_feedback_due = date;
      set.status = 'in_progress';
      data.nextFeedbackDate = date;
      break;
    }
    case 'referred': {
      const authority = text(v.authority);
      const reason = text(v.reason);
      if (!authority) throw need('authority', 'Ange vilken myndighet ärendet hänvisas till.');
      if (!reason) throw need('reason', 'Skriv varför ärendet hänvisas.');
      if (resolved) throw new AppError('conflict', 'Ärendet är redan avslutat.');
      firstFeedback();
      Object.assign(set, { referred_to: authority, status: 'resolved', resolved_at: at, next_feedback_due: null });
      Object.assign(data, { authority, reason });
      break;
    }
    case 'resolved':
      if (!body) throw need('body', 'Skriv svaret till invånaren.');
      if (resolved) throw new AppError('conflict', 'Ärendet är redan avslutat.');
      firstFeedback();
      Object.assign(set, { status: 'resolved', resolved_at: at, next_feedback_due: null });
      break;
    case 'reopened':
      if (!resolved) throw new AppError('conflict', 'Ärendet är inte avslutat.');
      Object.assign(set, { status: 'in_progress', resolved_at: null });
      if (text(v.reason)) data.reason = text(v.reason);
      break;
    case 'note':
      if (!body) throw need('body', 'Skriv anteckningen.');
      break;
    case 'reassigned': {
      const reason = text(v.reason);
      if (v.unitId === undefined && v.assigneeUserId === undefined) throw need('unitId', 'Välj en ny enhet eller handläggare.');
      if (!reason) throw need('reason', 'Skriv varför ärendet omfördelas.');
      if (v.unitId !== undefined && v.unitId !== row.unit_id) {
        try {
          await getUnit(db, actor.tenantId, v.unitId);
        } catch {
          throw need('unitId', 'Enheten finns inte.');
        }
        set.unit_id = v.unitId;
        // A new unit means a new owner unless one is named.
        if (v.assigneeUserId === undefined) set.assignee_user_id = null;
      }
      if (v.assigneeUserId !== undefined) {
        if (v.assigneeUserId !== null && !(await listUsers(db, actor.tenantId)).some((u) => u.id === v.assigneeUserId && u.active)) {
          throw need('assigneeUserId', 'Handläggaren finns inte.');
        }
        set.assignee_user_id = v.assigneeUserId;
      }
      Object.assign(data, {
        fromUnitId: row.unit_id,
        toUnitId: set.unit_id ?? row.unit_id,
        assigneeUserId: set.assignee_user_id ?? row.assignee_user_id,
        reason,
      });
      break;
    }
    case 'deadline_changed': {
      const date = v.newDueDate ?? '';
      const reason = text(v.reason);
      if (!isValidLocalDate(date)) throw need('newDueDate', 'Ange ett datum som ÅÅÅÅ-MM-DD.');
      if (date < row.received_date) throw need('newDueDate', 'Tidsfristen kan inte ligga före mottagningsdagen.');
      if (!reason) throw need('reason', 'Skriv varför tidsfristen ändras.');
      set.first_response_due = date;
      Object.assign(data, { from: row.first_response_due, to: date, reason });
      break;
    }
  }

  const kind: CaseEventKind = v.kind;
  const visible = isResidentKind(kind) || kind === 'reopened';
  // Staff answered the resident: the inbox stops marking the case as "new from the resident".
  if (visible) set.resident_wrote_at = null;
  let message = body;
  if (message && isResidentKind(kind)) {
    message = fillPlaceholders(message, {
      ärendenummer: row.case_number,
      kommun: actor.tenantName,
      svarsdatum: longDate(row.first_response_due, row.language),
      'nästa återkoppling': nextFeedback(data.nextFeedbackDate, row.next_feedback_due, row.language),
      handläggare: actor.name,
      enhet: row.unit_name,
    });
    const left = unfilledPlaceholders(message);
    if (left.length > 0) throw need('body', unfilledMessage(left));
  }
  await db.transaction().execute(async (trx) => {
    if (!(await repo.lockCase(trx, actor.tenantId, caseId))) throw notFound('Ärendet');
    // The checks above read the case before the lock; another action in between invalidates them.
    const current = await repo.findCase(trx, actor.tenantId, caseId);
    if (current?.updated_at.getTime() !== row.updated_at.getTime()) {
      throw new AppError('conflict', 'Ärendet ändrades samtidigt av någon annan. Ladda om sidan och försök igen.');
    }
    await repo.updateCase(trx, actor.tenantId, caseId, set);
    await repo.insertEvents(trx, [
      {
        tenantId: actor.tenantId,
        caseId,
        kind,
        at,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        body: message,
        data,
        visibleToResident: visible,
      },
    ]);
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: `case.${kind}`,
      entity: 'case',
      entityId: caseId,
      data: { ...data, caseNumber: row.case_number, ...(v.at ? { at: v.at } : {}) },
    });
    if (row.contact_email && isResidentKind(kind) && !v.at) {
      const tenantName = actor.tenantName;
      const mail = eventMail({
        language: row.language,
        tenantName,
        caseNumber: row.case_number,
        kind,
        body: message,
        nextFeedbackDate: data.nextFeedbackDate as string | undefined,
        authority: data.authority as string | undefined,
      });
      await enqueueMail(trx, { tenantId: actor.tenantId, to: row.contact_email, kind: `case_${kind}`, refId: caseId, ...mail });
    }
  });
  const updated = await repo.findCase(db, actor.tenantId, caseId);
  if (!updated) throw notFound('Ärendet');
  return presentCase(updated);
}
