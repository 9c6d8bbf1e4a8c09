// Builds the Fastify application: plugins, auth, every module's routes, errors mapped in one place.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyLoggerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import { registerAccountRoutes } from '../modules/accounts/accounts.routes.ts';
import { registerAuditRoutes } from '../modules/audit/audit.routes.ts';
import { registerCalendarRoutes } from '../modules/calendar/calendar.routes.ts';
import { registerPublicCaseRoutes } from '../modules/cases/cases.public.routes.ts';
import { registerCaseRoutes } from '../modules/cases/cases.routes.ts';
import { registerDashboardRoutes } from '../modules/dashboard/dashboard.routes.ts';
import { registerGoalRoutes } from '../modules/goals/index.ts';
import { registerKoladaRoutes } from '../modules/kolada/index.ts';
import { registerMailRoutes } from '../modules/mail/mail.routes.ts';
import { registerMeetingRoutes } from '../modules/meetings/meetings.routes.ts';
import { open311ErrorHandler } from '../modules/open311/open311.http.ts';
import { registerOpen311Routes } from '../modules/open311/open311.routes.ts';
import { registerOrgRoutes } from '../modules/org/org.routes.ts';
import { registerPortalRoutes } from '../modules/portal/portal.routes.ts';
import { registerPrivacyRoutes } from '../modules/privacy/index.ts';
import { registerPromiseRoutes } from '../modules/promises/promises.routes.ts';
import { registerReportRoutes } from '../modules/reports/index.ts';
import { registerRetentionRoutes } from '../modules/retention/index.ts';
import { registerSatisfactionRoutes } from '../modules/satisfaction/index.ts';
import { registerTenantRoutes } from '../modules/tenants/tenants.routes.ts';
import { registerAuth } from './auth.ts';
import type { App, AppContext } from './context.ts';
import { errorHandler } from './error-handler.ts';
import { registerHealthRoutes } from './health.routes.ts';
import { registerInputGuard } from './input.ts';
import { serializeRequest } from './log-redaction.ts';
import { registerMetrics } from './metrics.ts';
import { databaseRateLimitStore } from './rate-limit-store.ts';

const STATIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'static');

export interface BuildAppOptions {
  logger?: boolean | { level: string };
  /** Where the log goes (default stdout); tests read the real log lines from it. */
  logStream?: DestinationStream;
  /** Rate-limit counters are shared through the database; tests give each app its own namespace. */
  rateLimitNamespace?: string;
}

/** TRUST_PROXY for Fastify: a hop count becomes "trust the nearest n hops" (as Fastify does at run time). */
function trustedProxies(setting: false | number | string): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  return (_address, hop) => hop < setting;
}

export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<App> {
  const level = typeof options.logger === 'object' ? options.logger.level : ctx.config.logLevel;
  // The request serializer redacts secrets in URLs (tracking tokens, api_key): see log-redaction.ts.
  const logger: FastifyLoggerOptions & { stream?: DestinationStream } = { level, serializers: { req: serializeRequest } };
  if (options.logStream) logger.stream = options.logStream;
  const app = Fastify({
    logger: options.logger === false ? false : logger,
    trustProxy: trustedProxies(ctx.config.trustProxy),
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
    // Errors Fastify raises before routing (a path with broken percent-encoding): Open311 clients get the
    // spec's error shape, everyone else the app's own error page or JSON.
    frameworkErrors: (error, request, reply) =>
      request.url.startsWith('/open311') ? open311ErrorHandler(error, request, reply) : errorHandler(error, request, reply),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    errorHandler(Object.assign(new Error('Sidan finns inte.'), { statusCode: 404 }), request, reply);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only on responses that went over HTTPS (below): sent over plain HTTP it would be ignored,
    // and a development server on http://localhost must not pin the browser to https.
    strictTransportSecurity: false,
    // same-origin, not helmet's no-referrer: under no-referrer a browser sends `Origin: null` even on
    // our own form posts, which the CSRF origin check must refuse; other sites still get no referrer
    // (so a tracking link never leaks to them).
    referrerPolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', async (request, reply) => {
    // request.protocol honours X-Forwarded-Proto only from TRUST_PROXY's proxies.
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  await app.register(fastifyRateLimit, {
    global: false,
    store: databaseRateLimitStore(ctx.db, options.rateLimitNamespace),
    ...(ctx.config.rateLimitExempt.length ? { allowList: ctx.config.rateLimitExempt } : {}),
  });
  await app.register(fastifyFormbody, { bodyLimit: 256 * 1024 });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Insyn API',
        version: '1',
        description: 'Service promises, cases, goals and results of Swedish municipalities.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Personal API token (insyn_…)' } },
      },
    },
    transform: ({ schema, url }) => {
      const documented = url.startsWith('/api/') || url.startsWith('/open311/') || url === '/health';
      return { schema: documented ? schema : { ...schema, hide: true }, url };
    },
  });
  await app.register(fastifyStatic, { root: STATIC_DIR, prefix: '/static/', maxAge: '1h' });
  await registerAuth(app, ctx);
  registerInputGuard(app);

  registerHealthRoutes(app, ctx);
  registerMetrics(app, ctx.config.metricsToken);
  registerCalendarRoutes(app, ctx);
  registerOrgRoutes(app, ctx);
  registerTenantRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerDashboardRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerPublicCaseRoutes(app, ctx);
  registerMailRoutes(app, ctx);
  registerOpen311Routes(app, ctx);
  registerMeetingRoutes(app, ctx);
  registerPromiseRoutes(app, ctx);
  registerGoalRoutes(app, ctx);
  registerSatisfactionRoutes(app, ctx);
  registerKoladaRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerPortalRoutes(app, ctx);
  registerPrivacyRoutes(app, ctx);
  registerRetentionRoutes(app, ctx);

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
