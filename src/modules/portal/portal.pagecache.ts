// The public pages as sent, kept per tenant and keyed by the tenant's data version
// (portal_data_versions, migration 0093): triggers bump it at commit whenever promises, goals,
// indicator values, satisfaction, meetings, reports, the organisation or the portal settings
// change, so a change shows on the next request on every instance; the probe is one primary-key
// read. Figures computed from cases and survey answers do not bump it: a kept page is used for
// at most a minute (as the pages say). A page is kept only when it is a 200 with no cookie and
// no "no-store"/"private"; the key holds the URL, the language chosen, the day and whether the
// client takes gzip. A kept page is one primary-key read: the tenant found by its slug is kept
// beside its version (a change of the tenant's row bumps the version, so it is looked up again).
// Pages are kept gzip-compressed for clients that take it (a kept page holds no secret: no cookie,
// no CSRF field).
import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import { type App, type AppContext, publicReads } from '../../http/context.ts';
import { LANG_COOKIE, pickLang } from '../../web/i18n.ts';
import { localDate } from '../calendar/calendar.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
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

const acceptsGzip = (request: FastifyRequest) => /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));

const KEY = Symbol('portalPageCacheKey');
const statsOf = new WeakMap<object, () => PageCacheStats>();

/** How often this app's cache answered (tests and the bench read it). */
export function publicPageCacheStats(app: App): PageCacheStats | undefined {
  return statsOf.get(app)?.();
}
type Tagged = FastifyRequest & { [KEY]?: string | null };

/** Serves kept public pages before their handler runs and keeps fresh ones as they are sent. One cache per app (= per instance). */
export function registerPublicPageCache(app: App, ctx: AppContext): { stats: () => PageCacheStats } {
  // The same source as the pages it keeps: their data version is read where they read.
  const db = publicReads(ctx);
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

  const tenants = new Map<string, { tenant: Tenant; version: string }>();

  /** The tenant of a slug and its current data version: one read when the tenant is known. */
  async function tenantVersion(slug: string): Promise<{ tenant: Tenant; version: string } | undefined> {
    const known = tenants.get(slug);
    if (known && (await portalDataVersion(db, known.tenant.id)) === known.version) return known;
    // The tenant is read again after its version, so it is at least as new as the version kept with it.
    const first = await requireTenant(db, slug).catch(() => undefined);
    const version = first ? await portalDataVersion(db, first.id) : '';
    const tenant = first ? await requireTenant(db, slug).catch(() => undefined) : undefined;
    if (!tenant || tenant.id !== first?.id) {
      tenants.delete(slug);
      return undefined;
    }
    if (tenants.size > 10_000) tenants.clear();
    const found = { tenant, version };
    tenants.set(slug, found);
    return found;
  }

  async function keyOf(request: FastifyRequest): Promise<string | null> {
    if (request.method !== 'GET' || !CACHED_ROUTES.has(request.routeOptions.url ?? '')) return null;
    if (request.headers.authorization) return null;
    const slug = (request.params as { tenant?: string }).tenant ?? '';
    if (!SLUG.test(slug)) return null;
    const found = await tenantVersion(slug);
    if (!found) return null;
    const { tenant, version } = found;
    const lang = pickLang((request.query as { lang?: unknown } | undefined)?.lang, request.cookies?.[LANG_COOKIE], tenant.defaultLanguage);
    const gzip = acceptsGzip(request) ? 'z' : '-';
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

  app.addHook('onSend', async (request: Tagged, reply, sent) => {
    const key = request[KEY];
    if (!key || reply.statusCode !== 200) return sent;
    if (typeof sent !== 'string' && !Buffer.isBuffer(sent)) return sent;
    let payload: string | Buffer = sent;
    if (reply.hasHeader('set-cookie')) return payload;
    const cacheControl = String(reply.getHeader('cache-control') ?? '');
    if (/no-store|private/i.test(cacheControl)) return payload;
    if (String(payload).includes('name="_csrf"')) return payload;
    if (
      acceptsGzip(request) &&
      !reply.hasHeader('content-encoding') &&
      /^(text\/|application\/(json|ld\+json))/.test(String(reply.getHeader('content-type') ?? '')) &&
      payload.length >= 1024
    ) {
      payload = gzipSync(payload, { level: 6 });
      reply.header('content-encoding', 'gzip').removeHeader('content-length');
      reply.header('vary', 'Accept-Encoding');
    }
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
