// Queries of surveys, questions, invitations and answers; each filtered by tenant_id.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ChoiceOption, SurveyQuestionType } from '../../db/schema-satisfaction.ts';

export interface SurveyRow {
  id: string;
  tenantId: string;
  title: string;
  titleFi: string | null;
  titleEn: string | null;
  intro: string;
  introFi: string | null;
  introEn: string | null;
  openToken: string;
  openLink: boolean;
  closed: boolean;
  createdAt: Date;
}

export interface QuestionRow {
  id: string;
  position: number;
  type: SurveyQuestionType;
  text: string;
  textFi: string | null;
  textEn: string | null;
  required: boolean;
  options: ChoiceOption[];
}

const SURVEY_COLUMNS = [
  'id',
  'tenant_id as tenantId',
  'title',
  'title_fi as titleFi',
  'title_en as titleEn',
  'intro',
  'intro_fi as introFi',
  'intro_en as introEn',
  'open_token as openToken',
  'open_link as openLink',
  'closed',
  'created_at as createdAt',
] as const;

export async function insertSurvey(
  db: Db,
  tenantId: string,
  s: Omit<SurveyRow, 'id' | 'tenantId' | 'createdAt' | 'closed'>,
  questions: Omit<QuestionRow, 'id'>[],
): Promise<string> {
  const row = await db
    .insertInto('surveys')
    .values({
      tenant_id: tenantId,
      title: s.title,
      title_fi: s.titleFi,
      title_en: s.titleEn,
      intro: s.intro,
      intro_fi: s.introFi,
      intro_en: s.introEn,
      open_token: s.openToken,
      open_link: s.openLink,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (questions.length > 0) {
    await db
      .insertInto('survey_questions')
      .values(
        questions.map((q) => ({
          tenant_id: tenantId,
          survey_id: row.id,
          position: q.position,
          type: q.type,
          text: q.text,
          text_fi: q.textFi,
          text_en: q.textEn,
          required: q.required,
          options: JSON.stringify(q.options),
        })),
      )
      .execute();
  }
  return row.id;
}

export function findSurvey(db: Db, tenantId: string, id: string): Promise<SurveyRow | undefined> {
  return db.selectFrom('surveys').select(SURVEY_COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/**
 * Locks the survey row: FOR UPDATE to close it, FOR SHARE to store an answer, so an answer and a
 * close never interleave (the answer sees the survey closed, or the close waits for the answer).
 */
export function lockSurvey(db: Db, tenantId: string, id: string, mode: 'update' | 'share'): Promise<SurveyRow | undefined> {
  const q = db.selectFrom('surveys').select(SURVEY_COLUMNS).where('tenant_id', '=', tenantId).where('id', '=', id);
  return (mode === 'update' ? q.forUpdate() : q.forShare()).executeTakeFirst();
}

export async function markClosed(db: Db, tenantId: string, id: string): Promise<void> {
  await db.updateTable('surveys').set({ closed: true }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export function listSurveys(db: Db, tenantId: string): Promise<SurveyRow[]> {
  return db.selectFrom('surveys').select(SURVEY_COLUMNS).where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').execute();
}

export function findSurveyByOpenToken(db: Db, token: string): Promise<SurveyRow | undefined> {
  return db.selectFrom('surveys').select(SURVEY_COLUMNS).where('open_token', '=', token).executeTakeFirst();
}

export function findInvitation(db: Db, tokenHash: string) {
  return db
    .selectFrom('survey_invitations')
    .select(['id', 'tenant_id as tenantId', 'survey_id as surveyId', 'answered_at as answeredAt'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function listQuestions(db: Db, tenantId: string, surveyId: string): Promise<QuestionRow[]> {
  return db
    .selectFrom('survey_questions')
    .select(['id', 'position', 'type', 'text', 'text_fi as textFi', 'text_en as textEn', 'required', 'options'])
    .where('tenant_id', '=', tenantId)
    .where('survey_id', '=', surveyId)
    .orderBy('position')
    .execute();
}

export async function insertInvitations(db: Db, tenantId: string, surveyId: string, hashes: string[]): Promise<void> {
  await db
    .insertInto('survey_invitations')
    .values(hashes.map((h) => ({ tenant_id: tenantId, survey_id: surveyId, token_hash: h })))
    .execute();
}

/** Takes the invitation for this answer; false when it was already used (also by a parallel request). */
export async function claimInvitation(db: Db, tenantId: string, id: string): Promise<boolean> {
  const r = await db
    .updateTable('survey_invitations')
    .set({ answered_at: sql`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertResponse(
  db: Db,
  tenantId: string,
  surveyId: string,
  invitationId: string | null,
  answers: { questionId: string; int: number | null; text: string | null }[],
  submittedAt?: Date,
): Promise<string> {
  const row = await db
    .insertInto('survey_responses')
    .values({
      tenant_id: tenantId,
      survey_id: surveyId,
      invitation_id: invitationId,
      ...(submittedAt ? { submitted_at: submittedAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (answers.length > 0) {
    await db
      .insertInto('survey_answers')
      .values(
        answers.map((a) => ({ tenant_id: tenantId, response_id: row.id, question_id: a.questionId, value_int: a.int, value_text: a.text })),
      )
      .execute();
  }
  return row.id;
}

export async function countResponses(db: Db, tenantId: string, surveyId: string): Promise<number> {
  const r = await db
    .selectFrom('survey_responses')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('survey_id', '=', surveyId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function invitationCounts(db: Db, tenantId: string, surveyId: string) {
  const r = await db
    .selectFrom('survey_invitations')
    .select((eb) => [eb.fn.countAll<string>().as('total'), eb.fn.count<string>('answered_at').as('answered')])
    .where('tenant_id', '=', tenantId)
    .where('survey_id', '=', surveyId)
    .executeTakeFirstOrThrow();
  return { total: Number(r.total), answered: Number(r.answered) };
}

/** Number of answers per question and value (scales and choices), counted in SQL. */
export async function distribution(db: Db, tenantId: string, surveyId: string) {
  const rows = await db
    .selectFrom('survey_answers as a')
    .innerJoin('survey_questions as q', (j) => j.onRef('q.id', '=', 'a.question_id').onRef('q.tenant_id', '=', 'a.tenant_id'))
    .select(['a.question_id as questionId', 'a.value_int as value', (eb) => eb.fn.countAll<string>().as('count')])
    .where('a.tenant_id', '=', tenantId)
    .where('q.survey_id', '=', surveyId)
    .where('a.value_int', 'is not', null)
    .groupBy(['a.question_id', 'a.value_int'])
    .execute();
  return rows.map((r) => ({ questionId: r.questionId, value: r.value as number, count: Number(r.count) }));
}

export async function freeTexts(db: Db, tenantId: string, surveyId: string) {
  return db
    .selectFrom('survey_answers as a')
    .innerJoin('survey_questions as q', (j) => j.onRef('q.id', '=', 'a.question_id').onRef('q.tenant_id', '=', 'a.tenant_id'))
    .select(['a.question_id as questionId', 'a.value_text as text'])
    .where('a.tenant_id', '=', tenantId)
    .where('q.survey_id', '=', surveyId)
    .where('a.value_text', 'is not', null)
    .orderBy('a.value_text')
    .execute() as Promise<{ questionId: string; text: string }[]>;
}

/** A scale question's answers in a date range: count and mean index (0–100), in SQL. */
export async function questionIndexBetween(db: Db, tenantId: string, questionId: string, from: string, to: string) {
  const r = await db
    .selectFrom('survey_answers as a')
    .innerJoin('survey_responses as r', (j) => j.onRef('r.id', '=', 'a.response_id').onRef('r.tenant_id', '=', 'a.tenant_id'))
    .innerJoin('survey_questions as q', (j) => j.onRef('q.id', '=', 'a.question_id').onRef('q.tenant_id', '=', 'a.tenant_id'))
    .select([
      (eb) => eb.fn.count<string>('a.value_int').as('n'),
      sql<number | null>`avg(case when q.type = 'scale5' then (a.value_int - 1) * 25.0 else (a.value_int - 1) * 100.0 / 9 end)`.as('index'),
    ])
    .where('a.tenant_id', '=', tenantId)
    .where('a.question_id', '=', questionId)
    .where('q.type', 'in', ['scale5', 'scale10'])
    .where(sql<boolean>`(r.submitted_at at time zone 'Europe/Stockholm')::date between ${from}::date and ${to}::date`)
    .executeTakeFirstOrThrow();
  return { n: Number(r.n), index: r.index === null ? null : Number(r.index) };
}

export function findQuestion(db: Db, tenantId: string, id: string) {
  return db
    .selectFrom('survey_questions')
    .select(['id', 'type', 'text', 'survey_id as surveyId'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}
