// The public pages as sent, kept per tenant and keyed by the tenant's data version
// (portal_data_versions, migration 0071): triggers bump it at commit whenever promises, goals,
// indicator values, satisfaction, meetings, reports, the organisation or the portal settings
// change, so a change shows on the next request on every instance; the probe is one primary-key
// read. Figures computed from cases and survey answers do not bump it: a kept page is used for
// at most a minute (as the pages say). A page is kept only when it is a 200 with no cookie and
// no "no-store"/"private"; the key holds the URL, the language chosen, the day and whether the
// client takes gzip.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { App, AppContext } from '../../http/context.ts';
import { LANG_COOKIE, pickLang } from '../../web/i18n.ts';
import { localDate } from '../calendar/calendar.ts';
import { requireTenant } from '../tenants/tenants.service.ts';

/** The route patterns whose GET responses are the same for every reader (no form, no token). */
export const CACHED_ROUTES: ReadonlySet<string> = new Set([
  '/:tenant',
  '/:tenant/accessibility',
  '/:tenant/boards',
  '/:tenant/boards/:id',
  '/:tenant/data',
  '/:tenant/data/catalog.jsonld',
  '/:tenant/embed/indicators/:id',
  '/:tenant/embed/promises/:id',
  '/:tenant/embed/summary',
  '/:tenant/goals',
  '/:tenant/goals.csv',
  '/:tenant/goals.json',
  '/:tenant/goals/:id',
  '/:tenant/indicators.csv',
  '/:tenant/indicators.json',
  '/:tenant/indicators/:id',
  '/:tenant/meetings',
  '/:tenant/meetings.csv',
  '/:tenant/nojdhet',
  '/:tenant/promises',
  '/:tenant/promises.csv',
  '/:tenant/promises.json',
  '/:tenant/promises/:id',
  '/:tenant/rapporter',
  '/:tenant/rapporter/:id',
  '/:tenant/search',
  '/:tenant/summary.csv',
  '/:tenant/summary.json',
]);

const TTL_MS = 60_000;
const MAX_BYTES = 48 * 1024 * 1024;
const KEPT_HEADERS = [
  'content-type',
  'content-encoding',
  'content-disposition',
  'content-language',
  'access-control-allow-origin',
  'vary',
  'cache-control',
  'x-robots-tag',
] as const;
const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

interface Entry {
  at: number;
  headers: Record<string, string>;
  body: string | Buffer;
  bytes: number;
}

/** The tenant's data version ('0' before anything was bumped). */
export async function portalDataVersion(db: Db, tenantId: string): Promise<string> {
  const row = await db.selectFrom('portal_data_versions').select('version').where('tenant_id', '=', tenantId).executeTakeFirst();
  return row ? String(row.version) : '0';
}

export interface PageCacheStats {
  hits: number;
  misses: number;
  entries: number;
}

const KEY = Symbol('portalPageCacheKey');
const statsOf = new WeakMap<object, () => PageCacheStats>();

/** How often this app's cache answered (tests and the bench read it). */
export function publicPageCacheStats(app: App): PageCacheStats | undefined {
  return statsOf.get(app)?.();
}
type Tagged = FastifyRequest & { [KEY]?: string | null };

/** Serves kept public pages before their handler runs and keeps fresh ones as they are sent. One cache per app (= per instance). */
export function registerPublicPageCache(app: App, ctx: AppContext): { stats: () => PageCacheStats } {
  const { db } = ctx;
  const kept = new Map<string, Entry>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  function drop(key: string) {
    const e = kept.get(key);
    if (!e) return;
    kept.delete(key);
    bytes -= e.bytes;
  }

  async function keyOf(request: FastifyRequest): Promise<string | null> {
    if (request.method !== 'GET' || !CACHED_ROUTES.has(request.routeOptions.url ?? '')) return null;
    if (request.headers.authorization) return null;
    const slug = (request.params as { tenant?: string }).tenant ?? '';
    if (!SLUG.test(slug)) return null;
    const tenant = await requireTenant(db, slug).catch(() => undefined);
    if (!tenant) return null;
    const version = await portalDataVersion(db, tenant.id);
    const lang = pickLang((request.query as { lang?: unknown } | undefined)?.lang, request.cookies?.[LANG_COOKIE], tenant.defaultLanguage);
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')) ? 'z' : '-';
    const today = localDate(ctx.now?.() ?? new Date());
    return `${tenant.id}|${version}|${today}|${lang}|${gzip}|${request.url}`;
  }

  app.addHook('preHandler', async (request: Tagged, reply: FastifyReply) => {
    const key = await keyOf(request);
    request[KEY] = key;
    if (key === null) return;
    const hit = kept.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) {
      hits++;
      request[KEY] = null;
      // Most recently used last: the oldest is dropped first.
      kept.delete(key);
      kept.set(key, hit);
      reply.headers(hit.headers);
      return reply.status(200).send(hit.body);
    }
    misses++;
    if (hit) drop(key);
  });

  app.addHook('onSend', async (request: Tagged, reply, payload) => {
    const key = request[KEY];
    if (!key || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (reply.hasHeader('set-cookie')) return payload;
    const cacheControl = String(reply.getHeader('cache-control') ?? '');
    if (/no-store|private/i.test(cacheControl)) return payload;
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
    drop(key);
    kept.set(key, { at: Date.now(), headers, body: payload, bytes: size });
    bytes += size;
    for (const oldest of kept.keys()) {
      if (bytes <= MAX_BYTES) break;
      drop(oldest);
    }
    return payload;
  });

  const stats = () => ({ hits, misses, entries: kept.size });
  statsOf.set(app, stats);
  return { stats };
}
