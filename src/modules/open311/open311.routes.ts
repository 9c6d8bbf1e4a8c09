// Open311 GeoReport v2 at /open311/v2/ (https://wiki.open311.org/GeoReport_v2): services,
// service definitions, and service requests in JSON and XML. Errors follow the spec's shape.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App, AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { actorFromToken } from '../accounts/accounts.service.ts';
import { toXml, XML_TYPE } from './open311.format.ts';
import {
  createRequest,
  getRequest,
  langOf,
  listRequests,
  listServices,
  Open311Error,
  type PostRequestInput,
  resolveJurisdiction,
  serviceDefinition,
} from './open311.service.ts';

const FORMATS = ['json', 'xml'] as const;
type Format = (typeof FORMATS)[number];

const Common = {
  jurisdiction_id: Type.Optional(
    Type.String({ description: 'The municipality’s slug; optional when the installation has one municipality' }),
  ),
  locale: Type.Optional(Type.String({ description: 'sv (default), fi or en' })),
};
const ServiceOut = Type.Object({
  service_code: Type.String(),
  service_name: Type.String(),
  description: Type.String(),
  metadata: Type.Boolean(),
  type: Type.String(),
  keywords: Type.String(),
  group: Type.String(),
});
const DefinitionOut = Type.Object({
  service_code: Type.String(),
  attributes: Type.Array(
    Type.Object({
      variable: Type.Boolean(),
      code: Type.String(),
      datatype: Type.String(),
      required: Type.Boolean(),
      datatype_description: Type.String(),
      order: Type.Integer(),
      description: Type.String(),
      values: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
    }),
  ),
});
const RequestOut = Type.Object({
  service_request_id: Type.String(),
  status: Type.Enum(['open', 'closed'] as const),
  status_notes: Type.String(),
  service_name: Type.String(),
  service_code: Type.String(),
  agency_responsible: Type.String(),
  service_notice: Type.String(),
  requested_datetime: Type.String(),
  updated_datetime: Type.String(),
  expected_datetime: Type.String(),
});
const CreatedOut = Type.Object({
  service_request_id: Type.String(),
  service_notice: Type.String(),
  account_id: Type.Union([Type.String(), Type.Null()]),
});
const ErrorsOut = Type.Array(Type.Object({ code: Type.Integer(), description: Type.String() }));
const PostBody = Type.Object({
  ...Common,
  api_key: Type.Optional(
    Type.String({ description: 'A personal API token (insyn_…) of a user with a case role; or send it as Authorization: Bearer' }),
  ),
  service_code: Type.String(),
  description: Type.String({ description: 'The message (required by Insyn)' }),
  'attribute[type]': Type.Optional(Type.String({ description: 'question, praise, complaint, suggestion or error_report (default)' })),
  lat: Type.Optional(Type.String()),
  long: Type.Optional(Type.String()),
  address_string: Type.Optional(Type.String()),
  address_id: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  device_id: Type.Optional(Type.String()),
  account_id: Type.Optional(Type.String()),
  first_name: Type.Optional(Type.String()),
  last_name: Type.Optional(Type.String()),
  phone: Type.Optional(Type.String()),
  media_url: Type.Optional(Type.String()),
});

function send(reply: FastifyReply, format: Format, status: number, json: unknown, xml: () => string) {
  reply.status(status);
  if (format === 'xml') return reply.type(XML_TYPE).send(xml());
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(json));
}

/** Errors in GeoReport's shape: [{ code, description }] / <errors><error>…</error></errors>. */
function sendError(reply: FastifyReply, format: Format, status: number, description: string) {
  const errors = [{ code: status, description }];
  return send(reply, format, status, errors, () => toXml('errors', 'error', errors));
}

function errorHandlerFor(format: Format) {
  return (error: Error & { statusCode?: number; validation?: unknown }, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof Open311Error) return sendError(reply, format, error.status, error.message);
    if (error instanceof AppError) return sendError(reply, format, error.status, error.status === 401 ? 'Invalid api_key.' : error.message);
    if (error.validation) return sendError(reply, format, 400, error.message);
    if (error.statusCode === 401) return sendError(reply, format, 401, 'Invalid api_key.');
    if (error.statusCode === 429) return sendError(reply, format, 429, 'Too many requests.');
    request.log.error({ err: error }, 'open311 error');
    return sendError(reply, format, 500, 'Internal error.');
  };
}

