// The after-contact question: when a case with an e-mail address has been resolved for the
// tenant's delay, the resident gets one e-mail through the outbox asking "Hur nöjd är du med hur vi
// hanterade ditt ärende?" (1–5, optional comment). Once per case: the request row's primary key
// (tenant, case) is inserted in the same transaction that queues the e-mail, so two instances
// running the job at once queue it once. Never for a case without an address (anonymous), never
// to an address that has said no.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError, invalid, notFound } from '../../http/errors.ts';
import type { Lang } from '../../web/i18n.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { resolvedCasesWithEmail } from '../cases/cases.satisfaction-facing.ts';
import { CASE_CHANNEL_NAMES } from '../cases/cases.schemas.ts';
import { listCategories } from '../cases/categories.service.ts';
import { enqueueMail } from '../mail/mail.service.ts';
import { listUnits } from '../org/org.service.ts';
import { listTenants } from '../tenants/tenants.repo.ts';
import { findSettings } from './insikt.repo.ts';
import { scaleIndex } from './nki.ts';

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
export const emailHash = (email: string) => hash(email.trim().toLowerCase());

/** How far back the job looks past the delay: a case resolved earlier than this is never asked. */
export const LOOK_BACK_HOURS = 14 * 24;

export const QUESTION: Record<Lang, string> = {
  sv: 'Hur nöjd är du med hur vi hanterade ditt ärende?',
  fi: 'Kuinka tyytyväinen olet siihen, miten hoidimme asiasi?',
  en: 'How satisfied are you with how we handled your case?',
};

function mailBody(lang: Lang, tenantName: string, caseNumber: string, link: string): string {
  if (lang === 'fi') {
    return [
      'Hei!',
      '',
      `Asiasi ${caseNumber} on käsitelty. ${QUESTION.fi}`,
      'Vastaa asteikolla 1–5 (vie alle minuutin, ei kirjautumista):',
      link,
      '',
      'Jos et halua tällaisia kysymyksiä, voit kieltäytyä samalla sivulla.',
      '',
      tenantName,
    ].join('\n');
  }
  if (lang === 'en') {
    return [
      'Hello,',
      '',
      `Your case ${caseNumber} has been resolved. ${QUESTION.en}`,
      'Answer on a scale of 1–5 (less than a minute, no sign-in):',
      link,
      '',
      'If you do not want questions like this, you can say so on the same page.',
      '',
      tenantName,
    ].join('\n');
  }
  return [
    'Hej!',
    '',
    `Ditt ärende ${caseNumber} är avslutat. ${QUESTION.sv}`,
    'Svara på en skala 1–5 (tar mindre än en minut, ingen inloggning):',
    link,
    '',
    'Vill du inte få sådana frågor kan du säga nej på samma sida.',
    '',
    tenantName,
  ].join('\n');
}

const SUBJECT: Record<Lang, string> = {
  sv: 'Hur nöjd är du? En fråga om ditt ärende',
  fi: 'Kuinka tyytyväinen olet? Kysymys asiastasi',
  en: 'How satisfied are you? A question about your case',
};

export interface AfterContactRun {
  mails: number;
}

/** One round for every tenant (the background job). */
export async function sendAfterContactQuestions(db: Db, options: { baseUrl: string; now?: Date }): Promise<AfterContactRun> {
  let mails = 0;
  for (const tenant of await listTenants(db)) mails += await sendTenantQuestions(db, tenant, options);
  return { mails };
}

