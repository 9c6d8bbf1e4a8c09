// FixMyStreet's update extension: GET and POST /open311/v2/servicerequestupdates.{json,xml}.
import { Type } from 'typebox';
import type { App, AppContext } from '../../http/context.ts';
import { toXml } from './open311.format.ts';
import { FORMATS, media, POST_BODY_LIMIT, send } from './open311.http.ts';
import { Common, ErrorsOut, Paging, PostUpdateBody, UpdateOut, Window } from './open311.schemas.ts';
import { integrationActor, langOf, requireIntegrationActor, resolveJurisdiction } from './open311.service.ts';
import { listUpdates, postUpdate } from './open311.updates.ts';

export function registerUpdateRoutes(scope: App, { db, config }: AppContext): void {
  const tags = ['open311'];
  for (const format of FORMATS) {
    const produces = media(format);

    scope.get(
      `/v2/servicerequestupdates.${format}`,
      {
        schema: {
          summary: `The municipality's answers and status changes, ${format.toUpperCase()} (FixMyStreet's extension)`,
          description:
            'Oldest first, in a window of at most 90 days (default: the last 90 days). A referral to another authority is NOT_COUNCILS_RESPONSIBILITY. The text of an answer is given only to a valid api_key, for requests filed through Open311; otherwise a short description of what happened.',
          tags,
          produces,
          querystring: Type.Object({ ...Common, ...Window, ...Paging }),
          response: { 200: Type.Array(UpdateOut), '4xx': ErrorsOut },
        },
      },
      async (request, reply) => {
        const q = request.query;
        const tenant = await resolveJurisdiction(db, q.jurisdiction_id);
        const reader = await integrationActor(db, tenant, request.actor, q.api_key, { required: false });
        const updates = await listUpdates(db, tenant, q, reader, langOf(q.locale));
        return send(reply, format, 200, updates, () => toXml('service_request_updates', 'request_update', updates));
      },
    );

    scope.post(
      `/v2/servicerequestupdates.${format}`,
      {
        schema: {
          summary: `A resident's update on a request, ${format.toUpperCase()} (FixMyStreet's extension)`,
          description:
            'Recorded as a message from the resident on the case. Needs api_key (or Authorization: Bearer) of a user of the municipality with a case role.',
          tags,
          produces,
          security: [{ bearer: [] }],
          body: PostUpdateBody,
          response: { 201: Type.Array(Type.Object({ update_id: Type.String() })), '4xx': ErrorsOut },
        },
        bodyLimit: POST_BODY_LIMIT,
        config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const body = request.body;
        const tenant = await resolveJurisdiction(db, body.jurisdiction_id);
        const actor = await requireIntegrationActor(db, tenant, request.actor, body.api_key);
        const { update, replayed } = await postUpdate(actor, body as Record<string, unknown>, { db, baseUrl: config.baseUrl });
        const out = [update];
        return send(reply, format, replayed ? 200 : 201, out, () => toXml('service_request_updates', 'request_update', out));
      },
    );
  }
}
