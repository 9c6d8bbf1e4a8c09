// Cases: one register of every contact. Creating a case computes its first-feedback deadline
// with the tenant's working-day calendar and stores the case, its 'received' event, the audit
// entry and the receipt e-mail in one transaction.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Compilable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CaseLanguage } from '../../db/schema-cases.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { coversUnit, hasAnyRole, requireAnyRole } from '../accounts/policy.ts';
import { auditInsert, recordAudit } from '../audit/audit.repo.ts';
import { tenantCalendar } from '../calendar/calendar.service.ts';
import { localDate } from '../calendar/calendar.ts';
import { enqueueMailQuery } from '../mail/mail.service.ts';
import { getUnit, unitPath } from '../org/org.service.ts';
import { findTenantById } from '../tenants/tenants.repo.ts';
import { firstResponseDue, resolveDaysByCategory } from './cases.deadline.ts';

export { formatWorkingDays } from './cases.deadline.ts';

import { receiptMail } from './cases.mail.ts';
import { type CaseView, presentCase, presentEvent } from './cases.present.ts';
import * as repo from './cases.repo.ts';
import { CreateCaseInput, messagesFor } from './cases.schemas.ts';
import { findCategoryByCode, listCategories } from './categories.service.ts';
import { forgetIntakeSettings, intakeSettings } from './intake-settings.ts';

export { addCaseEvent } from './cases.events.ts';
export { type CaseListQuery, listCases } from './cases.inbox.ts';
export type { CaseEventView, CaseView } from './cases.present.ts';
export { addResidentMessage, findCaseByTrackingToken } from './cases.resident.ts';
export { CASE_CHANNEL_NAMES, CASE_TYPE_NAMES, CaseEventInput, CreateCaseInput, messagesFor } from './cases.schemas.ts';

/** Roles that register contacts and work cases. */
export const CASE_ROLES = ['agent', 'officer', 'quality', 'admin'] as const;

export interface CaseDeps {
  db: Db;
  /** The tenant of a resident's case (actor null); ignored when an actor is given. */
  tenantId?: string;
  /** Language of the validation messages (default: the input's language, else Swedish). */
  messagesLang?: CaseLanguage;
  /** Builds the resident's private tracking link for the receipt e-mail. */
  trackingUrl?: (token: string) => string;
  /** Runs in the transaction that stores a new case (not on a replay): another module's record of it, all or nothing. */
  onCreated?: (trx: Db, caseId: string) => Promise<void>;
}

export function hashTrackingToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function formatCaseNumber(year: number, n: number): string {
  return `${year}-${String(n).padStart(5, '0')}`;
}

/** Readers of a case: agents (any case of the tenant, to answer a caller), others on their units. */
export function canReadCase(actor: Actor, unitPathIds: readonly string[]): boolean {
  return hasAnyRole(actor, ['agent']) || coversUnit(actor, ['officer', 'quality'], unitPathIds);
}

/** Who may act on a case: staff whose grant covers the case's unit. */
export function canActOnCase(actor: Actor, unitPathIds: readonly string[]): boolean {
  return coversUnit(actor, ['officer', 'agent', 'quality'], unitPathIds);
}

