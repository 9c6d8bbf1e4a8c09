// JSON API of assignments (/api/v1/assignments) and action plans (/api/v1/action-plans).
import { Type } from 'typebox';
import { requireActor } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { localDate } from '../calendar/calendar.ts';
import { ActionPlanFields, ActionPlanInput, ActionPlanOut, ActivityInput, ActivityPatch, ProgressInput } from './action-plans.schemas.ts';
import {
  addActivity,
  createActionPlan,
  getActionPlan,
  listActionPlans,
  reportActivityProgress,
  updateActionPlan,
  updateActivity,
} from './action-plans.service.ts';
import {
  AssignmentInput,
  AssignmentOut,
  AssignmentPatch,
  AssignmentQuery,
  PeriodParams,
  StatusReportInput,
} from './assignments.schemas.ts';
import {
  createAssignment,
  getAssignment,
  listAssignments,
  presentAssignment,
  reportAssignmentStatus,
  updateAssignment,
} from './assignments.service.ts';
import { ERRORS, ErrorOut, IdParams, PERIOD } from './goals.schemas.ts';

const TAGS = ['goals'];
const SECURITY = [{ bearer: [] }];
const READ_ERRORS = { 401: ErrorOut, 403: ErrorOut, 404: ErrorOut };

export function registerWorkApi(app: App, ctx: AppContext): void {
  const { db } = ctx;
  // Read per request, so a test can set the clock.
  const today = () => localDate(ctx.now?.() ?? new Date());
  app.get(
    '/api/v1/assignments',
    {
      schema: {
        summary: 'Assignments and board initiatives, sorted by end date; filter by unit (with its subtree), status and overdue',
        tags: TAGS,
        security: SECURITY,
        querystring: AssignmentQuery,
        response: { 200: Type.Object({ assignments: Type.Array(AssignmentOut) }), ...READ_ERRORS, 400: ErrorOut },
      },
    },
    async (request) => {
      const q = request.query;
      const day = today();
      const rows = await listAssignments(
        requireActor(request),
        { unitId: q.unit, status: q.status, overdue: q.overdue, sort: q.sort },
        { db, today: day },
      );
      return { assignments: rows.map((a) => presentAssignment(a, day)) };
    },
  );

  app.post(
    '/api/v1/assignments',
    {
      schema: {
        summary: 'Create an assignment or board initiative (quality or admin)',
        tags: TAGS,
        security: SECURITY,
        body: AssignmentInput,
        response: { 201: AssignmentOut, ...ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentAssignment({ row: await createAssignment(requireActor(request), request.body, { db }), updates: [] })),
  );

  app.get(
    '/api/v1/assignments/:id',
    {
      schema: {
        summary: 'One assignment with its status per follow-up period',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        response: { 200: AssignmentOut, ...READ_ERRORS },
      },
    },
    async (request) => presentAssignment(await getAssignment(requireActor(request), request.params.id, { db }), today()),
  );

  app.patch(
    '/api/v1/assignments/:id',
    {
      schema: {
        summary: 'Change an assignment (quality or admin)',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        body: AssignmentPatch,
        response: { 200: AssignmentOut, ...ERRORS },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await updateAssignment(actor, request.params.id, request.body, { db });
      return presentAssignment(await getAssignment(actor, request.params.id, { db }), today());
    },
  );

  app.put(
    '/api/v1/assignments/:id/status/:period',
    {
      schema: {
        summary: 'Report an assignment’s status and comment for a follow-up period (the responsible unit’s roles)',
        tags: TAGS,
        security: SECURITY,
        params: PeriodParams,
        body: StatusReportInput,
        response: { 200: AssignmentOut, ...ERRORS },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await reportAssignmentStatus(actor, request.params.id, request.params.period, request.body, { db });
      return presentAssignment(await getAssignment(actor, request.params.id, { db }), today());
    },
  );

  app.get(
    '/api/v1/action-plans',
    {
      schema: {
        summary: 'Action plans of the caller’s municipality',
        tags: TAGS,
        security: SECURITY,
        response: {
          200: Type.Object({
            actionPlans: Type.Array(
              Type.Object({ id: Type.String(), title: Type.String(), periodFrom: Type.String(), periodTo: Type.String() }),
            ),
          }),
          ...READ_ERRORS,
        },
      },
    },
    async (request) => ({
      actionPlans: (await listActionPlans(requireActor(request), { db })).map((p) => ({
        id: p.id,
        title: p.title,
        periodFrom: p.period_from,
        periodTo: p.period_to,
      })),
    }),
  );

  app.post(
    '/api/v1/action-plans',
    {
      schema: {
        summary: 'Create an action plan with its activities (quality or admin)',
        tags: TAGS,
        security: SECURITY,
        body: ActionPlanInput,
        response: { 201: ActionPlanOut, ...ERRORS },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await createActionPlan(actor, request.body, { db });
      return reply.status(201).send(await getActionPlan(actor, id, { db }));
    },
  );

  app.get(
    '/api/v1/action-plans/:id',
    {
      schema: {
        summary: 'An action plan with its activities and their progress',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        response: { 200: ActionPlanOut, ...READ_ERRORS },
      },
    },
    async (request) => getActionPlan(requireActor(request), request.params.id, { db }),
  );

  app.put(
    '/api/v1/action-plans/:id',
    {
      schema: {
        summary: 'Replace an action plan’s own fields; its activities stay (quality or admin)',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        body: ActionPlanFields,
        response: { 200: ActionPlanOut, ...ERRORS },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await updateActionPlan(actor, request.params.id, request.body, { db });
      return getActionPlan(actor, request.params.id, { db });
    },
  );

  app.post(
    '/api/v1/action-plans/:id/activities',
    {
      schema: {
        summary: 'Add an activity (quality or admin)',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        body: ActivityInput,
        response: { 201: Type.Object({ id: Type.String() }), ...ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ id: (await addActivity(requireActor(request), request.params.id, request.body, { db })).id }),
  );

  app.patch(
    '/api/v1/activities/:id',
    {
      schema: {
        summary: 'Change an activity (quality or admin)',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        body: ActivityPatch,
        response: { 204: Type.Null(), ...ERRORS },
      },
    },
    async (request, reply) => {
      await updateActivity(requireActor(request), request.params.id, request.body, { db });
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/v1/activities/:id/progress/:period',
    {
      schema: {
        summary: 'Report an activity’s progress for a follow-up period (the responsible unit’s roles)',
        tags: TAGS,
        security: SECURITY,
        params: Type.Object({ id: Type.String({ format: 'uuid' }), period: PERIOD }),
        body: ProgressInput,
        response: { 204: Type.Null(), ...ERRORS },
      },
    },
    async (request, reply) => {
      await reportActivityProgress(requireActor(request), request.params.id, request.params.period, request.body, { db });
      return reply.status(204).send(null);
    },
  );
}
