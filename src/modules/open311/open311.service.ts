// Open311 GeoReport v2 mapped onto Insyn: a service is a category, a service request is a case.
// jurisdiction_id is the municipality's slug. Security-relevant: output carries no personal data
// (no message text, names, contact details or staff) — see open311.repo.ts.
import type { Db } from '../../db/database.ts';
import type { CaseType } from '../../db/schema-cases.ts';
import { AppError } from '../../http/errors.ts';
import { formatLongDate, isLang, type Lang } from '../../web/i18n.ts';
import type { Actor } from '../accounts/actor.ts';
import { CASE_TYPES } from '../cases/cases.schemas.ts';
import { createCase } from '../cases/cases.service.ts';
import { listCategories } from '../cases/categories.service.ts';
import { listUnits } from '../org/org.service.ts';
import { listTenants, type Tenant } from '../tenants/tenants.repo.ts';
import { requireTenant } from '../tenants/tenants.service.ts';
import { listPublicRequests, type PublicRequestRow } from './open311.repo.ts';

export class Open311Error extends Error {
  readonly status: number;
  constructor(status: number, description: string) {
    super(description);
    this.status = status;
  }
}

export function langOf(locale: unknown): Lang {
  const code = typeof locale === 'string' ? locale.slice(0, 2).toLowerCase() : '';
  return isLang(code) ? code : 'sv';
}

/** The municipality named by jurisdiction_id; optional only when the installation has one. */
export async function resolveJurisdiction(db: Db, jurisdictionId: string | undefined): Promise<Tenant> {
  if (jurisdictionId) {
    try {
      return await requireTenant(db, jurisdictionId);
    } catch {
      throw new Open311Error(404, `Unknown jurisdiction_id "${jurisdictionId}".`);
    }
  }
  const tenants = await listTenants(db);
  if (tenants.length === 1) return tenants[0];
  throw new Open311Error(400, 'jurisdiction_id is required (the municipality’s slug).');
}

const TYPE_NAMES: Record<CaseType, Record<Lang, string>> = {
  question: { sv: 'Fråga', fi: 'Kysymys', en: 'Question' },
  praise: { sv: 'Beröm', fi: 'Kiitos', en: 'Praise' },
  complaint: { sv: 'Klagomål', fi: 'Valitus', en: 'Complaint' },
  suggestion: { sv: 'Förslag', fi: 'Ehdotus', en: 'Suggestion' },
  error_report: { sv: 'Felanmälan', fi: 'Vikailmoitus', en: 'Error report' },
};

function localName(c: { name: string; nameFi: string | null; nameEn: string | null }, lang: Lang): string {
  return (lang === 'fi' ? c.nameFi : lang === 'en' ? c.nameEn : null) ?? c.name;
}

function promise(days: number, lang: Lang): string {
  if (lang === 'fi') return `Vastaamme ${days} työpäivän kuluessa.`;
  if (lang === 'en') return `We get back to you within ${days} working day${days === 1 ? '' : 's'}.`;
  return `Vi återkopplar inom ${days} arbetsdag${days === 1 ? '' : 'ar'}.`;
}

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export async function listServices(db: Db, tenant: Tenant, lang: Lang): Promise<Open311Service[]> {
  const [categories, units] = await Promise.all([listCategories(db, tenant.id, { activeOnly: true }), listUnits(db, tenant.id)]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return categories.map((c) => ({
    service_code: c.code,
    service_name: localName(c, lang),
    description: `${localName(c, lang)} – ${unitName.get(c.unitId) ?? ''}. ${promise(c.firstResponseDays ?? tenant.firstResponseDays, lang)}`,
    metadata: true,
    type: 'realtime',
    keywords: '',
    group: unitName.get(c.unitId) ?? '',
  }));
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: {
    variable: boolean;
    code: string;
    datatype: 'singlevaluelist';
    required: boolean;
    datatype_description: string;
    order: number;
    description: string;
    values: { key: string; name: string }[];
  }[];
}

/** One attribute: what the request is (question, praise, complaint, suggestion, error report). */
export async function serviceDefinition(db: Db, tenant: Tenant, code: string, lang: Lang): Promise<Open311ServiceDefinition> {
  const services = await listServices(db, tenant, lang);
  if (!services.some((s) => s.service_code === code)) throw new Open311Error(404, `Unknown service_code "${code}".`);
  return {
    service_code: code,
    attributes: [
      {
        variable: true,
        code: 'type',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: 'Default: error_report',
        order: 1,
        description: lang === 'fi' ? 'Mistä on kyse?' : lang === 'en' ? 'What is it about?' : 'Vad gäller det?',
        values: CASE_TYPES.map((t) => ({ key: t, name: TYPE_NAMES[t][lang] })),
      },
    ],
  };
}

/** End of the local (Europe/Stockholm) day `date`, as a W3C date-time with its UTC offset. */
export function endOfLocalDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const noon = new Date(Date.UTC(y, m - 1, d, 12));
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' })
    .formatToParts(noon)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = name?.replace('GMT', '') || '+00:00';
  return `${date}T23:59:59${offset}`;
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string;
}

