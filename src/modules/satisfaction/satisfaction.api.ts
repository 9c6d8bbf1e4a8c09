// JSON API of satisfaction: Insikt results (entered, imported, computed from answers), settings,
// targets, after-contact results, own surveys with invitations, and the public answer endpoint.
// Writes need a token and the role quality or admin; the public answer needs only the token in
// the path. Anything of another municipality is a 404.
import { Type } from 'typebox';
import { requireActor } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { toCsv } from '../../http/csv.ts';
import { CalendarDate, Year } from '../../http/input.ts';
import type { Lang } from '../../web/i18n.ts';
import { afterContactResults } from './after-contact.service.ts';
import { ImportInput, importInsikt } from './insikt.import.ts';
import {
  AnswersInput,
  AREA_CODE,
  AreaInput,
  addArea,
  computeFromAnswers,
  computeFromRawAnswers,
  getSettings,
  listResults,
  RawInput,
  ResultInput,
  SettingsInput,
  saveResult,
  saveSettings,
  saveTarget,
  TargetInput,
} from './insikt.service.ts';
import {
  closeSurvey,
  createInvitations,
  createSurvey,
  getSurvey,
  InvitationsInput,
  listSurveys,
  resultRows,
  SurveyInput,
  submitAnswers,
  surveyResults,
} from './surveys.service.ts';

const ErrorOut = Type.Object({
  error: Type.String(),
  message: Type.String(),
  fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
});
const ERRORS = { 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut };
const READ_ERRORS = { 401: ErrorOut, 403: ErrorOut, 404: ErrorOut };
const TAGS = ['satisfaction'];
const SECURITY = [{ bearer: [] }];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Idx = Type.Union([Type.Number(), Type.Null()]);

const ResultOut = Type.Object({
  year: Type.Integer(),
  period: Type.String(),
  area: Type.String(),
  areaName: Type.String(),
  n: Type.Integer(),
  responseRate: Idx,
  shown: Type.Boolean({ description: 'false: fewer answers than the minimum; every index is null ("för få svar")' }),
  nki: Idx,
  rounded: Type.Union([Type.Integer(), Type.Null()]),
  grade: Type.Union([Type.String(), Type.Null()]),
  factors: Type.Record(Type.String(), Idx),
  bemotandeQuestion: Idx,
  trend: Type.Union([Type.Integer(), Type.Null()], { description: 'Rounded NKI change against the previous year' }),
  target: Idx,
  source: Type.String(),
  generated: Type.Boolean({ description: 'Made-up demo data' }),
});

const SettingsOut = Type.Object({
  minAnswers: Type.Integer(),
  bands: Type.Object({ veryHigh: Type.Integer(), high: Type.Integer(), pass: Type.Integer(), low: Type.Integer() }),
  afterContactEnabled: Type.Boolean(),
  afterContactDelayHours: Type.Integer(),
});
const presentSettings = (s: Awaited<ReturnType<typeof getSettings>>) => ({
  minAnswers: s.minAnswers,
  bands: s.bands,
  afterContactEnabled: s.afterContactEnabled,
  afterContactDelayHours: s.afterContactDelayHours,
});

const QuestionOut = Type.Object({
  id: Type.String(),
  position: Type.Integer(),
  type: Type.String(),
  text: Type.String(),
  textFi: Type.Union([Type.String(), Type.Null()]),
  textEn: Type.Union([Type.String(), Type.Null()]),
  required: Type.Boolean(),
  options: Type.Array(Type.Object({ sv: Type.String(), fi: Type.Optional(Type.Any()), en: Type.Optional(Type.Any()) })),
});
const SurveyOut = Type.Object({
  id: Type.String(),
  title: Type.String(),
  titleFi: Type.Union([Type.String(), Type.Null()]),
  titleEn: Type.Union([Type.String(), Type.Null()]),
  intro: Type.String(),
  openLink: Type.Boolean(),
  openPath: Type.Union([Type.String(), Type.Null()], { description: 'The open link’s path (anyone may answer)' }),
  closed: Type.Boolean(),
  responses: Type.Integer(),
  invitations: Type.Object({ total: Type.Integer(), answered: Type.Integer() }),
  questions: Type.Array(QuestionOut),
});

