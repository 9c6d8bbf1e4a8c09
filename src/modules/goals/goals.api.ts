// JSON API of the plan and its indicators (/api/v1/goal-plans, goal-areas, goals, indicators,
// goal-settings). Writes need a token; defining is for quality or admin, reporting for the owner
// unit's roles. Anything of another municipality is a 404.
import { Type } from 'typebox';
import { requireActor } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { listUnits } from '../org/org.service.ts';
import { presentGoal, presentGoalArea, presentIndicator, presentPlan } from './goals.present.ts';
import { goalDetail, indicatorDetail, planTree } from './goals.read.ts';
import {
  AssessmentInput,
  BoardTextInput,
  ERRORS,
  ErrorOut,
  FOLLOW_UP_PERIOD,
  GoalAreaInput,
  GoalAreaOut,
  GoalAreaPatch,
  GoalDetailOut,
  GoalInput,
  GoalOut,
  GoalPatch,
  IdParams,
  IndicatorDetailOut,
  IndicatorOut,
  indicatorInputSchema,
  indicatorPatchSchema,
  PlanInput,
  PlanOut,
  PlanPatch,
  SettingsInput,
  SettingsOut,
  ValuesInput,
} from './goals.schemas.ts';
import {
  createGoal,
  createGoalArea,
  createPlan,
  getGoalArea,
  getSettings,
  listPlans,
  putBoardText,
  saveSettings,
  saveWrittenAssessment,
  updateGoal,
  updateGoalArea,
  updatePlan,
} from './goals.service.ts';
import { createIndicator, goalLinks, listIndicatorRows, putIndicatorValues, updateIndicator } from './indicators.service.ts';
import { sourceSchema } from './sources.ts';

const TAGS = ['goals'];
const SECURITY = [{ bearer: [] }];
const READ_ERRORS = { 401: ErrorOut, 403: ErrorOut, 404: ErrorOut };

/** A route's OpenAPI entry: every goals route has the same tag and needs a token. */
export function doc<S extends object>(summary: string, schema: S) {
  return { summary, tags: TAGS, security: SECURITY, ...schema };
}

