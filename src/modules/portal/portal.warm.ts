// Warm-up before the server says it is ready: each municipality's public start page is rendered
// once. Its first render computes the portal's data — goal areas, indicators and their computed
// values, the blocks — which the page then keeps until that data changes (portal.pagecache.ts):
// 1.4–1.6 s for the demo's Norrtälje on the embedded database, paid otherwise by the first
// resident after every restart (and, on the embedded database, by everyone waiting behind them).
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { type WarmUpReport, warmPages } from '../../http/warm-up.ts';
import { listTenants } from '../tenants/tenants.service.ts';

export async function warmPortalStartPages(
  app: FastifyInstance,
  db: Db,
  /** `slugs`: only these municipalities (default: every one). */
  { limitMs = 30_000, log, slugs }: { limitMs?: number; log?: FastifyBaseLogger; slugs?: readonly string[] } = {},
): Promise<WarmUpReport> {
  const urls = (await listTenants(db)).filter((t) => !slugs || slugs.includes(t.slug)).map((tenant) => `/${tenant.slug}`);
  return warmPages(app, urls, { limitMs, log, what: 'public start pages' });
}
