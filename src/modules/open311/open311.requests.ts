// GET requests and GET requests/:id: cases as GeoReport service requests. Security-relevant: a
// request shows its description and location only when it came in through Open311 (the client
// sent them to be published) or staff published it; never the resident's own message, contact
// data, staff names or notes.
import type { Db } from '../../db/database.ts';
import { dateTimeFormat, formatLongDate, type Lang } from '../../web/i18n.ts';
import { listPublicCases, type PublicCaseRow } from '../cases/cases.open311-facing.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import { list, Open311Error, w3c, w3cInstant } from './open311.input.ts';
import { type RequestExtra, requestExtras } from './open311.repo.ts';

export function localName(c: { name: string; nameFi: string | null; nameEn: string | null }, lang: Lang): string {
  return (lang === 'fi' ? c.nameFi : lang === 'en' ? c.nameEn : null) ?? c.name;
}

/** End of the local (Europe/Stockholm) day `date`, as a W3C date-time with its UTC offset. */
export function endOfLocalDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const noon = new Date(Date.UTC(y, m - 1, d, 12));
  const name = dateTimeFormat('en-US', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' })
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
  description?: string;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  /** The first-feedback deadline: the end of the working day by which the municipality answers first. */
  expected_datetime: string;
  address?: string;
  address_id?: string;
  lat?: number;
  long?: number;
  media_url?: string;
}

type StatusFields = Pick<PublicCaseRow, 'status' | 'referredTo' | 'firstResponseDate' | 'nextFeedbackDue'>;

export function statusNotes(r: StatusFields, lang: Lang): string {
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

/**
 * What the municipality will do next. A closed request promises nothing; an open one promises
 * first feedback by its deadline until it is answered, then the next feedback if one is promised.
 */
export function notice(
  r: { status: PublicCaseRow['status']; firstResponseDue: string; firstResponseDate?: string | null; nextFeedbackDue?: string | null },
  lang: Lang,
): string {
  if (r.status === 'resolved') return '';
  const date = (d: string) => formatLongDate(d, lang);
  if (!r.firstResponseDate) {
    if (lang === 'fi') return `Palaamme asiaan viimeistään ${date(r.firstResponseDue)}.`;
    if (lang === 'en') return `We will get back to you by ${date(r.firstResponseDue)}.`;
    return `Vi återkopplar senast ${date(r.firstResponseDue)}.`;
  }
  if (r.nextFeedbackDue) {
    if (lang === 'fi') return `Seuraava vastaus viimeistään ${date(r.nextFeedbackDue)}.`;
    if (lang === 'en') return `Next feedback by ${date(r.nextFeedbackDue)}.`;
    return `Nästa återkoppling senast ${date(r.nextFeedbackDue)}.`;
  }
  return '';
}

/** Whether a request's own description and location may be shown. */
export function isPublic(extra: RequestExtra | undefined): extra is RequestExtra {
  return extra !== undefined && (extra.source === 'open311' || extra.description !== null);
}

export function presentRequest(r: PublicCaseRow, extra: RequestExtra | undefined, lang: Lang): Open311Request {
  const shown = isPublic(extra) ? extra : undefined;
  return {
    service_request_id: r.caseNumber,
    status: r.status === 'resolved' ? 'closed' : 'open',
    status_notes: statusNotes(r, lang),
    service_name: localName({ name: r.serviceName, nameFi: r.serviceNameFi, nameEn: r.serviceNameEn }, lang),
    service_code: r.serviceCode,
    ...(shown?.description ? { description: shown.description } : {}),
    agency_responsible: r.unitName,
    service_notice: notice(r, lang),
    requested_datetime: w3c(r.receivedAt),
    updated_datetime: w3c(r.updatedAt),
    expected_datetime: endOfLocalDay(r.firstResponseDue),
    ...(shown?.addressString ? { address: shown.addressString } : {}),
    ...(shown?.addressId ? { address_id: shown.addressId } : {}),
    ...(shown && shown.lat !== null && shown.long !== null ? { lat: shown.lat, long: shown.long } : {}),
    ...(shown?.mediaUrl ? { media_url: shown.mediaUrl } : {}),
  };
}

export interface RequestQuery {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
  page?: number;
  page_size?: number;
}

export const WINDOW_DAYS = 90;
export const MAX_PAGE_SIZE = 1000;
const DAY_MS = 86_400_000;

/** The spec's window: [start, end], by default the 90 days up to end (or now) or from start, never wider than 90 days. */
export function window(q: { start_date?: string; end_date?: string }, now = new Date()): { start: Date; end: Date } {
  let start = w3cInstant(q.start_date, 'start_date');
  let end = w3cInstant(q.end_date, 'end_date');
  if (!end) end = start ? new Date(start.getTime() + WINDOW_DAYS * DAY_MS) : now;
  if (!start) start = new Date(end.getTime() - WINDOW_DAYS * DAY_MS);
  if (start.getTime() > end.getTime()) throw new Open311Error(400, 'start_date must not be after end_date.');
  if (end.getTime() - start.getTime() > WINDOW_DAYS * DAY_MS) {
    throw new Open311Error(400, `start_date and end_date may span at most ${WINDOW_DAYS} days.`);
  }
  return { start, end };
}

const MAX_PAGE = 100_000;

/** page (from 1) and page_size (1–1000) as limit and offset; 400 for Infinity, 1e308 or fractions the schema let through. */
export function paging(q: { page?: unknown; page_size?: unknown }): { limit: number; offset: number } {
  const page = q.page ?? 1;
  const size = q.page_size ?? MAX_PAGE_SIZE;
  if (typeof page !== 'number' || !Number.isSafeInteger(page) || page < 1 || page > MAX_PAGE) {
    throw new Open311Error(400, `page must be a whole number from 1 to ${MAX_PAGE}.`);
  }
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new Open311Error(400, `page_size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }
  return { limit: size, offset: (page - 1) * size };
}

async function withExtras(db: Db, tenant: Tenant, rows: PublicCaseRow[], lang: Lang): Promise<Open311Request[]> {
  const extras = await requestExtras(
    db,
    tenant.id,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentRequest(r, extras.get(r.id), lang));
}

/** GET requests: by default the last 90 days, newest first, page by page (page_size at most 1000). */
export async function listRequests(db: Db, tenant: Tenant, q: RequestQuery, lang: Lang): Promise<Open311Request[]> {
  const { limit: pageSize, offset } = paging(q);
  const caseNumbers = list(q.service_request_id);
  if (caseNumbers) {
    // With ids, the spec ignores every other filter.
    const rows = await listPublicCases(db, tenant.id, { caseNumbers, limit: pageSize, offset });
    return withExtras(db, tenant, rows, lang);
  }
  const statuses = list(q.status);
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'status must be open or closed.');
  const { start, end } = window(q);
  const rows = await listPublicCases(db, tenant.id, {
    serviceCodes: list(q.service_code),
    start,
    end,
    statuses: statuses as ('open' | 'closed')[] | undefined,
    limit: pageSize,
    offset,
  });
  return withExtras(db, tenant, rows, lang);
}

export async function getRequest(db: Db, tenant: Tenant, id: string, lang: Lang): Promise<Open311Request> {
  const [row] = await listPublicCases(db, tenant.id, { caseNumbers: [id], limit: 1, offset: 0 });
  if (!row) throw new Open311Error(404, `Unknown service_request_id "${id.slice(0, 100)}".`);
  return (await withExtras(db, tenant, [row], lang))[0];
}
