// Prometheus metrics at /metrics: process metrics and a request-duration histogram by route.
// Security-relevant: the numbers describe the installation (routes, load, memory), so /metrics
// answers only a scraper that presents METRICS_TOKEN as a Bearer token; without the setting it
// does not exist (404).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { App } from './context.ts';

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function presentsToken(request: FastifyRequest, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  // Compared as digests in constant time: equal length, and no timing hint about the token.
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}

export function registerMetrics(app: App, token: string | undefined): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'insyn_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the URL: ids and tokens never become label values.
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  if (!token) return;
  app.get(
    '/metrics',
    {
      schema: { hide: true },
      // Answered in onRequest, before auth.ts would read the Bearer token as a personal API token.
      onRequest: async (request, reply) => {
        if (!presentsToken(request, token)) {
          reply.header('WWW-Authenticate', 'Bearer realm="metrics"');
          return reply.status(401).type('text/plain; charset=utf-8').send('METRICS_TOKEN required\n');
        }
        return reply.type(registry.contentType).send(await registry.metrics());
      },
    },
    async (_request, reply) => reply,
  );
}