export function registerGoalsApi(app: App, { db }: AppContext): void {
  const source = sourceSchema();

  app.get(
    '/api/v1/goal-plans',
    {
      schema: doc('Plans of the caller’s municipality', {
        response: { 200: Type.Object({ plans: Type.Array(PlanOut) }), ...READ_ERRORS },
      }),
    },
    async (request) => ({ plans: (await listPlans(requireActor(request), { db })).map(presentPlan) }),
  );

  app.post(
    '/api/v1/goal-plans',
    {
      schema: doc('Create a plan (Mål och budget) or a board’s verksamhetsplan under one (quality or admin)', {
        body: PlanInput,
        response: { 201: PlanOut, ...ERRORS },
      }),
    },
    async (request, reply) => reply.status(201).send(presentPlan(await createPlan(requireActor(request), request.body, { db }))),
  );

  app.get(
    '/api/v1/goal-plans/:id',
    {
      schema: doc('The plan as a tree: goal areas → direction goals → operational goals, with indicators and assignments', {
        params: IdParams,
        querystring: Type.Object({
          board: Type.Optional(Type.String({ format: 'uuid' })),
          unit: Type.Optional(Type.String({ format: 'uuid' })),
        }),
        response: { 200: Type.Unknown({ description: 'plan, goalAreas[goals[children]], indicators, assignments' }), ...READ_ERRORS },
      }),
    },
    async (request) =>
      planTree(requireActor(request), request.params.id, { boardUnitId: request.query.board, unitId: request.query.unit }, { db }),
  );

  app.patch(
    '/api/v1/goal-plans/:id',
    {
      schema: doc('Change a plan’s title, years and decision (quality or admin)', {
        params: IdParams,
        body: PlanPatch,
        response: { 200: PlanOut, ...ERRORS },
      }),
    },
    async (request) => presentPlan(await updatePlan(requireActor(request), request.params.id, request.body, { db })),
  );

  app.post(
    '/api/v1/goal-plans/:id/goal-areas',
    {
      schema: doc('Add a goal area (målområde) to a plan', {
        params: IdParams,
        body: GoalAreaInput,
        response: { 201: GoalAreaOut, ...ERRORS },
      }),
    },
    async (request, reply) =>
      reply.status(201).send(presentGoalArea(await createGoalArea(requireActor(request), request.params.id, request.body, { db }))),
  );

  app.get(
    '/api/v1/goal-areas/:id',
    {
      schema: doc('One goal area', {
        params: IdParams,
        response: { 200: GoalAreaOut, ...READ_ERRORS },
      }),
    },
    async (request) => presentGoalArea(await getGoalArea(requireActor(request), request.params.id, { db })),
  );

  app.patch(
    '/api/v1/goal-areas/:id',
    {
      schema: doc('Change a goal area', {
        params: IdParams,
        body: GoalAreaPatch,
        response: { 200: GoalAreaOut, ...ERRORS },
      }),
    },
    async (request) => presentGoalArea(await updateGoalArea(requireActor(request), request.params.id, request.body, { db })),
  );

  app.post(
    '/api/v1/goal-areas/:id/goals',
    {
      schema: doc('Add a direction goal (inriktningsmål), or a board’s operational goal (verksamhetsmål) under one', {
        params: IdParams,
        body: GoalInput,
        response: { 201: GoalOut, ...ERRORS },
      }),
    },
    async (request, reply) =>
      reply.status(201).send(presentGoal(await createGoal(requireActor(request), request.params.id, request.body, { db }))),
  );

  app.get(
    '/api/v1/goals/:id',
    {
      schema: doc('A goal with its computed summary per period beside the written assessment', {
        params: IdParams,
        response: { 200: GoalDetailOut, ...READ_ERRORS },
      }),
    },
    async (request) => goalDetail(requireActor(request), request.params.id, { db }),
  );

  app.patch(
    '/api/v1/goals/:id',
    {
      schema: doc('Change a goal', {
        params: IdParams,
        body: GoalPatch,
        response: { 200: GoalOut, ...ERRORS },
      }),
    },
    async (request) => presentGoal(await updateGoal(requireActor(request), request.params.id, request.body, { db })),
  );

  // A board's text for a year, on a goal area (its contribution) or a goal (its work within it).
  for (const [path, key, summary] of [
    ['/api/v1/goal-areas/:id/board-texts', 'goalAreaId', 'A board’s contribution to the goal area for a year'],
    ['/api/v1/goals/:id/board-texts', 'goalId', 'A board’s work within the goal for a year'],
  ] as const) {
    app.put(
      path,
      { schema: doc(summary, { params: IdParams, body: BoardTextInput, response: { 204: Type.Null(), ...ERRORS } }) },
      async (request, reply) => {
        await putBoardText(requireActor(request), { [key]: request.params.id }, request.body, { db });
        return reply.status(204).send(null);
      },
    );
  }

  app.put(
    '/api/v1/goals/:id/assessments/:period',
    {
      schema: doc('The written assessment and analysis of a goal for a follow-up period (the owner’s roles, or quality)', {
        params: Type.Object({ id: Type.String({ format: 'uuid' }), period: FOLLOW_UP_PERIOD }),
        body: AssessmentInput,
        response: { 204: Type.Null(), ...ERRORS },
      }),
    },
    async (request, reply) => {
      await saveWrittenAssessment(requireActor(request), request.params.id, request.params.period, request.body, { db });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/indicators',
    {
      schema: doc('Indicators of the caller’s municipality', {
        response: { 200: Type.Object({ indicators: Type.Array(IndicatorOut) }), ...READ_ERRORS },
      }),
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await listIndicatorRows(actor, {}, { db });
      const links = await goalLinks(db, actor.tenantId, { indicatorIds: rows.map((r) => r.id) });
      const units = new Map((await listUnits(db, actor.tenantId)).map((u) => [u.id, u.name]));
      return {
        indicators: rows.map((r) =>
          presentIndicator(
            r,
            links.filter((l) => l.indicator_id === r.id).map((l) => l.goal_id),
            (id) => units.get(id),
          ),
        ),
      };
    },
  );

  app.post(
    '/api/v1/indicators',
    {
      schema: doc('Create an indicator (quality or admin)', {
        description:
          'source: manual, or a computed kind (first_response_median, first_contact_resolution, on_time_rate with unitId; promise_fulfilment with promiseId).',
        body: indicatorInputSchema(source),
        response: { 201: IndicatorOut, ...ERRORS },
      }),
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await createIndicator(actor, request.body, { db });
      return reply.status(201).send(presentIndicator(row, request.body.goalIds ?? []));
    },
  );

  app.get(
    '/api/v1/indicators/:id',
    {
      schema: doc('An indicator with its values (computed outcomes included, the current period preliminary), verdicts and history', {
        params: IdParams,
        response: { 200: IndicatorDetailOut, ...READ_ERRORS },
      }),
    },
    async (request) => indicatorDetail(requireActor(request), request.params.id, { db }),
  );

  app.patch(
    '/api/v1/indicators/:id',
    {
      schema: doc('Change an indicator (quality or admin)', {
        params: IdParams,
        body: indicatorPatchSchema(source),
        response: { 200: IndicatorOut, ...ERRORS },
      }),
    },
    async (request) => {
      const actor = requireActor(request);
      const row = await updateIndicator(actor, request.params.id, request.body, { db });
      const links = await goalLinks(db, actor.tenantId, { indicatorIds: [row.id] });
      return presentIndicator(
        row,
        links.map((l) => l.goal_id),
      );
    },
  );

  app.put(
    '/api/v1/indicators/:id/values',
    {
      schema: doc('Enter values per period and kind (outcome/forecast: the owner unit’s roles; target: quality or admin)', {
        description:
          'Unchanged values are left alone; a changed value keeps the earlier one in the history. A computed source refuses outcomes with 409 (send value null with a comment to annotate). After a round is closed only quality may change, and the change is marked.',
        params: IdParams,
        body: ValuesInput,
        response: { 200: Type.Object({ changed: Type.Integer() }), ...ERRORS },
      }),
    },
    async (request) => putIndicatorValues(requireActor(request), request.params.id, request.body, { db }),
  );

  app.get(
    '/api/v1/goal-settings',
    {
      schema: doc('The assessment rule of the municipality', {
        response: { 200: SettingsOut, ...READ_ERRORS },
      }),
    },
    async (request) => getSettings(requireActor(request), { db }),
  );

  app.put(
    '/api/v1/goal-settings',
    {
      schema: doc('Set the assessment rule (quality or admin)', {
        body: SettingsInput,
        response: { 200: SettingsOut, ...ERRORS },
      }),
    },
    async (request) => saveSettings(requireActor(request), request.body, { db }),
  );
}