export async function sendTenantQuestions(
  db: Db,
  tenant: { id: string; slug: string; name: string },
  options: { baseUrl: string; now?: Date },
): Promise<number> {
  const settings = await findSettings(db, tenant.id);
  if (!settings.afterContactEnabled) return 0;
  const now = options.now ?? new Date();
  const to = new Date(now.getTime() - settings.afterContactDelayHours * 3_600_000);
  const from = new Date(to.getTime() - LOOK_BACK_HOURS * 3_600_000);
  const candidates = await resolvedCasesWithEmail(db, tenant.id, { from, to });
  if (candidates.length === 0) return 0;
  const ids = candidates.map((c) => c.id);
  const asked = new Set(
    (
      await db
        .selectFrom('after_contact_requests')
        .select('case_id')
        .where('tenant_id', '=', tenant.id)
        .where('case_id', 'in', ids)
        .execute()
    ).map((r) => r.case_id),
  );
  const fresh = candidates.filter((c) => !asked.has(c.id)).map((c) => ({ ...c, emailHash: emailHash(c.email) }));
  if (fresh.length === 0) return 0;
  const optedOut = new Set(
    (
      await db
        .selectFrom('after_contact_optouts')
        .select('email_hash')
        .where('tenant_id', '=', tenant.id)
        .where(
          'email_hash',
          'in',
          fresh.map((c) => c.emailHash),
        )
        .execute()
    ).map((r) => r.email_hash),
  );
  const toAsk = fresh.filter((c) => !optedOut.has(c.emailHash)).map((c) => ({ ...c, token: randomBytes(24).toString('base64url') }));
  if (toAsk.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    // The primary key decides: a parallel instance's rows make these inserts do nothing.
    const inserted = await trx
      .insertInto('after_contact_requests')
      .values(
        toAsk.map((c) => ({
          tenant_id: tenant.id,
          case_id: c.id,
          token_hash: hash(c.token),
          email_hash: c.emailHash,
          language: c.language,
          unit_id: c.unitId,
          category_id: c.categoryId,
          channel: c.channel,
          sent_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['tenant_id', 'case_id']).doNothing())
      .returning('case_id')
      .execute();
    const won = new Set(inserted.map((r) => r.case_id));
    for (const c of toAsk.filter((x) => won.has(x.id))) {
      const link = `${options.baseUrl}/${tenant.slug}/nojdhet/svar/${c.token}?lang=${c.language}`;
      await enqueueMail(trx, {
        tenantId: tenant.id,
        to: c.email,
        subject: SUBJECT[c.language],
        body: mailBody(c.language, tenant.name, c.caseNumber, link),
        kind: 'after_contact',
        refId: c.id,
      });
    }
    return won.size;
  });
}

export interface AfterContactView {
  language: Lang;
  answered: boolean;
}

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export async function findRequest(db: Db, tenantId: string, token: string): Promise<AfterContactView | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const row = await db
    .selectFrom('after_contact_requests')
    .select(['language', 'answered_at'])
    .where('tenant_id', '=', tenantId)
    .where('token_hash', '=', hash(token))
    .executeTakeFirst();
  return row ? { language: row.language, answered: row.answered_at !== null } : undefined;
}

export const ALREADY_ANSWERED: Record<Lang, string> = {
  sv: 'Du har redan svarat på frågan om det här ärendet. Tack!',
  fi: 'Olet jo vastannut tätä asiaa koskevaan kysymykseen. Kiitos!',
  en: 'You have already answered the question about this case. Thank you!',
};

const SCORE_MISSING: Record<Lang, string> = {
  sv: 'Välj hur nöjd du är, 1–5.',
  fi: 'Valitse kuinka tyytyväinen olet, 1–5.',
  en: 'Choose how satisfied you are, 1–5.',
};
const COMMENT_TOO_LONG: Record<Lang, string> = {
  sv: 'Kommentaren får vara högst 2000 tecken.',
  fi: 'Kommentti saa olla enintään 2000 merkkiä.',
  en: 'The comment may be at most 2000 characters.',
};

/** The resident's answer: once per case (a second is a 409 that says so). */
export async function answerRequest(
  db: Db,
  tenantId: string,
  token: string,
  input: { score: unknown; comment: unknown },
  lang: Lang,
): Promise<void> {
  const score = typeof input.score === 'string' && /^[1-5]$/.test(input.score) ? Number(input.score) : input.score;
  const comment = typeof input.comment === 'string' ? input.comment.trim() : '';
  const errors = [];
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5)
    errors.push({ field: 'score', message: SCORE_MISSING[lang] });
  if (comment.length > 2000) errors.push({ field: 'comment', message: COMMENT_TOO_LONG[lang] });
  if (errors.length > 0) throw invalid(errors);
  if (!TOKEN.test(token)) throw notFound();
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('after_contact_requests')
      .select(['case_id', 'answered_at'])
      .where('tenant_id', '=', tenantId)
      .where('token_hash', '=', hash(token))
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound();
    if (row.answered_at) throw new AppError('conflict', ALREADY_ANSWERED[lang]);
    await trx
      .updateTable('after_contact_requests')
      .set({ answered_at: sql`now()`, score: score as number, comment: comment || null })
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', row.case_id)
      .execute();
  });
}

