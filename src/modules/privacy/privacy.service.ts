// A person's data on request (GDPR art. 15–17): find everything the tenant holds about an e-mail
// address or a phone number — cases, after-contact survey questions, outbox messages — export it,
// rectify a case's contact details, and erase what the law allows. Security-relevant: admin only,
// tenant-scoped in every query, and every search, export, rectification and erasure is audited
// with the search term masked.
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { maskPersonalData } from '../audit/audit.mask.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { findCasesOfPerson, PERSON_CASE_LIMIT, type PersonCase, rectifyCaseContact } from '../cases/cases.person-facing.ts';
import { eraseMailToPerson, findMailToPerson, PERSON_MAIL_LIMIT, type PersonMail } from '../mail/mail.person-facing.ts';
import { eraseSurveyInvitationOfPerson, findSatisfactionOfPerson, type PersonSurveyInvitation } from '../satisfaction/index.ts';
import { findTenantById } from '../tenants/tenants.repo.ts';
import {
  ERASE_MESSAGES,
  type ErasableKind,
  EraseInput,
  type PersonTerm,
  personTerm,
  RECTIFY_MESSAGES,
  RectifyInput,
} from './privacy.input.ts';

/** Who may see and handle a person's data: the tenant's administrators (the controller's agents). */
export const PRIVACY_ROLES = ['admin'] as const;

/** May this kind of record be erased on a person's request, and why (or why not). */
export const ERASURE_RULES: Record<ErasableKind, { allowed: boolean; reason: string }> = {
  case: {
    allowed: false,
    reason:
      'Ärendet är en allmän handling (tryckfrihetsförordningen 2 kap.) som kommunen ska bevara enligt arkivlagen (1990:782). ' +
      'Rätten till radering gäller inte när behandlingen krävs enligt lag (dataskyddsförordningen art. 17.3 b). ' +
      'Personuppgifterna tas bort först genom gallring enligt kommunens gallringsbeslut (dokumenthanteringsplanen). ' +
      'Felaktiga kontaktuppgifter kan däremot rättas.',
  },
  outbox: {
    allowed: true,
    reason:
      'Ett utskick i e-postkön är en transportkopia, inte den allmänna handlingen (det som svarades finns i ärendet), och kan raderas. ' +
      'Ett utskick som ännu inte skickats skickas då aldrig.',
  },
  survey_invitation: {
    allowed: true,
    reason:
      'Nöjdhetsfrågan är frivillig uppföljning. Kopplingen till e-postadressen, svarslänken och den fria kommentaren raderas; ' +
      'betyget finns kvar utan koppling till personen, som statistik.',
  },
};

export interface PersonSurveyRow extends PersonSurveyInvitation {
  /** The case's number when that case is among the person's cases. */
  caseNumber: string | null;
}

export interface PersonData {
  controller: { name: string; orgNumber: string | null };
  generatedAt: Date;
  term: PersonTerm;
  cases: PersonCase[];
  surveyInvitations: PersonSurveyRow[];
  optedOutOfSurveysAt: Date | null;
  outbox: PersonMail[];
  /** A source had more rows than a search returns. */
  truncated: boolean;
}

// A link in an e-mail with a long token-like segment (tracking, survey answer) is a credential:
// it is not shown to staff nor put into an export.
const SECRET_LINK = /https?:\/\/[^\s]*?[A-Za-z0-9_-]{16,}[^\s]*/g;
export const redactLinks = (text: string) => text.replace(SECRET_LINK, '[länk borttagen]');

async function collect(db: Db, tenantId: string, term: PersonTerm): Promise<PersonData> {
  const tenant = await findTenantById(db, tenantId);
  const [cases, satisfaction, outbox] = await Promise.all([
    findCasesOfPerson(db, tenantId, term),
    term.email ? findSatisfactionOfPerson(db, tenantId, term.email) : Promise.resolve({ invitations: [], optedOutAt: null }),
    term.email ? findMailToPerson(db, tenantId, term.email) : Promise.resolve([]),
  ]);
  const numbers = new Map(cases.map((c) => [c.id, c.caseNumber]));
  return {
    controller: { name: tenant?.name ?? '', orgNumber: tenant?.orgNumber ?? null },
    generatedAt: new Date(),
    term,
    cases,
    surveyInvitations: satisfaction.invitations.map((i) => ({ ...i, caseNumber: numbers.get(i.caseId) ?? null })),
    optedOutOfSurveysAt: satisfaction.optedOutAt,
    outbox: outbox.map((m) => ({ ...m, subject: redactLinks(m.subject), body: redactLinks(m.body) })),
    truncated: cases.length >= PERSON_CASE_LIMIT || outbox.length >= PERSON_MAIL_LIMIT || satisfaction.invitations.length >= 200,
  };
}

