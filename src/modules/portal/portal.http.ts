// How a public page is sent: gzip-compressed when the client accepts it (pages without a form
// only, so that no secret is compressed beside reflected text), the compressed bytes kept with
// the page.
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from '../../web/staff.ts';

const gzipCache = new Map<string, Buffer>();

/** A public page: gzip when the client takes it (pages without a form only, so no secret is compressed beside reflected text). */
export function sendPage(request: FastifyRequest, reply: FastifyReply, body: string, status = 200) {
  reply.header('vary', 'Accept-Encoding');
  const accepts = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  if (!accepts || body.length < 1024) return html(reply, body, status);
  let zipped = gzipCache.get(body);
  if (!zipped) {
    zipped = gzipSync(body, { level: 6 });
    if (gzipCache.size >= 300) gzipCache.delete(gzipCache.keys().next().value as string);
    gzipCache.set(body, zipped);
  }
  return reply.status(status).type('text/html; charset=utf-8').header('content-encoding', 'gzip').send(zipped);
}
