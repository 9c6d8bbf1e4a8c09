// Security-relevant: what of a request reaches the log. Fastify logs every request's URL, and
// some URLs carry secrets — the resident's tracking token is a path segment, Open311 clients send
// `api_key` in the query string, and any `token=`/`key=`-like parameter is a secret by its name.
// The request serializer writes the URL with those parts replaced, so no log line holds them.

export const REDACTED = '[redacted]';

/** Path segments that are secrets: the value after these fixed segments. */
const SECRET_PATH = [
  /(\/cases\/track\/)[^/?#]+/g,
  // satisfaction: survey invitation and after-contact answer links
  /(\/enkat\/)[^/?#]+/g,
  /(\/nojdhet\/svar\/)[^/?#]+/g,
  /(\/public\/surveys\/)[^/?#]+/g,
];

/** A query parameter whose name says it holds a credential (`api_key`, `token`, `access_token`, …). */
const SECRET_PARAM =
  /(^|[_.-])(api_?key|key|token|secret|password|passwd|pwd|signature|sig|auth|authorization|credentials?|session(_?id)?)$/i;
/** Names that are secrets only as a whole word (OAuth's `code`; `service_code` is not). */
const SECRET_NAMES = new Set(['code', 'state', 'sid', 'apikey', 'jwt']);

function isSecretName(name: string): boolean {
  const base = name.replace(/\[.*$/, '').toLowerCase();
  return SECRET_NAMES.has(base) || SECRET_PARAM.test(base);
}

/** `url` as it may be logged: secret path segments and secret query values replaced. */
export function redactUrl(url: string): string {
  const hashAt = url.indexOf('#');
  const withoutHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const queryAt = withoutHash.indexOf('?');
  let pathPart = queryAt === -1 ? withoutHash : withoutHash.slice(0, queryAt);
  for (const pattern of SECRET_PATH) pathPart = pathPart.replace(pattern, `$1${REDACTED}`);
  if (queryAt === -1) return pathPart;
  const query = withoutHash
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq === -1 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replaceAll('+', ' '));
      } catch {
        // A malformed escape: judge the name as written.
      }
      return isSecretName(name) ? `${rawName}=${REDACTED}` : pair;
    })
    .join('&');
  return `${pathPart}?${query}`;
}

interface LoggableRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's default request serializer, with the URL redacted. */
export function serializeRequest(request: LoggableRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
