// Open311 GeoReport v2 at /open311/ (https://wiki.open311.org/GeoReport_v2): service discovery,
// services, service definitions, service requests, and FixMyStreet's servicerequestupdates, in
// JSON and XML. Its own Fastify scope, so every error under /open311/ has the spec's shape.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireActor } from '../../http/auth.ts';
import { type App, type AppContext, publicReads } from '../../http/context.ts';
import { toXml } from './open311.format.ts';
import { FORMATS, media, POST_BODY_LIMIT, prepareScope, send } from './open311.http.ts';
import { PublishInput, publishRequest } from './open311.publish.ts';
import { getRequest, listRequests } from './open311.requests.ts';
import {
  Common,
  CreatedOut,
  DefinitionOut,
  DiscoveryOut,
  ErrorsOut,
  Paging,
  PostRequestBody,
  RequestOut,
  ServiceOut,
  Window,
} from './open311.schemas.ts';
import {
  createRequest,
  integrationActor,
  langOf,
  listServices,
  requireIntegrationActor,
  resolveJurisdiction,
  serviceDefinition,
} from './open311.service.ts';
import { registerUpdateRoutes } from './open311.updates.routes.ts';

/** When this API last changed in a way clients should notice (the spec's changeset). */
const CHANGESET = '2026-12-01T00:00:00Z';

export function registerOpen311Routes(app: App, ctx: AppContext): void {
  app.register(
    async (plain: FastifyInstance) => {
      const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
      prepareScope(plain);
      registerRoutes(scope, ctx);
      registerUpdateRoutes(scope, ctx);
    },
    { prefix: '/open311' },
  );
  registerPublishRoute(app, ctx);
}

/** Staff publish a case as an Open311 request (JSON API, token). */
function registerPublishRoute(app: App, { db }: AppContext): void {
  app.put(
    '/api/v1/cases/:id/open311',
    {
      schema: {
        summary: 'Publish a case in Open311 with a public description, or withdraw it (null)',
        tags: ['open311'],
        security: [{ bearer: [] }],
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: PublishInput,
        response: { 200: Type.Object({ published: Type.Boolean() }) },
      },
    },
    async (request) => publishRequest(requireActor(request), request.params.id, request.body, { db }),
  );
}

