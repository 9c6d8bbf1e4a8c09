// Open311 GeoReport v2 mapped onto Insyn: a service is a category, a service request is a case.
// jurisdiction_id is the municipality's slug. Security-relevant: output carries no personal data
// (no resident's message, names, contact details or staff) — see open311.requests.ts.
import type { Db } from '../../db/database.ts';
import type { CaseType } from '../../db/schema-cases.ts';
import { AppError } from '../../http/errors.ts';
import { isLang, type Lang } from '../../web/i18n.ts';
import { actorFromToken } from '../accounts/accounts.service.ts';
import type { Actor } from '../accounts/actor.ts';
import { CASE_TYPES } from '../cases/cases.schemas.ts';
import { createCase, firstResponseDaysByCategory } from '../cases/cases.service.ts';
import { listCategories } from '../cases/categories.service.ts';
import { listUnits } from '../org/org.service.ts';
import { listTenants, type Tenant } from '../tenants/tenants.repo.ts';
import { requireTenant } from '../tenants/tenants.service.ts';
import { attributesOf, coordinate, Open311Error, text } from './open311.input.ts';
import { insertRequestExtra } from './open311.repo.ts';
import { localName, notice } from './open311.requests.ts';

export { Open311Error } from './open311.input.ts';

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
      throw new Open311Error(404, `Unknown jurisdiction_id "${jurisdictionId.slice(0, 100)}".`);
    }
  }
  const tenants = await listTenants(db);
  if (tenants.length === 1) return tenants[0];
  throw new Open311Error(400, 'jurisdiction_id is required (the municipality’s slug).');
}

/**
 * Security-relevant: the caller's personal API token, from the Authorization header (already
 * checked by the app's auth hook) or an api_key parameter; it must belong to this municipality.
 * A wrong key is a 403, as the spec's clients expect.
 */
export async function integrationActor(
  db: Db,
  tenant: Tenant,
  headerActor: Actor | null,
  apiKey: string | undefined,
  { required }: { required: boolean },
): Promise<Actor | undefined> {
  const actor = headerActor ?? (apiKey ? await actorFromToken(db, apiKey) : undefined);
  if (apiKey && !headerActor && !actor) throw new Open311Error(403, 'Invalid api_key.');
  if (!actor) {
    if (required) throw new Open311Error(403, 'A valid api_key is required.');
    return undefined;
  }
  if (actor.tenantId !== tenant.id) throw new Open311Error(403, 'The api_key does not belong to this jurisdiction.');
  return actor;
}

export async function requireIntegrationActor(
  db: Db,
  tenant: Tenant,
  headerActor: Actor | null,
  apiKey: string | undefined,
): Promise<Actor> {
  const actor = await integrationActor(db, tenant, headerActor, apiKey, { required: true });
  if (!actor) throw new Open311Error(403, 'A valid api_key is required.');
  return actor;
}

const TYPE_NAMES: Record<CaseType, Record<Lang, string>> = {
  question: { sv: 'Fråga', fi: 'Kysymys', en: 'Question' },
  praise: { sv: 'Beröm', fi: 'Kiitos', en: 'Praise' },
  complaint: { sv: 'Klagomål', fi: 'Valitus', en: 'Complaint' },
  suggestion: { sv: 'Förslag', fi: 'Ehdotus', en: 'Suggestion' },
  error_report: { sv: 'Felanmälan', fi: 'Vikailmoitus', en: 'Error report' },
};

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
  const [categories, units, days] = await Promise.all([
    listCategories(db, tenant.id, { activeOnly: true }),
    listUnits(db, tenant.id),
    // The cases module's one rule (category > nearest unit override > tenant), as intake uses it.
    firstResponseDaysByCategory(db, tenant.id),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return categories.map((c) => ({
    service_code: c.code,
    service_name: localName(c, lang),
    description: `${localName(c, lang)} – ${unitName.get(c.unitId) ?? ''}. ${promise(days.get(c.id) ?? tenant.firstResponseDays, lang)}`,
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
  const categories = await listCategories(db, tenant.id, { activeOnly: true });
  if (!categories.some((c) => c.code === code)) throw new Open311Error(404, `Unknown service_code "${code.slice(0, 100)}".`);
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

/**
 * POST requests: the caller's personal API token (a user with a case role of the same
 * municipality, e.g. the contact centre's integration user) files the case; channel self_service.
 * The case and what Open311 adds to it (location, media, attributes) are stored in one transaction.
 */
export async function createRequest(actor: Actor, tenant: Tenant, params: Record<string, unknown>, lang: Lang, { db }: { db: Db }) {
  const serviceCode = text(params.service_code, 'service_code', 40);
  if (!serviceCode) throw new Open311Error(400, 'service_code is required.');
  const categories = await listCategories(db, tenant.id, { activeOnly: true });
  if (!categories.some((c) => c.code === serviceCode)) throw new Open311Error(404, `Unknown service_code "${serviceCode}".`);
  const description = text(params.description, 'description', 10000);
  if (!description) throw new Open311Error(400, 'description is required.');
  const attributes = attributesOf(params);
  const type = typeof attributes.type === 'string' ? attributes.type : 'error_report';
  if (!(CASE_TYPES as readonly string[]).includes(type)) {
    throw new Open311Error(400, `attribute[type] must be one of ${CASE_TYPES.join(', ')}.`);
  }
  const lat = coordinate(params.lat, 'lat', 90);
  const long = coordinate(params.long ?? params.lon, 'long', 180);
  if ((lat === undefined) !== (long === undefined)) throw new Open311Error(400, 'lat and long must be given together.');
  const addressString = text(params.address_string, 'address_string', 500);
  const addressId = text(params.address_id, 'address_id', 200);
  // FixMyStreet's multi_photos option repeats media_url: the first is the request's, all go to the officer.
  const mediaUrls = (Array.isArray(params.media_url) ? params.media_url : [params.media_url])
    .map((v) => text(v, 'media_url', 2000))
    .filter((v): v is string => v !== undefined);
  if (mediaUrls.some((u) => !/^https?:\/\/\S+$/i.test(u))) throw new Open311Error(400, 'media_url must be an http(s) URL.');
  const mediaUrl = mediaUrls[0];
  const name = [text(params.first_name, 'first_name', 100), text(params.last_name, 'last_name', 100)].filter(Boolean).join(' ');
  const email = text(params.email, 'email', 254);
  const phone = text(params.phone, 'phone', 50);
  const place = [addressString, lat !== undefined ? `${lat}, ${long}` : ''].filter(Boolean).join(' – ');
  const message = [description, place ? `Plats: ${place}` : '', ...mediaUrls.map((u) => `Bild: ${u}`)].filter(Boolean).join('\n\n');
  try {
    const created = await createCase(
      actor,
      {
        type,
        channel: 'self_service',
        category: serviceCode,
        message,
        contact: { name: name || null, email: email ?? null, phone: phone ?? null },
        language: lang,
      },
      {
        db,
        messagesLang: 'en',
        onCreated: (trx, caseId) =>
          insertRequestExtra(trx, tenant.id, {
            caseId,
            source: 'open311',
            description,
            lat: lat ?? null,
            long: long ?? null,
            addressString: addressString ?? null,
            addressId: addressId ?? null,
            mediaUrl: mediaUrl ?? null,
            attributes,
          }),
      },
    );
    return {
      service_request_id: created.case.caseNumber,
      service_notice: notice({ status: 'new', firstResponseDue: created.case.firstResponseDue }, lang),
      account_id: null,
    };
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
