// JSON API of the promise register (/api/v1/promises). Writes: role quality or admin with a
// token; reads: any staff role. A promise of another municipality is a 404.
import { Type } from 'typebox';
import { requireActor } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { CalendarDate, Year } from '../../http/input.ts';
import type { Actor } from '../accounts/actor.ts';
import { isValidLocalDate } from '../calendar/calendar.ts';
import { presentClaim, presentDetail, presentMeasurement, presentPromise } from './promises.present.ts';
import { createResultsLoader, promiseFulfilment, promiseYearResults } from './promises.results.ts';
import {
  ClaimInput,
  ClaimOut,
  CreatePromiseInput,
  FulfilmentOut,
  MeasurementInput,
  MeasurementOut,
  PatchPromiseInput,
  PROMISE_STATUSES,
  PromiseDetailOut,
  PromiseOut,
  TransitionInput,
} from './promises.schemas.ts';
import {
  addClaim,
  addMeasurements,
  createPromise,
  getPromise,
  listClaims,
  listMeasurements,
  listPromiseEvents,
  listPromises,
  minCount,
  setMinCount,
  transitionPromise,
  updatePromise,
} from './promises.service.ts';

const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const TAGS = ['promises'];
const SECURITY = [{ bearer: [] }];
const ErrorOut = Type.Object({
  error: Type.String(),
  message: Type.String(),
  fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
});
const ERRORS = { 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut };

/** Any staff role may read; the actor exists only as a member of its tenant. */
function reader(request: Parameters<typeof requireActor>[0]): Actor {
  const actor = requireActor(request);
  if (actor.grants.length === 0) throw new AppError('forbidden', 'Du har ingen roll i organisationen.');
  return actor;
}

function badDate(field: string): AppError {
  return new AppError('validation', `${field} är inget giltigt datum.`, {
    fields: [{ field, message: `${field} är inget giltigt datum (ÅÅÅÅ-MM-DD).` }],
  });
}