function registerRoutes(scope: App, ctx: AppContext): void {
  const { db, config } = ctx;
  // Listings may come from the read replica; a single request (often read back right after it
  // was filed) and every write stay on the primary.
  const reads = publicReads(ctx);
  const tags = ['open311'];
  for (const format of FORMATS) {
    const produces = media(format);

    scope.get(
      `/discovery.${format}`,
      { schema: { summary: `Service discovery, ${format.toUpperCase()}`, tags, produces, response: { 200: DiscoveryOut } } },
      async (_request, reply) => {
        const discovery = {
          changeset: CHANGESET,
          contact: 'Contact the municipality’s Insyn administrators.',
          key_service: 'An administrator of the municipality issues a personal API token (insyn_…) to a user with a case role.',
          endpoints: [
            {
              specification: 'http://wiki.open311.org/GeoReport_v2',
              url: `${config.baseUrl}/open311/v2`,
              changeset: CHANGESET,
              type: 'production',
              formats: ['text/xml', 'application/json'],
            },
          ],
        };
        return send(reply, format, 200, discovery, () => toXml('discovery', null, discovery, { endpoints: 'endpoint', formats: 'format' }));
      },
    );

    scope.get(
      `/v2/services.${format}`,
      {
        schema: {
          summary: `Services (categories), ${format.toUpperCase()}`,
          tags,
          produces,
          querystring: Type.Object(Common),
          response: { 200: Type.Array(ServiceOut), '4xx': ErrorsOut },
        },
      },
      async (request, reply) => {
        const tenant = await resolveJurisdiction(db, request.query.jurisdiction_id);
        // Reading needs no key, but a wrong one is refused rather than ignored.
        await integrationActor(db, tenant, request.actor, request.query.api_key, { required: false });
        const services = await listServices(reads, tenant, langOf(request.query.locale));
        return send(reply, format, 200, services, () => toXml('services', 'service', services));
      },
    );

    scope.get(
      `/v2/services/:service_code.${format}`,
      {
        schema: {
          summary: `Service definition (the attribute "type"), ${format.toUpperCase()}`,
          tags,
          produces,
          params: Type.Object({ service_code: Type.String({ maxLength: 100 }) }),
          querystring: Type.Object(Common),
          response: { 200: DefinitionOut, '4xx': ErrorsOut },
        },
      },
      async (request, reply) => {
        const tenant = await resolveJurisdiction(db, request.query.jurisdiction_id);
        // Reading needs no key, but a wrong one is refused rather than ignored.
        await integrationActor(db, tenant, request.actor, request.query.api_key, { required: false });
        const definition = await serviceDefinition(reads, tenant, request.params.service_code, langOf(request.query.locale));
        return send(reply, format, 200, definition, () =>
          toXml('service_definition', null, definition, { attributes: 'attribute', values: 'value' }),
        );
      },
    );

    scope.get(
      `/v2/requests.${format}`,
      {
        schema: {
          summary: `Service requests (cases), ${format.toUpperCase()}; no personal data`,
          description:
            'Newest first. Without service_request_id, the requests received in a window of at most 90 days (default: the last 90 days).',
          tags,
          produces,
          querystring: Type.Object({
            ...Common,
            ...Window,
            ...Paging,
            service_request_id: Type.Optional(
              Type.String({ maxLength: 20_000, description: 'Comma-separated case numbers; other filters are then ignored' }),
            ),
            service_code: Type.Optional(Type.String({ maxLength: 4000, description: 'Comma-separated service codes' })),
            status: Type.Optional(Type.String({ maxLength: 20, description: 'open, closed or open,closed' })),
          }),
          response: { 200: Type.Array(RequestOut), '4xx': ErrorsOut },
        },
      },
      async (request, reply) => {
        const tenant = await resolveJurisdiction(db, request.query.jurisdiction_id);
        // Reading needs no key, but a wrong one is refused rather than ignored.
        await integrationActor(db, tenant, request.actor, request.query.api_key, { required: false });
        const requests = await listRequests(reads, tenant, request.query, langOf(request.query.locale));
        return send(reply, format, 200, requests, () => toXml('service_requests', 'request', requests));
      },
    );

    scope.get(
      `/v2/requests/:service_request_id.${format}`,
      {
        schema: {
          summary: `One service request (case), ${format.toUpperCase()}`,
          tags,
          produces,
          params: Type.Object({ service_request_id: Type.String({ maxLength: 100 }) }),
          querystring: Type.Object(Common),
          response: { 200: Type.Array(RequestOut), '4xx': ErrorsOut },
        },
      },
      async (request, reply) => {
        const tenant = await resolveJurisdiction(db, request.query.jurisdiction_id);
        // Reading needs no key, but a wrong one is refused rather than ignored.
        await integrationActor(db, tenant, request.actor, request.query.api_key, { required: false });
        const one = [await getRequest(db, tenant, request.params.service_request_id, langOf(request.query.locale))];
        return send(reply, format, 200, one, () => toXml('service_requests', 'request', one));
      },
    );

    scope.post(
      `/v2/requests.${format}`,
      {
        schema: {
          summary: `File a service request (case), ${format.toUpperCase()}`,
          description:
            'Form-encoded or JSON; parameters may also come in the query string. Needs api_key (or Authorization: Bearer) of a user of the municipality with a case role (e.g. agent). Every attribute[code] (and attribute[code][] for several values) is kept.',
          tags,
          produces,
          security: [{ bearer: [] }],
          body: PostRequestBody,
          response: { 201: Type.Array(CreatedOut), '4xx': ErrorsOut },
        },
        bodyLimit: POST_BODY_LIMIT,
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const params = request.body as Record<string, unknown>;
        const tenant = await resolveJurisdiction(db, request.body.jurisdiction_id);
        const actor = await requireIntegrationActor(db, tenant, request.actor, request.body.api_key);
        const created = [await createRequest(actor, tenant, params, langOf(request.body.locale), { db })];
        return send(reply, format, 201, created, () => toXml('service_requests', 'request', created));
      },
    );
  }
}
