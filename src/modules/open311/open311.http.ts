// The HTTP side of Open311 in one scope: the answer format (.json / .xml), errors in the spec's
// shape for every path under /open311/ (unknown ones and Fastify's own 4xx included), and the
// way clients send POST parameters (form, JSON, or the query string).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.ts';
import { toXml, XML_TYPE } from './open311.format.ts';
import { Open311Error } from './open311.input.ts';

export type Format = 'json' | 'xml';
export const FORMATS = ['json', 'xml'] as const satisfies readonly Format[];
export const media = (format: Format) => [format === 'xml' ? 'text/xml' : 'application/json'];
/** POST bodies are parameters, not files: 128 KiB is far above the longest description. */
export const POST_BODY_LIMIT = 128 * 1024;

/** The format a path asks for; without an extension, JSON when the client accepts it, else XML (the spec's required one). */
export function formatOf(request: FastifyRequest): Format {
  const path = request.url.split('?')[0];
  if (path.endsWith('.json')) return 'json';
  if (path.endsWith('.xml')) return 'xml';
  return (request.headers.accept ?? '').includes('json') ? 'json' : 'xml';
}

export function send(reply: FastifyReply, format: Format, status: number, json: unknown, xml: () => string) {
  reply.status(status);
  if (format === 'xml') return reply.type(XML_TYPE).send(xml());
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(json));
}

/** Errors in GeoReport's shape: [{ code, description }] / <errors><error>…</error></errors>. */
export function sendError(reply: FastifyReply, format: Format, status: number, description: string) {
  const errors = [{ code: status, description }];
  return send(reply, format, status, errors, () => toXml('errors', 'error', errors));
}

interface ValidationIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Schema errors in words a client's developer can act on, naming the Open311 parameter. */
function describe(issues: ValidationIssue[]): string {
  const sentences = issues.slice(0, 5).map((issue) => {
    const p = issue.params ?? {};
    const missing = typeof p.missingProperty === 'string' ? p.missingProperty : '';
    const field = missing || (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.') || 'request';
    switch (issue.keyword) {
      case 'required':
        return `${field} is required.`;
      case 'pattern':
        return `${field} contains characters that are not allowed.`;
      case 'maxLength':
        return `${field} may have at most ${String(p.limit)} characters.`;
      case 'type':
        return p.type === 'integer' || p.type === 'number'
          ? `${field} must be a whole number.`
          : `${field} must be given once, as ${String(p.type)}.`;
      case 'minimum':
      case 'maximum':
        return `${field} must be ${issue.keyword === 'minimum' ? 'at least' : 'at most'} ${String(p.limit)}.`;
      case 'maxProperties':
      case 'maxItems':
        return `${field} has too many values.`;
      default:
        return `${field}: ${issue.message ?? 'not valid'}.`;
    }
  });
  return [...new Set(sentences)].join(' ');
}

/** Every error under /open311/ becomes a spec error; only what is truly unexpected is a 500 (and logged). */
export function open311ErrorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const format = formatOf(request);
  if (error instanceof Open311Error) return sendError(reply, format, error.status, error.message);
  if (error instanceof AppError) {
    if (error.code === 'unauthorized' || error.code === 'forbidden') return sendError(reply, format, 403, 'Invalid api_key.');
    if (error.code === 'rate_limited') return sendError(reply, format, 429, 'Too many requests. Wait a moment and try again.');
    return sendError(reply, format, error.status, error.fields.map((f) => f.message).join(' ') || error.message);
  }
  if ('validation' in error && Array.isArray(error.validation)) return sendError(reply, format, 400, describe(error.validation));
  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status === 401 || status === 403) return sendError(reply, format, 403, 'Invalid api_key.');
  if (status === 413) return sendError(reply, format, 413, 'The request body is too large.');
  if (status === 415)
    return sendError(reply, format, 400, 'Send the parameters form-encoded (application/x-www-form-urlencoded) or as JSON.');
  if (status === 429) return sendError(reply, format, 429, 'Too many requests. Wait a moment and try again.');
  // Fastify's own client errors: malformed or empty JSON, __proto__ keys, a bad URL, …
  if (status >= 400 && status < 500) return sendError(reply, format, 400, 'The request is malformed.');
  request.log.error({ err: error }, 'open311 error');
  return sendError(reply, format, 500, 'Internal error.');
}

/** Sets up an Open311 scope: spec errors for everything, and POST parameters from the query string too. */
export function prepareScope(scope: FastifyInstance): void {
  scope.setErrorHandler(open311ErrorHandler);
  scope.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0].slice(0, 200);
    return sendError(reply, formatOf(request), 404, `Unknown path ${path}: see /open311/discovery.json.`);
  });
  // /open311 itself is not a resource either; without this it would fall through to /:tenant pages.
  scope.get('/', { schema: { hide: true } }, async (request, reply) =>
    sendError(reply, formatOf(request), 404, 'Unknown path /open311: see /open311/discovery.json.'),
  );
  // Clients send POST parameters in the body, in the query string, or both (the body wins).
  scope.addHook('preValidation', async (request) => {
    if (request.method !== 'POST') return;
    const body = request.body ?? {};
    if (typeof body !== 'object' || Array.isArray(body)) throw new Open311Error(400, 'The request body must be an object of parameters.');
    request.body = { ...(request.query as object), ...body };
  });
}
