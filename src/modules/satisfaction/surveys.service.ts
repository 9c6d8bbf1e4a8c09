// The municipality's own surveys: the questionnaire, its open link and invitations (one answer
// per invitation token), answers from the public page or API, and results per question. Results
// are anonymous; free text is for staff only; below the tenant's minimum nothing is shown.
import { createHash, randomBytes } from 'node:crypto';
import { Type } from 'typebox';
import type { Db } from '../../db/database.ts';
import type { SurveyQuestionType } from '../../db/schema-satisfaction.ts';
import { AppError, type FieldError, invalid, notFound } from '../../http/errors.ts';
import { Integer, Text } from '../../http/input.ts';
import { validate } from '../../http/validate.ts';
import type { Lang } from '../../web/i18n.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { findSettings } from './insikt.repo.ts';
import { WRITE_ROLES } from './insikt.service.ts';
import { scaleIndex } from './nki.ts';
import * as repo from './surveys.repo.ts';

export const QUESTION_TYPES = ['scale5', 'scale10', 'choice', 'text'] as const satisfies readonly SurveyQuestionType[];
export const QUESTION_TYPE_NAMES: Record<SurveyQuestionType, string> = {
  scale5: 'Skala 1–5',
  scale10: 'Skala 1–10',
  choice: 'Ett val av flera',
  text: 'Fritext',
};

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(24).toString('base64url');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const OptText = (max: number) => Type.Optional(Type.Union([Text({ min: 1, max }), Type.Null()]));
const ChoiceOptionInput = Type.Object(
  { sv: Text({ min: 1, max: 200 }), fi: OptText(200), en: OptText(200) },
  { additionalProperties: false },
);
export const QuestionInput = Type.Object(
  {
    type: Type.Union(QUESTION_TYPES.map((t) => Type.Literal(t))),
    text: Text({ min: 1, max: 1000, description: 'The question in Swedish' }),
    textFi: OptText(1000),
    textEn: OptText(1000),
    required: Type.Optional(Type.Boolean()),
    options: Type.Optional(Type.Array(ChoiceOptionInput, { maxItems: 20, description: 'Single choice: the options (at least two)' })),
  },
  { additionalProperties: false },
);
export const SurveyInput = Type.Object(
  {
    title: Text({ min: 1, max: 200 }),
    titleFi: OptText(200),
    titleEn: OptText(200),
    intro: Type.Optional(Text({ max: 5000 })),
    introFi: OptText(5000),
    introEn: OptText(5000),
    openLink: Type.Optional(Type.Boolean({ description: 'Anyone with the open link may answer (default true)' })),
    questions: Type.Array(QuestionInput, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);

const SURVEY_MESSAGES = {
  title: 'Ange enkätens titel (högst 200 tecken).',
  titleFi: 'Den finska titeln får vara högst 200 tecken.',
  titleEn: 'Den engelska titeln får vara högst 200 tecken.',
  intro: 'Inledningen får vara högst 5000 tecken.',
  questions: 'Lägg till minst en fråga: typ (scale5, scale10, choice eller text) och frågetext.',
};

export async function createSurvey(actor: Actor, input: unknown, { db }: { db: Db }): Promise<{ id: string }> {
  requireAnyRole(actor, WRITE_ROLES);
  const v = validate(SurveyInput, input, SURVEY_MESSAGES);
  const errors: FieldError[] = [];
  v.questions.forEach((q, i) => {
    if (q.type === 'choice' && (q.options?.length ?? 0) < 2) {
      errors.push({ field: `questions.${i}.options`, message: `Fråga ${i + 1}: ett val av flera behöver minst två svarsalternativ.` });
    }
    if (q.type !== 'choice' && q.options?.length) {
      errors.push({ field: `questions.${i}.options`, message: `Fråga ${i + 1}: bara frågor med ett val av flera har svarsalternativ.` });
    }
  });
  if (errors.length > 0) throw invalid(errors);
  const trimOrNull = (s: string | null | undefined) => (s ? s.trim() : null);
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertSurvey(
      trx,
      actor.tenantId,
      {
        title: v.title.trim(),
        titleFi: trimOrNull(v.titleFi),
        titleEn: trimOrNull(v.titleEn),
        intro: (v.intro ?? '').trim(),
        introFi: trimOrNull(v.introFi),
        introEn: trimOrNull(v.introEn),
        openToken: newToken(),
        openLink: v.openLink ?? true,
      },
      v.questions.map((q, i) => ({
        position: i + 1,
        type: q.type,
        text: q.text.trim(),
        textFi: trimOrNull(q.textFi),
        textEn: trimOrNull(q.textEn),
        required: q.required ?? false,
        options: (q.options ?? []).map((o) => ({ sv: o.sv.trim(), fi: trimOrNull(o.fi), en: trimOrNull(o.en) })),
      })),
    );
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'survey.created',
      entity: 'survey',
      entityId: id,
      data: { title: v.title, questions: v.questions.length },
    });
    return { id };
  });
}