function statusNotes(r: PublicRequestRow, lang: Lang): string {
  const date = (d: string) => formatLongDate(d, lang);
  if (r.referredTo)
    return lang === 'fi' ? `Ohjattu: ${r.referredTo}` : lang === 'en' ? `Referred to ${r.referredTo}` : `Hänvisad till ${r.referredTo}`;
  if (r.status === 'resolved') return lang === 'fi' ? 'Käsitelty' : lang === 'en' ? 'Closed' : 'Avslutad';
  if (r.firstResponseDate && r.nextFeedbackDue) {
    return lang === 'fi'
      ? `Seuraava vastaus viimeistään ${date(r.nextFeedbackDue)}`
      : lang === 'en'
        ? `Next feedback by ${date(r.nextFeedbackDue)}`
        : `Nästa återkoppling senast ${date(r.nextFeedbackDue)}`;
  }
  if (r.firstResponseDate)
    return lang === 'fi' ? 'Vastattu, käsittelyssä' : lang === 'en' ? 'Answered, in progress' : 'Besvarad, under handläggning';
  return lang === 'fi' ? 'Vastaanotettu' : lang === 'en' ? 'Received' : 'Mottagen';
}

function notice(due: string, lang: Lang): string {
  if (lang === 'fi') return `Palaamme asiaan viimeistään ${formatLongDate(due, lang)}.`;
  if (lang === 'en') return `We will get back to you by ${formatLongDate(due, lang)}.`;
  return `Vi återkopplar senast ${formatLongDate(due, lang)}.`;
}

export function presentRequest(r: PublicRequestRow, lang: Lang): Open311Request {
  return {
    service_request_id: r.caseNumber,
    status: r.status === 'resolved' ? 'closed' : 'open',
    status_notes: statusNotes(r, lang),
    service_name: localName({ name: r.serviceName, nameFi: r.serviceNameFi, nameEn: r.serviceNameEn }, lang),
    service_code: r.serviceCode,
    agency_responsible: r.unitName,
    service_notice: notice(r.firstResponseDue, lang),
    requested_datetime: r.receivedAt.toISOString(),
    updated_datetime: r.updatedAt.toISOString(),
    expected_datetime: endOfLocalDay(r.firstResponseDue),
  };
}

export interface RequestQuery {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
}

const DEFAULT_DAYS = 90;
const MAX_RESULTS = 1000;

function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
}

function instant(value: string | undefined, name: string): Date | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Open311Error(400, `${name} must be a W3C date-time, e.g. 2026-09-01T00:00:00+02:00.`);
  return d;
}

/** GET requests: by default the last 90 days, newest first, at most 1000. */
export async function listRequests(db: Db, tenant: Tenant, q: RequestQuery, lang: Lang): Promise<Open311Request[]> {
  const caseNumbers = list(q.service_request_id);
  const statuses = list(q.status);
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'status must be open or closed.');
  let start = instant(q.start_date, 'start_date');
  const end = instant(q.end_date, 'end_date');
  if (!caseNumbers && !start) start = new Date((end ?? new Date()).getTime() - DEFAULT_DAYS * 86_400_000);
  const rows = await listPublicRequests(db, tenant.id, {
    caseNumbers,
    serviceCodes: list(q.service_code),
    start,
    end,
    statuses: statuses as ('open' | 'closed')[] | undefined,
    limit: MAX_RESULTS,
  });
  return rows.map((r) => presentRequest(r, lang));
}

export async function getRequest(db: Db, tenant: Tenant, id: string, lang: Lang): Promise<Open311Request> {
  const [row] = await listPublicRequests(db, tenant.id, { caseNumbers: [id], limit: 1 });
  if (!row) throw new Open311Error(404, `Unknown service_request_id "${id}".`);
  return presentRequest(row, lang);
}

export interface PostRequestInput {
  service_code?: string;
  description?: string;
  type?: string;
  lat?: string;
  long?: string;
  address_string?: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
}

/**
 * POST requests: the caller's personal API token (a user with a case role of the same
 * municipality, e.g. the contact centre's integration user) files the case; channel self_service.
 */
export async function createRequest(actor: Actor, tenant: Tenant, input: PostRequestInput, lang: Lang, { db }: { db: Db }) {
  if (actor.tenantId !== tenant.id) throw new Open311Error(403, 'The api_key does not belong to this jurisdiction.');
  if (!input.service_code) throw new Open311Error(400, 'service_code is required.');
  const type = input.type ?? 'error_report';
  if (!(CASE_TYPES as readonly string[]).includes(type))
    throw new Open311Error(400, `attribute[type] must be one of ${CASE_TYPES.join(', ')}.`);
  const place = [input.address_string?.trim(), input.lat && input.long ? `${input.lat}, ${input.long}` : ''].filter(Boolean).join(' – ');
  const message = [input.description?.trim() ?? '', place ? `Plats: ${place}` : ''].filter(Boolean).join('\n\n');
  const name = [input.first_name?.trim(), input.last_name?.trim()].filter(Boolean).join(' ');
  try {
    const created = await createCase(
      actor,
      {
        type,
        channel: 'self_service',
        category: input.service_code,
        message,
        contact: { name: name || null, email: input.email?.trim() || null, phone: input.phone?.trim() || null },
        language: lang,
      },
      { db, messagesLang: 'en' },
    );
    return { service_request_id: created.case.caseNumber, service_notice: notice(created.case.firstResponseDue, lang), account_id: null };
  } catch (error) {
    if (error instanceof AppError) {
      const detail = error.fields.map((f) => `${openName(f.field)}: ${f.message}`).join(' ');
      throw new Open311Error(error.status, detail || error.message);
    }
    throw error;
  }
}

function openName(field: string): string {
  const names: Record<string, string> = {
    category: 'service_code',
    message: 'description',
    type: 'attribute[type]',
    'contact.email': 'email',
    'contact.phone': 'phone',
    'contact.name': 'first_name/last_name',
  };
  return names[field] ?? field;
}
