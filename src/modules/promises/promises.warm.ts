// Warm-up before the server says it is ready: every published promise's public page is rendered
// once through the app (Fastify inject), in the tenant's default language. That compiles the
// views and the routes' code paths (the first render of a fresh process took 1.5 s at a million
// cases, most of it lazy compilation) and fills the summaries and pages that the public pages
// keep (promises.public.data.ts), which are then refreshed in the background as they age, so no
// visitor waits for a summary to be computed.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { type WarmUpReport, warmPages } from '../../http/warm-up.ts';
import { listTenants } from '../tenants/tenants.service.ts';
import { publishedPromises } from './promises.public.data.ts';

export type { WarmUpReport };

/** Renders the public promise pages once; stops (without failing) after `limitMs`. */
export async function warmPublicPromisePages(
  app: FastifyInstance,
  db: Db,
  { limitMs = 60_000, log }: { limitMs?: number; log?: FastifyBaseLogger } = {},
): Promise<WarmUpReport> {
  const urls: string[] = [];
  for (const tenant of await listTenants(db)) {
    for (const promise of await publishedPromises(db, tenant.id)) urls.push(`/${tenant.slug}/promises/${promise.id}`);
  }
  return warmPages(app, urls, { limitMs, log, what: 'public promise pages' });
}
