// JSON API of follow-up rounds (/api/v1/follow-up-rounds, /api/v1/follow-up-items).
import { Type } from 'typebox';
import { requireActor } from '../../http/auth.ts';
import type { App, AppContext } from '../../http/context.ts';
import { ERRORS, ErrorOut, IdParams } from './goals.schemas.ts';
import { BoardOut, ItemOut, RoundInput, RoundOut, SendBackInput } from './rounds.schemas.ts';
import { closeRound, listRounds, markReady, myItems, openRound, presentRound, progressBoard, sendBack } from './rounds.service.ts';

const TAGS = ['goals'];
const SECURITY = [{ bearer: [] }];

export function registerRoundsApi(app: App, { db }: AppContext): void {
  app.get(
    '/api/v1/follow-up-rounds',
    {
      schema: {
        summary: 'Follow-up rounds, newest deadline first',
        tags: TAGS,
        security: SECURITY,
        response: { 200: Type.Object({ rounds: Type.Array(RoundOut) }), 401: ErrorOut, 403: ErrorOut },
      },
    },
    async (request) => ({ rounds: (await listRounds(requireActor(request), { db })).map(presentRound) }),
  );

  app.post(
    '/api/v1/follow-up-rounds',
    {
      schema: {
        summary: 'Open a follow-up round for a period of a plan (quality or admin)',
        description:
          'Every manual indicator, goal, open assignment of the plan and running activity becomes an item in its owner unit’s list.',
        tags: TAGS,
        security: SECURITY,
        body: RoundInput,
        response: { 201: RoundOut, ...ERRORS },
      },
    },
    async (request, reply) => reply.status(201).send(presentRound(await openRound(requireActor(request), request.body, { db }))),
  );

  app.get(
    '/api/v1/follow-up-rounds/:id',
    {
      schema: {
        summary: 'The round’s progress board per unit (quality or admin)',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        response: { 200: BoardOut, ...ERRORS },
      },
    },
    async (request) => progressBoard(requireActor(request), request.params.id, { db }),
  );

  app.post(
    '/api/v1/follow-up-rounds/:id/close',
    {
      schema: {
        summary: 'Close the round: its values are locked (a later change needs quality, is audited and marked)',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        response: { 200: RoundOut, ...ERRORS },
      },
    },
    async (request) => presentRound(await closeRound(requireActor(request), request.params.id, { db })),
  );

  app.get(
    '/api/v1/follow-up-items/mine',
    {
      schema: {
        summary: '“Att rapportera”: the items of open rounds the caller reports for',
        tags: TAGS,
        security: SECURITY,
        response: {
          200: Type.Object({ rounds: Type.Array(Type.Object({ round: RoundOut, items: Type.Array(ItemOut) })) }),
          401: ErrorOut,
          403: ErrorOut,
        },
      },
    },
    async (request) => ({ rounds: await myItems(requireActor(request), { db }) }),
  );

  app.post(
    '/api/v1/follow-up-items/:id/ready',
    {
      schema: {
        summary: 'Mark an item ready (the owner unit’s roles; only once filled in)',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        response: { 204: Type.Null(), ...ERRORS },
      },
    },
    async (request, reply) => {
      await markReady(requireActor(request), request.params.id, { db });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/follow-up-items/:id/send-back',
    {
      schema: {
        summary: 'Send an item back with a comment (quality or admin)',
        tags: TAGS,
        security: SECURITY,
        params: IdParams,
        body: SendBackInput,
        response: { 204: Type.Null(), ...ERRORS },
      },
    },
    async (request, reply) => {
      await sendBack(requireActor(request), request.params.id, request.body, { db });
      return reply.status(204).send(null);
    },
  );
}
