// Builds the Fastify application: plugins, auth, every module's routes, errors mapped in one place.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { registerAccountRoutes } from '../modules/accounts/accounts.routes.ts';
import { registerCalendarRoutes } from '../modules/calendar/calendar.routes.ts';
import { registerPublicCaseRoutes } from '../modules/cases/cases.public.routes.ts';
import { registerCaseRoutes } from '../modules/cases/cases.routes.ts';
import { registerDashboardRoutes } from '../modules/dashboard/dashboard.routes.ts';
import { registerGoalRoutes } from '../modules/goals/index.ts';
import { registerMailRoutes } from '../modules/mail/mail.routes.ts';
import { registerMeetingRoutes } from '../modules/meetings/meetings.routes.ts';
import { registerOpen311Routes } from '../modules/open311/open311.routes.ts';
import { registerOrgRoutes } from '../modules/org/org.routes.ts';
import { registerPortalRoutes } from '../modules/portal/portal.routes.ts';
import { registerPromiseRoutes } from '../modules/promises/promises.routes.ts';
import { registerTenantRoutes } from '../modules/tenants/tenants.routes.ts';
import { registerAuth } from './auth.ts';
import type { App, AppContext } from './context.ts';
import { errorHandler } from './error-handler.ts';
import { registerHealthRoutes } from './health.routes.ts';
import { registerMetrics } from './metrics.ts';

const STATIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'web', 'static');

export interface BuildAppOptions {
  logger?: boolean | { level: string };
  /** Behind a reverse proxy that sets X-Forwarded-*: needed for Secure cookies and client IPs. */
  trustProxy?: boolean;
}

export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? { level: ctx.config.logLevel },
    trustProxy: options.trustProxy ?? ctx.config.production,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: true } },
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
    strictTransportSecurity: ctx.config.production,
  });
  await app.register(fastifyRateLimit, { global: false });
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

  registerHealthRoutes(app, ctx);
  registerMetrics(app);
  registerCalendarRoutes(app, ctx);
  registerOrgRoutes(app, ctx);
  registerTenantRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerDashboardRoutes(app, ctx);
  registerCaseRoutes(app, ctx);
  registerPublicCaseRoutes(app, ctx);
  registerMailRoutes(app, ctx);
  registerOpen311Routes(app, ctx);
  registerMeetingRoutes(app, ctx);
  registerPromiseRoutes(app, ctx);
  registerGoalRoutes(app, ctx);
  registerPortalRoutes(app, ctx);

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