export function registerOpen311Routes(app: App, { db }: AppContext): void {
  for (const format of FORMATS) {
    const errorHandler = errorHandlerFor(format);
    const produces = [format === 'xml' ? 'text/xml' : 'application/json'];
    const tags = ['open311'];

    app.get(
      `/open311/v2/services.${format}`,
      {
        schema: {
          summary: `Services (categories), ${format.toUpperCase()}`,
          tags,
          produces,
          querystring: Type.Object(Common),
          response: { 200: Type.Array(ServiceOut), '4xx': ErrorsOut },
        },
        errorHandler,
      },
      async (request, reply) => {
        const tenant = await resolveJurisdiction(db, request.query.jurisdiction_id);
        const services = await listServices(db, tenant, langOf(request.query.locale));
        return send(reply, format, 200, services, () => toXml('services', 'service', services));
      },
    );

    app.get(
      `/open311/v2/services/:service_code.${format}`,
      {
        schema: {
          summary: `Service definition (the attribute "type"), ${format.toUpperCase()}`,
          tags,
          produces,
          params: Type.Object({ service_code: Type.String() }),
          querystring: Type.Object(Common),
          response: { 200: DefinitionOut, '4xx': ErrorsOut },
        },
        errorHandler,
      },
      async (request, reply) => {
        const tenant = await resolveJurisdiction(db, request.query.jurisdiction_id);
        const definition = await serviceDefinition(db, tenant, request.params.service_code, langOf(request.query.locale));
        return send(reply, format, 200, definition, () =>
          toXml('service_definition', null, definition, { attributes: 'attribute', values: 'value' }),
        );
      },
    );

    app.get(
      `/open311/v2/requests.${format}`,
      {
        schema: {
          summary: `Service requests (cases), ${format.toUpperCase()}; no personal data`,
          tags,
          produces,
          querystring: Type.Object({
            ...Common,
            service_request_id: Type.Optional(Type.String({ description: 'Comma-separated case numbers; other filters are then ignored' })),
            service_code: Type.Optional(Type.String({ description: 'Comma-separated service codes' })),
            start_date: Type.Optional(Type.String({ description: 'W3C date-time; default 90 days before end_date' })),
            end_date: Type.Optional(Type.String({ description: 'W3C date-time' })),
            status: Type.Optional(Type.String({ description: 'open, closed or open,closed' })),
          }),
          response: { 200: Type.Array(RequestOut), '4xx': ErrorsOut },
        },
        errorHandler,
      },
      async (request, reply) => {
        const tenant = await resolveJurisdiction(db, request.query.jurisdiction_id);
        const q = request.query;
        const requests = await listRequests(
          db,
          tenant,
          q.service_request_id ? { service_request_id: q.service_request_id } : q,
          langOf(q.locale),
        );
        return send(reply, format, 200, requests, () => toXml('service_requests', 'request', requests));
      },
    );

    app.get(
      `/open311/v2/requests/:service_request_id.${format}`,
      {
        schema: {
          summary: `One service request (case), ${format.toUpperCase()}`,
          tags,
          produces,
          params: Type.Object({ service_request_id: Type.String() }),
          querystring: Type.Object(Common),
          response: { 200: Type.Array(RequestOut), '4xx': ErrorsOut },
        },
        errorHandler,
      },
      async (request, reply) => {
        const tenant = await resolveJurisdiction(db, request.query.jurisdiction_id);
        const one = [await getRequest(db, tenant, request.params.service_request_id, langOf(request.query.locale))];
        return send(reply, format, 200, one, () => toXml('service_requests', 'request', one));
      },
    );

    app.post(
      `/open311/v2/requests.${format}`,
      {
        schema: {
          summary: `File a service request (case), ${format.toUpperCase()}`,
          description:
            'Form-encoded or JSON. Needs api_key (or Authorization: Bearer) of a user of the municipality with a case role (e.g. agent).',
          tags,
          produces,
          security: [{ bearer: [] }],
          body: PostBody,
          response: { 201: Type.Array(CreatedOut), '4xx': ErrorsOut },
        },
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        errorHandler,
      },
      async (request, reply) => {
        const body = request.body;
        const tenant = await resolveJurisdiction(db, body.jurisdiction_id);
        const actor = request.actor ?? (body.api_key ? await actorFromToken(db, body.api_key) : undefined);
        if (!actor) throw new Open311Error(403, 'A valid api_key is required to file a service request.');
        const input: PostRequestInput = {
          service_code: body.service_code,
          description: body.description,
          type: body['attribute[type]'] ?? (body as { attribute?: { type?: string } }).attribute?.type,
          lat: body.lat,
          long: body.long,
          address_string: body.address_string,
          email: body.email,
          first_name: body.first_name,
          last_name: body.last_name,
          phone: body.phone,
        };
        const created = [await createRequest(actor, tenant, input, langOf(body.locale), { db })];
        return send(reply, format, 201, created, () => toXml('service_requests', 'request', created));
      },
    );
  }
}