const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export async function createCase(
  actor: Actor | null,
  input: unknown,
  deps: CaseDeps,
): Promise<{ case: CaseView; trackingToken: string; replayed: boolean }> {
  const { db } = deps;
  const tenantId = actor ? actor.tenantId : deps.tenantId;
  if (!tenantId) throw new Error('createCase: tenantId is required for a resident case');
  if (actor) requireAnyRole(actor, CASE_ROLES);
  const raw = input as { language?: unknown } | null;
  const lang = deps.messagesLang ?? (raw?.language === 'fi' || raw?.language === 'en' ? raw.language : 'sv');
  const messages = messagesFor(lang);
  const value = validate(CreateCaseInput, actor ? input : { ...(input as object), channel: 'web' }, messages);
  // A resident's case is received now, over the web, and cannot be closed by the resident.
  const channel = actor ? value.channel : 'web';
  const resolvedAnswer = actor ? value.resolvedAtFirstContact?.answer.trim() : undefined;

  if (value.idempotencyKey) {
    const existing = await repo.findCaseByIdempotencyKey(db, tenantId, value.idempotencyKey);
    if (existing) return { case: presentCase(existing), trackingToken: '', replayed: true };
  }
  const now = new Date();
  const receivedAt = actor && value.receivedAt ? new Date(value.receivedAt) : now;
  if (receivedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
    throw invalid([{ field: 'receivedAt', message: 'Tidpunkten kan inte ligga i framtiden.' }]);
  }
  // The municipality's settings from the process's copy; the version is checked with the number below.
  let settings = await intakeSettings(db, tenantId);
  if (!settings) throw notFound('Kommunen');
  let category = settings.categoriesByCode.get(value.category);
  // An area the copy does not know may have been added a moment ago: refused only on fresh settings.
  if (!category?.active && settings.kept) {
    settings = await intakeSettings(db, tenantId, { fresh: true });
    if (!settings) throw notFound('Kommunen');
    category = settings.categoriesByCode.get(value.category);
  }
  if (!category?.active) throw invalid([{ field: 'category', message: messages.category ?? 'Välj ett område.' }]);
  const receivedDate = localDate(receivedAt);
  const year = Number(receivedDate.slice(0, 4));
  await repo.ensureCaseSequence(db, tenantId, year);
  // The number is taken only if the settings are still those computed with; else read them again.
  let caseNo: number | null = null;
  for (let attempt = 0; caseNo === null; attempt++) {
    const taken = await repo.takeCaseNumber(db, tenantId, year, attempt < 3 ? settings.version : null);
    caseNo = taken.n;
    if (caseNo !== null) break;
    forgetIntakeSettings(db, tenantId);
    settings = await intakeSettings(db, tenantId, { fresh: true });
    if (!settings) throw notFound('Kommunen');
    category = settings.categoriesByCode.get(value.category);
    if (!category?.active) throw invalid([{ field: 'category', message: messages.category ?? 'Välj ett område.' }]);
  }
  const { tenant } = settings;
  const days = settings.daysByCategory.get(category.id);
  if (days === undefined) throw notFound('Kategorin');
  const { due } = firstResponseDue(receivedAt, days, settings.calendar);
  const contact = {
    name: value.contact?.name?.trim() || null,
    email: value.contact?.email?.trim().toLowerCase() || null,
    phone: value.contact?.phone?.trim() || null,
  };
  const language = value.language ?? 'sv';
  const trackingToken = randomBytes(24).toString('base64url');
  const actorLabel = actor?.label ?? 'invånare';
  const caseNumber = formatCaseNumber(year, caseNo);
  const id = randomUUID();

  try {
    // The case, its events, its audit entry and its receipt mail: one statement, all or nothing.
    const base = { tenantId, caseId: id, at: receivedAt, actorUserId: actor?.userId ?? null, actorLabel, visibleToResident: true };
    const events: repo.EventValues[] = [{ ...base, kind: 'received', body: null, data: { channel, firstResponseDue: due, days } }];
    if (resolvedAnswer) events.push({ ...base, kind: 'resolved', body: resolvedAnswer, data: { atFirstContact: true } });
    const store = async (trx: Db) => {
      const companions: Compilable[] = [
        repo.eventsInsert(trx, events),
        auditInsert(trx, {
          tenantId,
          actorUserId: actor?.userId ?? null,
          actorLabel,
          action: 'case.create',
          entity: 'case',
          entityId: id,
          data: {
            caseNumber,
            type: value.type,
            channel,
            category: category.code,
            firstResponseDue: due,
            resolvedAtFirstContact: Boolean(resolvedAnswer),
          },
        }),
      ];
      if (contact.email) {
        const mail = receiptMail({
          language,
          tenantName: tenant.name,
          caseNumber,
          firstResponseDue: due,
          trackingUrl: deps.trackingUrl?.(trackingToken),
          answer: resolvedAnswer,
        });
        companions.push(enqueueMailQuery(trx, { tenantId, to: contact.email, kind: 'case_receipt', refId: id, ...mail }));
      }
      return repo.insertCaseWith(
        trx,
        {
          id,
          tenant_id: tenantId,
          case_number: caseNumber,
          type: value.type,
          channel,
          category_id: category.id,
          unit_id: category.unitId,
          language,
          subject: value.subject?.trim() || null,
          message: value.message.trim(),
          contact_name: contact.name,
          contact_email: contact.email,
          contact_phone: contact.phone,
          received_at: receivedAt,
          received_date: receivedDate,
          first_response_due: due,
          first_response_at: resolvedAnswer ? receivedAt : null,
          first_response_date: resolvedAnswer ? receivedDate : null,
          status: resolvedAnswer ? 'resolved' : 'new',
          resolved_at: resolvedAnswer ? receivedAt : null,
          resolved_at_first_contact: Boolean(resolvedAnswer),
          tracking_token_hash: hashTrackingToken(trackingToken),
          idempotency_key: value.idempotencyKey ?? null,
        },
        companions,
      );
    };
    const onCreated = deps.onCreated;
    const stored = onCreated
      ? await db.transaction().execute(async (trx) => {
          const row = await store(trx);
          await onCreated(trx, id);
          return row;
        })
      : await store(db);
    const row: repo.CaseRow = {
      ...stored,
      category_code: category.code,
      category_name: category.name,
      unit_name: settings.unitNames.get(category.unitId) ?? '',
      assignee_name: null,
    };
    return { case: presentCase(row), trackingToken, replayed: false };
  } catch (error) {
    // Two requests with one Idempotency-Key: the unique index lets one win; the other returns it.
    if (value.idempotencyKey && (error as { code?: string }).code === '23505') {
      const existing = await repo.findCaseByIdempotencyKey(db, tenantId, value.idempotencyKey);
      if (existing) return { case: presentCase(existing), trackingToken: '', replayed: true };
    }
    throw error;
  }
}

/**
 * The one place a case's first-feedback deadline is computed (intake, preview, public form, API):
 * the days by `firstResponseDaysForCategory` (category > nearest unit > tenant), then the calendar.
 */