/** "No, thank you": no more questions to this address. */
export async function declineRequests(db: Db, tenantId: string, token: string): Promise<void> {
  if (!TOKEN.test(token)) throw notFound();
  const row = await db
    .selectFrom('after_contact_requests')
    .select('email_hash')
    .where('tenant_id', '=', tenantId)
    .where('token_hash', '=', hash(token))
    .executeTakeFirst();
  if (!row) throw notFound();
  await db
    .insertInto('after_contact_optouts')
    .values({ tenant_id: tenantId, email_hash: row.email_hash })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export type AfterContactDimension = 'unit' | 'category' | 'channel';

export interface AfterContactGroup {
  key: string;
  name: string;
  sent: number;
  answered: number;
  shown: boolean;
  /** Mean score 1–5 and index 0–100 (1–5 → 0/25/50/75/100), null below the minimum. */
  mean: number | null;
  index: number | null;
}

/** Results grouped by unit, category or channel, counted in SQL; each group hidden below the minimum. */
export async function afterContactResults(
  actor: Actor,
  q: { by: AfterContactDimension; from: string; to: string },
  { db }: { db: Db },
): Promise<{ total: AfterContactGroup; groups: AfterContactGroup[] }> {
  requireAnyRole(actor, ['quality', 'admin', 'agent', 'reader']);
  const column = q.by === 'unit' ? 'unit_id' : q.by === 'category' ? 'category_id' : 'channel';
  const rows = await db
    .selectFrom('after_contact_requests')
    .select([
      sql<string>`${sql.ref(column)}::text`.as('key'),
      (eb) => eb.fn.countAll<string>().as('sent'),
      (eb) => eb.fn.count<string>('score').as('answered'),
      sql<number | null>`avg(score)`.as('mean'),
    ])
    .where('tenant_id', '=', actor.tenantId)
    .where(sql<boolean>`(sent_at at time zone 'Europe/Stockholm')::date between ${q.from}::date and ${q.to}::date`)
    .groupBy(sql.ref(column))
    .execute();
  const settings = await findSettings(db, actor.tenantId);
  const names = new Map<string, string>();
  if (q.by === 'unit') for (const u of await listUnits(db, actor.tenantId)) names.set(u.id, u.name);
  if (q.by === 'category') for (const c of await listCategories(db, actor.tenantId)) names.set(c.id, c.name);
  if (q.by === 'channel') for (const [k, v] of Object.entries(CASE_CHANNEL_NAMES)) names.set(k, v);
  const group = (key: string, name: string, sent: number, answered: number, mean: number | null): AfterContactGroup => {
    const shown = answered >= settings.minAnswers;
    return {
      key,
      name,
      sent,
      answered,
      shown,
      mean: shown && mean !== null ? Number(mean) : null,
      index: shown && mean !== null ? scaleIndex(Number(mean), 'scale5') : null,
    };
  };
  const groups = rows
    .map((r) => group(r.key, names.get(r.key) ?? r.key, Number(r.sent), Number(r.answered), r.mean))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const sent = groups.reduce((s, g) => s + g.sent, 0);
  const answered = groups.reduce((s, g) => s + g.answered, 0);
  const sum = rows.reduce((s, r) => s + (r.mean === null ? 0 : Number(r.mean) * Number(r.answered)), 0);
  return { total: group('total', 'Totalt', sent, answered, answered ? sum / answered : null), groups };
}

/** The after-contact index (0–100) over a date range, or null below the minimum (for the goals model). */
export async function afterContactIndex(db: Db, tenantId: string, from: string, to: string): Promise<number | null> {
  const settings = await findSettings(db, tenantId);
  const r = await db
    .selectFrom('after_contact_requests')
    .select([(eb) => eb.fn.count<string>('score').as('n'), sql<number | null>`avg(score)`.as('mean')])
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`(answered_at at time zone 'Europe/Stockholm')::date between ${from}::date and ${to}::date`)
    .executeTakeFirstOrThrow();
  if (Number(r.n) < settings.minAnswers || r.mean === null) return null;
  return scaleIndex(Number(r.mean), 'scale5');
}
