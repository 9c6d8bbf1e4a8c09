// Warm-up before the server says it is ready: every published promise's public page is rendered
// once through the app (Fastify inject), in the tenant's default language. That compiles the
// views and the routes' code paths (the first render of a fresh process took 1.5 s at a million
// cases, most of it lazy compilation) and fills the summaries and pages that the public pages
// keep (promises.public.data.ts), which are then refreshed in the background as they age, so no
// visitor waits for a summary to be computed.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { listTenants } from '../tenants/tenants.service.ts';
import { publishedPromises } from './promises.public.data.ts';

export interface WarmUpReport {
  pages: number;
  ms: number;
  /** Promises left unwarmed when the time limit was reached. */
  skipped: number;
}

/** Renders the public promise pages once; stops (without failing) after `limitMs`. */
export async function warmPublicPromisePages(
  app: FastifyInstance,
  db: Db,
  { limitMs = 60_000, log }: { limitMs?: number; log?: FastifyBaseLogger } = {},
): Promise<WarmUpReport> {
  const start = performance.now();
  let pages = 0;
  let skipped = 0;
  for (const tenant of await listTenants(db)) {
    const promises = await publishedPromises(db, tenant.id);
    for (const promise of promises) {
      if (performance.now() - start > limitMs) {
        skipped++;
        continue;
      }
      const res = await app.inject({ method: 'GET', url: `/${tenant.slug}/promises/${promise.id}` });
      if (res.statusCode === 200) pages++;
      else log?.warn({ tenant: tenant.slug, promise: promise.id, status: res.statusCode }, 'warm-up: public promise page failed');
    }
  }
  const ms = performance.now() - start;
  log?.info({ pages, skipped, ms: Math.round(ms) }, 'warm-up: public promise pages rendered');
  return { pages, ms, skipped };
}