export function registerPromiseApi(app: App, { db }: AppContext): void {
  app.get(
    '/api/v1/promises',
    {
      schema: {
        summary: 'Service promises of the caller’s municipality (latest version of each)',
        tags: TAGS,
        security: SECURITY,
        querystring: Type.Object({ status: Type.Optional(Type.Enum(PROMISE_STATUSES)) }),
        response: { 200: Type.Object({ promises: Type.Array(PromiseOut) }), 401: ErrorOut, 403: ErrorOut },
      },
    },
    async (request) => {
      const actor = reader(request);
      const { status } = request.query;
      const promises = await listPromises(db, actor.tenantId, status ? { statuses: [status] } : {});
      return { promises: promises.map(presentPromise) };
    },
  );

  app.post(
    '/api/v1/promises',
    {
      schema: {
        summary: 'Create a promise as a draft (role quality or admin)',
        description: 'Every promise follows one template. It can be decided only once it has a metric and a target.',
        tags: TAGS,
        security: SECURITY,
        body: CreatePromiseInput,
        response: { 201: PromiseOut, ...ERRORS },
      },
    },
    async (request, reply) => {
      const promise = await createPromise(requireActor(request), request.body, { db });
      return reply.status(201).send(presentPromise(promise));
    },
  );

  app.get(
    '/api/v1/promises/:id',
    {
      schema: {
        summary: 'One promise with all its versions and status changes',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        response: { 200: PromiseDetailOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut },
      },
    },
    async (request) => {
      const actor = reader(request);
      const promise = await getPromise(db, actor.tenantId, request.params.id);
      return presentDetail(promise, await listPromiseEvents(db, actor.tenantId, promise.id));
    },
  );

  app.patch(
    '/api/v1/promises/:id',
    {
      schema: {
        summary: 'Change a promise (a draft in place; a decided promise gets a new version from validFrom)',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        body: PatchPromiseInput,
        response: { 200: PromiseOut, ...ERRORS },
      },
    },
    async (request) => {
      return presentPromise(await updatePromise(requireActor(request), request.params.id, request.body, { db }));
    },
  );

  app.post(
    '/api/v1/promises/:id/transitions',
    {
      schema: {
        summary: 'Decide, publish or retire a promise',
        description: 'draft → decided (needs metric, target and decision) → published → retired. A retired promise cannot change.',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        body: TransitionInput,
        response: { 200: PromiseOut, ...ERRORS },
      },
    },
    async (request) => {
      return presentPromise(await transitionPromise(requireActor(request), request.params.id, request.body, { db }));
    },
  );

  app.get(
    '/api/v1/promises/:id/measurements',
    {
      schema: {
        summary: 'Entered values of a measured series',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        response: { 200: Type.Object({ measurements: Type.Array(MeasurementOut) }), 401: ErrorOut, 403: ErrorOut, 404: ErrorOut },
      },
    },
    async (request) => {
      const actor = reader(request);
      const promise = await getPromise(db, actor.tenantId, request.params.id);
      return { measurements: (await listMeasurements(db, actor.tenantId, promise.id)).map(presentMeasurement) };
    },
  );

  app.post(
    '/api/v1/promises/:id/measurements',
    {
      schema: {
        summary: 'Enter the value of a month (replaces an earlier value of the same month)',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        body: MeasurementInput,
        response: { 201: MeasurementOut, ...ERRORS },
      },
    },
    async (request, reply) => {
      const [saved] = await addMeasurements(requireActor(request), request.params.id, request.body, { db });
      return reply.status(201).send(presentMeasurement(saved));
    },
  );

  app.get(
    '/api/v1/promises/:id/claims',
    {
      schema: {
        summary: 'Invoked guarantees of a promise',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        response: { 200: Type.Object({ claims: Type.Array(ClaimOut) }), 401: ErrorOut, 403: ErrorOut, 404: ErrorOut },
      },
    },
    async (request) => {
      const actor = reader(request);
      const promise = await getPromise(db, actor.tenantId, request.params.id);
      return { claims: (await listClaims(db, actor.tenantId, promise.id)).map(presentClaim) };
    },
  );

  app.post(
    '/api/v1/promises/:id/claims',
    {
      schema: {
        summary: 'Record that a resident invoked the guarantee',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        body: ClaimInput,
        response: { 201: ClaimOut, ...ERRORS },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentClaim(await addClaim(requireActor(request), request.params.id, request.body, { db }))),
  );

  app.get(
    '/api/v1/promises/:id/fulfilment',
    {
      schema: {
        summary: 'How well the promise was kept over a date range',
        description:
          'Counts the cases, meetings or months whose deadline falls in [from, to] while a decided version was in force. status is too_few below the minimum count.',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        querystring: Type.Object({
          from: CalendarDate(),
          to: CalendarDate(),
        }),
        response: { 200: FulfilmentOut, ...ERRORS },
      },
    },
    async (request) => {
      const actor = reader(request);
      const { from, to } = request.query;
      if (!isValidLocalDate(from)) throw badDate('from');
      if (!isValidLocalDate(to) || to < from) throw badDate('to');
      return promiseFulfilment(db, actor.tenantId, request.params.id, { from, to });
    },
  );

  app.get(
    '/api/v1/promises/:id/results',
    {
      schema: {
        summary: 'Results of a year: months, delår 1 (Jan–Apr), delår 2 (Jan–Aug), year, with the same periods of earlier years',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        querystring: Type.Object({ year: Year() }),
        response: { 200: Type.Unknown(), ...ERRORS },
      },
    },
    async (request) => {
      const actor = reader(request);
      const promise = await getPromise(db, actor.tenantId, request.params.id);
      return promiseYearResults(createResultsLoader(db, actor.tenantId), promise, request.query.year);
    },
  );

  app.get(
    '/api/v1/promise-settings',
    {
      schema: {
        summary: 'Settings of promise results (minimum count for a verdict)',
        tags: TAGS,
        security: SECURITY,
        response: { 200: Type.Object({ minCount: Type.Integer() }), 401: ErrorOut, 403: ErrorOut },
      },
    },
    async (request) => ({ minCount: await minCount(db, reader(request).tenantId) }),
  );

  app.put(
    '/api/v1/promise-settings',
    {
      schema: {
        summary: 'Change the minimum count below which a period is "too few to judge" (role quality or admin)',
        tags: TAGS,
        security: SECURITY,
        body: Type.Object({ minCount: Type.Integer({ minimum: 1, maximum: 1000 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ minCount: Type.Integer() }), ...ERRORS },
      },
    },
    async (request) => ({ minCount: await setMinCount(requireActor(request), request.body, { db }) }),
  );
}