export async function getSurvey(actor: Actor, id: string, { db }: { db: Db }) {
  requireAnyRole(actor, [...WRITE_ROLES, 'agent', 'reader', 'officer']);
  if (!UUID.test(id)) throw notFound('Enkäten');
  const survey = await repo.findSurvey(db, actor.tenantId, id);
  if (!survey) throw notFound('Enkäten');
  const [questions, responses, invitations] = await Promise.all([
    repo.listQuestions(db, actor.tenantId, id),
    repo.countResponses(db, actor.tenantId, id),
    repo.invitationCounts(db, actor.tenantId, id),
  ]);
  return { survey, questions, responses, invitations };
}

export async function listSurveys(actor: Actor, { db }: { db: Db }) {
  requireAnyRole(actor, [...WRITE_ROLES, 'agent', 'reader', 'officer']);
  return repo.listSurveys(db, actor.tenantId);
}

export const InvitationsInput = Type.Object({ count: Integer({ min: 1, max: 5000 }) }, { additionalProperties: false });

/** N single-use tokens; only their hashes are stored, so they are shown this once. */
export async function createInvitations(actor: Actor, id: string, input: unknown, { db }: { db: Db }): Promise<string[]> {
  requireAnyRole(actor, WRITE_ROLES);
  const v = validate(InvitationsInput, input, { count: 'Ange antal inbjudningar som ett heltal 1–5000.' });
  if (!UUID.test(id) || !(await repo.findSurvey(db, actor.tenantId, id))) throw notFound('Enkäten');
  const tokens = Array.from({ length: v.count }, () => `i${newToken()}`);
  await db.transaction().execute(async (trx) => {
    await repo.insertInvitations(trx, actor.tenantId, id, tokens.map(hash));
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'survey.invitations',
      entity: 'survey',
      entityId: id,
      data: { count: v.count },
    });
  });
  return tokens;
}

/**
 * Closes a survey: from now on its open link and its unused invitations refuse answers (with the
 * CLOSED message in the resident's language). Its answers and results stay. Closing a closed
 * survey changes nothing; `alreadyClosed` says so.
 */
export async function closeSurvey(actor: Actor, id: string, { db }: { db: Db }): Promise<{ alreadyClosed: boolean }> {
  requireAnyRole(actor, WRITE_ROLES);
  if (!UUID.test(id)) throw notFound('Enkäten');
  return db.transaction().execute(async (trx) => {
    const survey = await repo.lockSurvey(trx, actor.tenantId, id, 'update');
    if (!survey) throw notFound('Enkäten');
    if (survey.closed) return { alreadyClosed: true };
    await repo.markClosed(trx, actor.tenantId, id);
    await recordAudit(trx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'survey.closed',
      entity: 'survey',
      entityId: id,
      data: { title: survey.title },
    });
    return { alreadyClosed: false };
  });
}

export interface OpenedSurvey {
  survey: repo.SurveyRow;
  questions: repo.QuestionRow[];
  invitationId: string | null;
  /** The invitation was already used. */
  answered: boolean;
}