export function registerSatisfactionApi(app: App, { db }: AppContext): void {
  app.get(
    '/api/v1/satisfaction/settings',
    {
      schema: {
        summary: 'Minimum answers, grade bands and the after-contact delay',
        tags: TAGS,
        security: SECURITY,
        response: { 200: SettingsOut, ...READ_ERRORS },
      },
    },
    async (request) => presentSettings(await getSettings(db, requireActor(request).tenantId)),
  );

  app.put(
    '/api/v1/satisfaction/settings',
    {
      schema: {
        summary: 'Change the minimum number of answers, the grade bands or the after-contact question (quality or admin)',
        tags: TAGS,
        security: SECURITY,
        body: SettingsInput,
        response: { 200: SettingsOut, ...ERRORS },
      },
    },
    async (request) => presentSettings(await saveSettings(requireActor(request), request.body, { db })),
  );

  app.post(
    '/api/v1/satisfaction/areas',
    {
      schema: {
        summary: 'Add an area beyond SKR’s (receptfria läkemedel, lantmäteri, …)',
        tags: TAGS,
        security: SECURITY,
        body: AreaInput,
        response: { 201: Type.Object({ code: Type.String(), name: Type.String() }), ...ERRORS },
      },
    },
    async (request, reply) => reply.status(201).send(await addArea(requireActor(request), request.body, { db })),
  );

  app.get(
    '/api/v1/satisfaction/insikt',
    {
      schema: {
        summary: 'Stored Insikt results per area and the total; below the minimum only n and "shown": false',
        tags: TAGS,
        security: SECURITY,
        querystring: Type.Object({ year: Type.Optional(Year()), area: Type.Optional(Type.String({ pattern: AREA_CODE })) }),
        response: { 200: Type.Object({ results: Type.Array(ResultOut) }), ...READ_ERRORS },
      },
    },
    async (request) => ({ results: await listResults(requireActor(request), request.query, { db }) }),
  );

  app.post(
    '/api/v1/satisfaction/insikt',
    {
      schema: {
        summary: 'Enter one Insikt result by hand (replaces the stored one of that year, period and area)',
        tags: TAGS,
        security: SECURITY,
        body: ResultInput,
        response: { 201: ResultOut, ...ERRORS },
      },
    },
    async (request, reply) => reply.status(201).send(await saveResult(requireActor(request), request.body, { db })),
  );

  app.post(
    '/api/v1/satisfaction/insikt/answers',
    {
      schema: {
        summary: 'Compute NKI from each respondent’s three NKI answers (1–10 or null) and store it for the area and year',
        tags: TAGS,
        security: SECURITY,
        body: AnswersInput,
        response: {
          201: Type.Object({
            year: Type.Integer(),
            area: Type.String(),
            n: Type.Integer(),
            nki: Idx,
            rounded: Type.Union([Type.Integer(), Type.Null()]),
            grade: Type.Union([Type.String(), Type.Null()]),
          }),
          ...ERRORS,
        },
      },
    },
    async (request, reply) => reply.status(201).send(await computeFromAnswers(requireActor(request), request.body, { db })),
  );

  app.post(
    '/api/v1/satisfaction/insikt/raw',
    {
      schema: {
        summary: 'Compute every area and the total from raw answers (one row per respondent: area, NKI answers, factor answers)',
        tags: TAGS,
        security: SECURITY,
        body: RawInput,
        response: { 201: Type.Object({ results: Type.Array(ResultOut) }), ...ERRORS },
      },
    },
    async (request, reply) => reply.status(201).send({ results: await computeFromRawAnswers(requireActor(request), request.body, { db }) }),
  );

  app.post(
    '/api/v1/satisfaction/insikt/import',
    {
      schema: {
        summary:
          'Import SKR’s export (CSV text or XLSX in base64) with a column mapping (sent, remembered or recognised); all rows checked first, nothing stored when any is wrong',
        tags: TAGS,
        security: SECURITY,
        body: ImportInput,
        response: {
          200: Type.Object({
            stored: Type.Integer(),
            rows: Type.Integer(),
            headers: Type.Array(Type.String()),
            mapping: Type.Record(Type.String(), Type.String()),
          }),
          ...ERRORS,
        },
      },
      bodyLimit: 8 * 1024 * 1024,
    },
    async (request) => importInsikt(requireActor(request), request.body, { db }),
  );

  app.put(
    '/api/v1/satisfaction/targets',
    {
      schema: {
        summary: 'Set the target index of an area (or the total) for a year',
        tags: TAGS,
        security: SECURITY,
        body: TargetInput,
        response: { 200: Type.Object({ area: Type.String(), year: Type.Integer(), target: Type.Number() }), ...ERRORS },
      },
    },
    async (request) => saveTarget(requireActor(request), request.body, { db }),
  );

  const Group = Type.Object({
    key: Type.String(),
    name: Type.String(),
    sent: Type.Integer(),
    answered: Type.Integer(),
    shown: Type.Boolean(),
    mean: Idx,
    index: Idx,
  });
  app.get(
    '/api/v1/satisfaction/after-contact',
    {
      schema: {
        summary: 'Answers to the after-contact question by unit, category or channel (groups below the minimum hidden)',
        tags: TAGS,
        security: SECURITY,
        querystring: Type.Object({
          by: Type.Optional(Type.Union([Type.Literal('unit'), Type.Literal('category'), Type.Literal('channel')])),
          from: CalendarDate(),
          to: CalendarDate(),
        }),
        response: { 200: Type.Object({ total: Group, groups: Type.Array(Group) }), ...READ_ERRORS, 400: ErrorOut },
      },
    },
    async (request) =>
      afterContactResults(
        requireActor(request),
        { by: request.query.by ?? 'unit', from: request.query.from, to: request.query.to },
        { db },
      ),
  );

  // ---- surveys --------------------------------------------------------------------------------

  const presentSurvey = (s: Awaited<ReturnType<typeof getSurvey>>, slug: string) => ({
    id: s.survey.id,
    title: s.survey.title,
    titleFi: s.survey.titleFi,
    titleEn: s.survey.titleEn,
    intro: s.survey.intro,
    openLink: s.survey.openLink,
    openPath: s.survey.openLink ? `/${slug}/enkat/${s.survey.openToken}` : null,
    closed: s.survey.closed,
    responses: s.responses,
    invitations: s.invitations,
    questions: s.questions,
  });

  app.post(
    '/api/v1/surveys',
    {
      schema: {
        summary: 'Create a survey: title, intro, questions (scale5, scale10, choice, text; required or not; fi/en optional)',
        tags: TAGS,
        security: SECURITY,
        body: SurveyInput,
        response: { 201: Type.Object({ id: Type.String() }), ...ERRORS },
      },
    },
    async (request, reply) => reply.status(201).send(await createSurvey(requireActor(request), request.body, { db })),
  );

  app.get(
    '/api/v1/surveys',
    {
      schema: {
        summary: 'The municipality’s surveys',
        tags: TAGS,
        security: SECURITY,
        response: {
          200: Type.Object({ surveys: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), closed: Type.Boolean() })) }),
          ...READ_ERRORS,
        },
      },
    },
    async (request) => ({
      surveys: (await listSurveys(requireActor(request), { db })).map((s) => ({ id: s.id, title: s.title, closed: s.closed })),
    }),
  );

  app.get(
    '/api/v1/surveys/:id',
    {
      schema: {
        summary: 'One survey with its questions (each with its id)',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        response: { 200: SurveyOut, ...READ_ERRORS },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentSurvey(await getSurvey(actor, request.params.id, { db }), actor.tenantSlug);
    },
  );

  app.post(
    '/api/v1/surveys/:id/invitations',
    {
      schema: {
        summary: 'Create N invitation tokens, one answer each (shown only now: only their hashes are stored)',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        body: InvitationsInput,
        response: { 201: Type.Object({ tokens: Type.Array(Type.String()) }), ...ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ tokens: await createInvitations(requireActor(request), request.params.id, request.body, { db }) }),
  );

  app.post(
    '/api/v1/surveys/:id/close',
    {
      schema: {
        summary: 'Close a survey: its open link and unused invitations take no more answers; answers and results stay',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        response: { 200: Type.Object({ id: Type.String(), closed: Type.Literal(true), alreadyClosed: Type.Boolean() }), ...ERRORS },
      },
    },
    async (request) => {
      const { alreadyClosed } = await closeSurvey(requireActor(request), request.params.id, { db });
      return { id: request.params.id, closed: true as const, alreadyClosed };
    },
  );

  app.get(
    '/api/v1/surveys/:id/results',
    {
      schema: {
        summary:
          'Results per question: distribution, index (1–5 → 0–100, 1–10 → (x−1)/9×100), answers; hidden below the minimum; free text for staff',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])) }),
        response: {
          200: Type.Unknown({ description: 'responses, minAnswers, questions[id, type, text, n, shown, distribution, index, texts]' }),
          ...READ_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const r = await surveyResults(requireActor(request), request.params.id, { db });
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="enkatresultat.csv"')
          .send(toCsv(resultRows(r.questions)));
      }
      return { id: r.survey.id, title: r.survey.title, responses: r.responses, minAnswers: r.minAnswers, questions: r.questions };
    },
  );

  app.post(
    '/api/v1/public/surveys/:token/answers',
    {
      schema: {
        summary: 'Answer a survey with an invitation token or its open link token (no login); a used invitation → 409',
        tags: TAGS,
        params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) }),
        querystring: Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('sv'), Type.Literal('fi'), Type.Literal('en')])) }),
        body: Type.Object(
          {
            answers: Type.Array(
              Type.Object(
                {
                  questionId: Type.String({ maxLength: 100 }),
                  value: Type.Union([Type.Integer({ minimum: 0, maximum: 200 }), Type.String({ maxLength: 5000 }), Type.Null()]),
                },
                { additionalProperties: false },
              ),
              { maxItems: 200 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ ok: Type.Boolean() }), 400: ErrorOut, 404: ErrorOut, 409: ErrorOut, 429: ErrorOut },
      },
      config: { rateLimit: { max: 30, timeWindow: '10 minutes' } },
    },
    async (request, reply) => {
      const lang: Lang = request.query.lang ?? 'sv';
      await submitAnswers(db, request.params.token, request.body.answers, lang);
      return reply.status(201).send({ ok: true });
    },
  );
}