const counts = (data: PersonData) => ({
  cases: data.cases.length,
  surveyInvitations: data.surveyInvitations.length,
  outbox: data.outbox.length,
});

function audit(db: Db, actor: Actor, action: string, term: PersonTerm, data: Record<string, unknown>, entityId?: string) {
  return recordAudit(db, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    action,
    entity: 'person',
    entityId: entityId ?? null,
    data: { term: term.masked, ...data },
  });
}

/** Everything about the person in the actor's tenant; the search is audited. */
export async function searchPerson(actor: Actor, input: unknown, { db }: { db: Db }): Promise<PersonData> {
  requireAnyRole(actor, PRIVACY_ROLES);
  const term = personTerm(input);
  const data = await collect(db, actor.tenantId, term);
  await audit(db, actor, 'search', term, counts(data));
  return data;
}

export type ExportFormat = 'json' | 'html' | 'pdf';

/** The register extract (art. 15) in a format; the export is audited. */
export async function exportPerson(actor: Actor, input: unknown, format: ExportFormat, { db }: { db: Db }): Promise<PersonData> {
  requireAnyRole(actor, PRIVACY_ROLES);
  const term = personTerm(input);
  const data = await collect(db, actor.tenantId, term);
  await audit(db, actor, 'export', term, { format, ...counts(data) });
  return data;
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Rectifies a case's contact details (art. 16), in one transaction with its audit entry. */
export async function rectifyPersonCase(actor: Actor, termInput: unknown, input: unknown, { db }: { db: Db }): Promise<string> {
  requireAnyRole(actor, PRIVACY_ROLES);
  const term = personTerm(termInput);
  const value = validate(RectifyInput, input, RECTIFY_MESSAGES);
  const contact = { name: orNull(value.contactName), email: orNull(value.contactEmail), phone: orNull(value.contactPhone) };
  return db.transaction().execute(async (trx) => {
    const change = await rectifyCaseContact(trx, actor.tenantId, value.caseId, value.version, contact);
    // Masked already when written: the audit log is append-only and outlives the case's gallring.
    await audit(
      trx,
      actor,
      'rectify',
      term,
      { caseNumber: change.caseNumber, ...(maskPersonalData({ before: change.before, after: change.after }, 'contact') as object) },
      value.caseId,
    );
    return change.caseNumber;
  });
}

/**
 * Erases one record on the person's request where the law allows (art. 17); a case is refused
 * with the reason (403). In one transaction with its audit entry; a lost race is a 409.
 */
export async function erasePersonRecord(actor: Actor, termInput: unknown, input: unknown, { db }: { db: Db }): Promise<ErasableKind> {
  requireAnyRole(actor, PRIVACY_ROLES);
  const term = personTerm(termInput);
  const { kind, id } = validate(EraseInput, input, ERASE_MESSAGES);
  const rule = ERASURE_RULES[kind];
  if (!rule.allowed) {
    await audit(db, actor, 'erase_refused', term, { kind }, id);
    throw new AppError('forbidden', `Ärendet kan inte raderas på begäran. ${rule.reason}`);
  }
  const email = term.email;
  if (!email) throw new AppError('validation', 'Utskick och enkätinbjudningar hittas med e-postadress. Sök på e-postadressen.');
  await db.transaction().execute(async (trx) => {
    const detail =
      kind === 'outbox'
        ? await eraseMailToPerson(trx, actor.tenantId, id, email)
        : await eraseSurveyInvitationOfPerson(trx, actor.tenantId, id, email);
    await audit(trx, actor, 'erase', term, { kind, ...detail }, id);
  });
  return kind;
}
