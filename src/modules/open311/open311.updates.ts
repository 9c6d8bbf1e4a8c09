// FixMyStreet's update extension of GeoReport v2 (servicerequestupdates): the municipality's
// answers and changes of status out, a resident's update in. Security-relevant: an answer's text
// goes out only for requests that came in through Open311 and only to a caller with a valid
// api_key of the municipality; everyone else sees what happened, not what was written.
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import { formatLongDate, type Lang } from '../../web/i18n.ts';
import type { Actor } from '../accounts/actor.ts';
import { hasAnyRole } from '../accounts/policy.ts';
import { addResidentMessageFromIntegration, listPublicCaseUpdates, type PublicEventRow } from '../cases/cases.open311-facing.ts';
import { CASE_ROLES } from '../cases/cases.service.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import { Open311Error, text, w3c, w3cInstant } from './open311.input.ts';
import { requestExtras } from './open311.repo.ts';
import { paging, window } from './open311.requests.ts';

export interface Open311Update {
  update_id: string;
  service_request_id: string;
  /**
   * FixMyStreet's statuses: an answer or a promise of next feedback is IN_PROGRESS, a referral to
   * another authority NOT_COUNCILS_RESPONSIBILITY (not "fixed"), closing CLOSED, reopening OPEN.
   */
  status: 'OPEN' | 'IN_PROGRESS' | 'NOT_COUNCILS_RESPONSIBILITY' | 'CLOSED';
  /** Insyn's own event kind, for the client's response templates. */
  external_status_code: PublicEventRow['kind'];
  updated_datetime: string;
  description: string;
  media_url: string;
}

const STATUS: Record<string, Open311Update['status']> = {
  first_response: 'IN_PROGRESS',
  next_feedback_promised: 'IN_PROGRESS',
  referred: 'NOT_COUNCILS_RESPONSIBILITY',
  resolved: 'CLOSED',
  reopened: 'OPEN',
};

function summary(e: PublicEventRow, lang: Lang): string {
  const authority = typeof e.data.authority === 'string' ? e.data.authority : '';
  const next = typeof e.data.nextFeedbackDate === 'string' ? formatLongDate(e.data.nextFeedbackDate, lang) : '';
  const words: Record<string, Record<Lang, string>> = {
    first_response: { sv: 'Kommunen har svarat.', fi: 'Kunta on vastannut.', en: 'The municipality has answered.' },
    next_feedback_promised: {
      sv: `Nästa återkoppling senast ${next}.`,
      fi: `Seuraava vastaus viimeistään ${next}.`,
      en: `Next feedback by ${next}.`,
    },
    referred: {
      sv: `Hänvisad till ${authority}, som ansvarar för frågan.`,
      fi: `Ohjattu: ${authority}, joka vastaa asiasta.`,
      en: `Referred to ${authority}, which is responsible.`,
    },
    resolved: { sv: 'Ärendet är avslutat.', fi: 'Asia on käsitelty.', en: 'The request is closed.' },
    reopened: { sv: 'Ärendet har öppnats igen.', fi: 'Asia on avattu uudelleen.', en: 'The request has been reopened.' },
  };
  return words[e.kind]?.[lang] ?? '';
}

/** GET servicerequestupdates: oldest first in the window (default: the last 90 days). */
export async function listUpdates(
  db: Db,
  tenant: Tenant,
  q: { start_date?: string; end_date?: string; page?: number; page_size?: number },
  reader: Actor | undefined,
  lang: Lang,
): Promise<Open311Update[]> {
  const { start, end } = window(q);
  const rows = await listPublicCaseUpdates(db, tenant.id, { from: start, to: end, ...paging(q) });
  const mayReadAnswers = reader !== undefined && hasAnyRole(reader, [...CASE_ROLES]);
  const extras = mayReadAnswers ? await requestExtras(db, tenant.id, [...new Set(rows.map((r) => r.caseId))]) : new Map();
  return rows.map((e) => {
    // The answer goes back to where the request came from; a case staff published keeps its answers private.
    const answer = mayReadAnswers && extras.get(e.caseId)?.source === 'open311' ? e.body : null;
    return {
      update_id: e.eventId,
      service_request_id: e.caseNumber,
      status: STATUS[e.kind] ?? 'OPEN',
      external_status_code: e.kind,
      updated_datetime: w3c(e.at),
      description: answer || summary(e, lang),
      media_url: '',
    };
  });
}

const CLIENT_STATUS = /^[A-Za-z_ -]{1,40}$/;

/**
 * POST servicerequestupdates: a resident's update (or "fixed") from FixMyStreet becomes a
 * resident message on the case, through the cases module. A retry with the same update_id is
 * recorded once.
 */
export async function postUpdate(actor: Actor, params: Record<string, unknown>, { db, baseUrl }: { db: Db; baseUrl?: string }) {
  const caseNumber = text(params.service_request_id, 'service_request_id', 40);
  if (!caseNumber) throw new Open311Error(400, 'service_request_id is required.');
  const status = text(params.status, 'status', 40)?.toUpperCase().replaceAll(' ', '_');
  if (status && !CLIENT_STATUS.test(status)) throw new Open311Error(400, 'status has a value that is not allowed.');
  const externalId = text(params.update_id ?? params.update_id_ext, 'update_id', 100);
  const clientTime = w3cInstant(text(params.updated_datetime, 'updated_datetime', 40), 'updated_datetime');
  const mediaUrl = text(params.media_url, 'media_url', 2000);
  if (mediaUrl && !/^https?:\/\/\S+$/i.test(mediaUrl)) throw new Open311Error(400, 'media_url must be an http(s) URL.');
  const description = text(params.description, 'description', 9000);
  const fixed = status === 'FIXED' || status === 'CLOSED';
  const said = description ?? (fixed ? 'Invånaren har markerat ärendet som åtgärdat.' : undefined);
  if (!said) throw new Open311Error(400, 'description is required.');
  const body = [said, fixed && description ? 'Invånaren har markerat ärendet som åtgärdat.' : '', mediaUrl ? `Bild: ${mediaUrl}` : '']
    .filter(Boolean)
    .join('\n\n');
  try {
    const { eventId, replayed } = await addResidentMessageFromIntegration(
      actor,
      {
        caseNumber,
        text: body,
        externalId,
        data: { source: 'open311', ...(status ? { status } : {}), ...(clientTime ? { clientUpdatedAt: clientTime.toISOString() } : {}) },
        // "It is fixed" on a closed case confirms it; anything else the resident writes reopens it.
        reopensClosed: !fixed,
      },
      { db, baseUrl },
    );
    return { update: { update_id: eventId }, replayed };
  } catch (error) {
    if (error instanceof AppError) {
      if (error.status === 404) throw new Open311Error(404, `Unknown service_request_id "${caseNumber}".`);
      throw new Open311Error(error.status, error.fields.map((f) => f.message).join(' ') || error.message);
    }
    throw error;
  }
}