/** What a token opens: an invitation (single use) or a survey's open link; undefined when neither. */
export async function openSurvey(db: Db, token: string): Promise<OpenedSurvey | undefined> {
  if (token.length < 20 || token.length > 100 || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  const invitation = await repo.findInvitation(db, hash(token));
  const survey = invitation
    ? await repo.findSurvey(db, invitation.tenantId, invitation.surveyId)
    : await repo.findSurveyByOpenToken(db, token).then((s) => (s?.openLink ? s : undefined));
  if (!survey) return undefined;
  const questions = await repo.listQuestions(db, survey.tenantId, survey.id);
  return { survey, questions, invitationId: invitation?.id ?? null, answered: Boolean(invitation?.answeredAt) };
}

const ANSWER_TEXT: Record<Lang, { required: string; scale: string; choice: string; text: string; unknown: string }> = {
  sv: {
    required: 'Svara på frågan – den är obligatorisk.',
    scale: 'Välj ett av värdena på skalan.',
    choice: 'Välj ett av alternativen.',
    text: 'Svaret får vara högst 5000 tecken.',
    unknown: 'Frågan finns inte i enkäten.',
  },
  fi: {
    required: 'Vastaa kysymykseen – se on pakollinen.',
    scale: 'Valitse jokin asteikon arvoista.',
    choice: 'Valitse jokin vaihtoehdoista.',
    text: 'Vastaus saa olla enintään 5000 merkkiä.',
    unknown: 'Kysymystä ei ole kyselyssä.',
  },
  en: {
    required: 'Answer the question – it is required.',
    scale: 'Choose one of the values on the scale.',
    choice: 'Choose one of the options.',
    text: 'The answer may be at most 5000 characters.',
    unknown: 'The question is not in the survey.',
  },
};

export const ANSWERED: Record<Lang, string> = {
  sv: 'Enkäten är redan besvarad med den här länken. Varje inbjudan ger ett svar.',
  fi: 'Kyselyyn on jo vastattu tällä linkillä. Jokaisella kutsulla voi vastata kerran.',
  en: 'The survey has already been answered with this link. Each invitation gives one answer.',
};
export const CLOSED: Record<Lang, string> = {
  sv: 'Enkäten är stängd och tar inte emot fler svar.',
  fi: 'Kysely on suljettu eikä ota vastaan enempää vastauksia.',
  en: 'The survey is closed and takes no more answers.',
};

export type RawAnswer = { questionId: string; value: unknown };

/** Checks every answer against its question; field names are `q-<questionId>`. */
export function checkAnswers(questions: repo.QuestionRow[], answers: RawAnswer[], lang: Lang) {
  const T = ANSWER_TEXT[lang];
  const errors: FieldError[] = [];
  const byId = new Map(answers.map((a) => [a.questionId, a.value]));
  for (const a of answers) {
    if (!questions.some((q) => q.id === a.questionId)) errors.push({ field: `q-${a.questionId}`, message: T.unknown });
  }
  const values: { questionId: string; int: number | null; text: string | null }[] = [];
  for (const q of questions) {
    const raw = byId.get(q.id);
    const empty = raw === undefined || raw === null || raw === '';
    if (empty) {
      if (q.required) errors.push({ field: `q-${q.id}`, message: T.required });
      continue;
    }
    if (q.type === 'text') {
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (typeof raw !== 'string' || text.length > 5000) errors.push({ field: `q-${q.id}`, message: T.text });
      else if (text) values.push({ questionId: q.id, int: null, text });
      else if (q.required) errors.push({ field: `q-${q.id}`, message: T.required });
      continue;
    }
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
    const max = q.type === 'scale5' ? 5 : q.type === 'scale10' ? 10 : q.options.length - 1;
    const min = q.type === 'choice' ? 0 : 1;
    if (!Number.isInteger(n) || n < min || n > max) errors.push({ field: `q-${q.id}`, message: q.type === 'choice' ? T.choice : T.scale });
    else values.push({ questionId: q.id, int: n, text: null });
  }
  return { errors, values };
}

/** Stores one answer to the survey a token opens; a used invitation is a 409 that says so. */
export async function submitAnswers(
  db: Db,
  token: string,
  answers: RawAnswer[],
  lang: Lang,
  options: { submittedAt?: Date } = {},
): Promise<{ surveyId: string }> {
  const opened = await openSurvey(db, token);
  if (!opened) throw notFound(lang === 'sv' ? 'Enkäten' : lang === 'fi' ? 'Kysely' : 'The survey');
  if (opened.survey.closed) throw new AppError('conflict', CLOSED[lang]);
  const { errors, values } = checkAnswers(opened.questions, answers, lang);
  if (errors.length > 0)
    throw invalid(
      errors,
      lang === 'sv' ? 'Svaren är inte giltiga.' : lang === 'fi' ? 'Vastaukset eivät kelpaa.' : 'The answers are not valid.',
    );
  const { survey, invitationId } = opened;
  try {
    await db.transaction().execute(async (trx) => {
      const current = await repo.lockSurvey(trx, survey.tenantId, survey.id, 'share');
      if (!current || current.closed) throw new AppError('conflict', CLOSED[lang]);
      if (invitationId && !(await repo.claimInvitation(trx, survey.tenantId, invitationId))) throw new AppError('conflict', ANSWERED[lang]);
      await repo.insertResponse(trx, survey.tenantId, survey.id, invitationId, values, options.submittedAt);
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new AppError('conflict', ANSWERED[lang], { cause: error });
    throw error;
  }
  return { surveyId: survey.id };
}

export interface QuestionResult {
  id: string;
  position: number;
  type: SurveyQuestionType;
  text: string;
  n: number;
  shown: boolean;
  /** value → count (scales 1..max; choice: option index); empty when not shown. */
  distribution: { value: number; label: string; count: number }[];
  /** Mean index 0–100 of a scale question; null for choice and text or when not shown. */
  index: number | null;
  /** Free text, staff only; empty when not shown. */
  texts: string[];
}

/** Results per question, counted in SQL; each hidden below the tenant's minimum. */
export async function surveyResults(actor: Actor, id: string, { db }: { db: Db }) {
  const { survey, questions, responses, invitations } = await getSurvey(actor, id, { db });
  const [settings, dist, texts] = await Promise.all([
    findSettings(db, actor.tenantId),
    repo.distribution(db, actor.tenantId, id),
    repo.freeTexts(db, actor.tenantId, id),
  ]);
  const results: QuestionResult[] = questions.map((q) => {
    const counts = dist.filter((d) => d.questionId === q.id);
    const qTexts = texts.filter((t) => t.questionId === q.id).map((t) => t.text);
    const n = q.type === 'text' ? qTexts.length : counts.reduce((s, c) => s + c.count, 0);
    const shown = n >= settings.minAnswers;
    const values =
      q.type === 'scale5' ? [1, 2, 3, 4, 5] : q.type === 'scale10' ? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] : q.options.map((_, i) => i);
    const distribution =
      shown && q.type !== 'text'
        ? values.map((value) => ({
            value,
            label: q.type === 'choice' ? q.options[value].sv : String(value),
            count: counts.find((c) => c.value === value)?.count ?? 0,
          }))
        : [];
    const index =
      shown && (q.type === 'scale5' || q.type === 'scale10')
        ? counts.reduce((s, c) => s + scaleIndex(c.value, q.type as 'scale5') * c.count, 0) / n
        : null;
    return { id: q.id, position: q.position, type: q.type, text: q.text, n, shown, distribution, index, texts: shown ? qTexts : [] };
  });
  return { survey, responses, invitations, minAnswers: settings.minAnswers, questions: results };
}

/** The CSV export: one line per question and value (free text not included — staff read it on the page). */
export function resultRows(results: QuestionResult[]): (string | number)[][] {
  const rows: (string | number)[][] = [['fråga', 'typ', 'antal svar', 'index', 'värde', 'antal']];
  for (const q of results) {
    if (!q.shown) {
      rows.push([q.text, QUESTION_TYPE_NAMES[q.type], q.n, 'för få svar', '', '']);
      continue;
    }
    if (q.type === 'text') {
      rows.push([q.text, QUESTION_TYPE_NAMES[q.type], q.n, '', '', '']);
      continue;
    }
    for (const d of q.distribution) {
      rows.push([q.text, QUESTION_TYPE_NAMES[q.type], q.n, q.index === null ? '' : Math.round(q.index * 10) / 10, d.label, d.count]);
    }
  }
  return rows;
}

/** A scale question's index over a date range for the goals model, or null below the minimum. */
export async function surveyQuestionIndex(db: Db, tenantId: string, questionId: string, from: string, to: string) {
  const settings = await findSettings(db, tenantId);
  const r = await repo.questionIndexBetween(db, tenantId, questionId, from, to);
  return r.n >= settings.minAnswers ? r.index : null;
}

export async function findScaleQuestion(db: Db, tenantId: string, questionId: string) {
  if (!UUID.test(questionId)) return undefined;
  const q = await repo.findQuestion(db, tenantId, questionId);
  return q && (q.type === 'scale5' || q.type === 'scale10') ? q : undefined;
}