async function firstResponseDeadline(db: Db, tenantId: string, category: { id: string }, receivedAt: Date) {
  const [days, calendar] = await Promise.all([firstResponseDaysForCategory(db, tenantId, category.id), tenantCalendar(db, tenantId)]);
  return { days, ...firstResponseDue(receivedAt, days, calendar) };
}

export interface FirstResponsePreview {
  unitName: string;
  days: number;
  due: string;
}

/**
 * What the agent sees before saving a contact: the unit that will own it and the date first
 * feedback is due, computed exactly as createCase will. Undefined for an unknown or inactive area.
 */
export async function previewFirstResponse(
  actor: Actor,
  input: { category: string; receivedAt: Date },
  { db }: { db: Db },
): Promise<FirstResponsePreview | undefined> {
  requireAnyRole(actor, CASE_ROLES);
  const category = input.category ? await findCategoryByCode(db, actor.tenantId, input.category) : undefined;
  if (!category?.active) return undefined;
  const tenant = await findTenantById(db, actor.tenantId);
  if (!tenant) throw notFound('Kommunen');
  const [{ days, due }, unit] = await Promise.all([
    firstResponseDeadline(db, actor.tenantId, category, input.receivedAt),
    getUnit(db, actor.tenantId, category.unitId),
  ]);
  return { unitName: unit.name, days, due };
}

/** Loads a case the actor may read, or 404 (another tenant's case, or a unit the actor does not cover). */
export async function loadReadableCase(actor: Actor, id: string, db: Db) {
  const row = await repo.findCase(db, actor.tenantId, id);
  if (!row) throw notFound('Ärendet');
  const path = await unitPath(db, actor.tenantId, row.unit_id);
  if (!canReadCase(actor, path)) throw notFound('Ärendet');
  return { row, path };
}

export async function getCase(actor: Actor, id: string, { db }: { db: Db }) {
  const { row } = await loadReadableCase(actor, id, db);
  const events = await repo.listEvents(db, actor.tenantId, id);
  return { ...presentCase(row), events: events.map(presentEvent) };
}

/** The local date today in Europe/Stockholm. */
export function today(): string {
  return localDate(new Date());
}

/** Timing of cases whose first-feedback deadline falls in [dueFrom, dueTo] (statistics). */
export function caseTimings(db: Db, tenantId: string, filter: repo.TimingFilter) {
  return repo.caseTimings(db, tenantId, filter);
}

export type { OutcomeCount, OutcomeCountFilter } from './cases.repo.ts';

/**
 * Cases received in [receivedFrom, receivedTo], counted in SQL per received date and date of
 * first feedback (or resolution): what the promises module judges against a promise's own rule.
 */
export function caseOutcomeCounts(db: Db, tenantId: string, filter: repo.OutcomeCountFilter) {
  return repo.caseOutcomeCounts(db, tenantId, filter);
}

/** Sets or clears a unit's override of the working days to first feedback (role admin). */
export async function setUnitFirstResponseDays(actor: Actor, unitId: string, days: number | null, { db }: { db: Db }): Promise<void> {
  requireAnyRole(actor, ['admin']);
  if (days !== null && !(Number.isInteger(days) && days >= 0 && days <= 60)) {
    throw invalid([{ field: 'firstResponseDays', message: 'Ange antal arbetsdagar som ett heltal 0–60, eller lämna tomt.' }]);
  }
  await db.transaction().execute(async (trx) => {
    if (!(await repo.setUnitFirstResponseDays(trx, actor.tenantId, unitId, days))) throw notFound('Enheten');
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'update',
      entity: 'org_unit.first_response_days',
      entityId: unitId,
      data: { firstResponseDays: days },
    });
  });
}

/**
 * Working days to first feedback for one category of a tenant (category > nearest unit > tenant,
 * by `resolveFirstResponseDays`); 404 for a category the tenant does not have.
 */
export async function firstResponseDaysForCategory(db: Db, tenantId: string, categoryId: string): Promise<number> {
  const days = (await firstResponseDaysByCategory(db, tenantId)).get(categoryId);
  if (days === undefined) throw notFound('Kategorin');
  return days;
}

/** Working days to first feedback for every category of a tenant, by category id (intake, public form, Open311). */
export async function firstResponseDaysByCategory(db: Db, tenantId: string): Promise<Map<string, number>> {
  const [tenant, units, categories] = await Promise.all([
    findTenantById(db, tenantId),
    repo.unitOverrideTree(db, tenantId),
    listCategories(db, tenantId),
  ]);
  return resolveDaysByCategory(tenant?.firstResponseDays ?? 2, units, categories);
}

/** Units with their own override of the working days to first feedback. */
export async function listUnitFirstResponseDays(db: Db, tenantId: string): Promise<{ unitId: string; firstResponseDays: number }[]> {
  const units = await repo.unitOverrideTree(db, tenantId);
  return units.flatMap((u) => (u.firstResponseDays === null ? [] : [{ unitId: u.id, firstResponseDays: u.firstResponseDays }]));
}
