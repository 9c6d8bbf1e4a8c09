// What the public promise pages and the portal read: published promises with their yearly
// summary, cached. Summaries are keyed by everything that changes a promise (status, versions)
// and by the day, so a change shows at once; case counts may be up to a minute old.
import { sql } from 'kysely';
import type { AppContext } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import type { Lang } from '../../web/i18n.ts';
import { localDate } from '../calendar/calendar.ts';
import { listUnits, type OrgUnit } from '../org/org.service.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import { requireTenant } from '../tenants/tenants.service.ts';
import type { PublicPromise } from './promises.public.views.tsx';
import { createResultsLoader, promiseSummary, type ResultsLoader } from './promises.results.ts';
import { getPromise, listPromiseEvents, listPromises, type PromiseView } from './promises.service.ts';
import { keptSentence, localized, localizedLang } from './promises.texts.ts';

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function tenantOf(slug: string, db: AppContext['db']): Promise<Tenant> {
  if (!SLUG.test(slug)) throw new AppError('not_found', 'Sidan finns inte.');
  return requireTenant(db, slug);
}

/** The nearest administration above the owning unit, or else the owning board. */
export function groupOf(units: ReadonlyMap<string, OrgUnit>, unitId: string, boardUnitId: string): { id: string; name: string } {
  let u = units.get(unitId);
  for (let depth = 0; u && depth < 100; depth++) {
    if (u.kind === 'administration') return { id: u.id, name: u.name };
    u = u.parentId ? units.get(u.parentId) : undefined;
  }
  const board = units.get(boardUnitId);
  return { id: boardUnitId, name: board?.name ?? '' };
}

// A promise's public summary takes tens to hundreds of milliseconds to compute from two years of
// cases or meetings, and its charts as long again to draw; public pages are read by many. Summaries
// and rendered pages are kept for a minute (the pages say figures may be up to a minute old),
// keyed so that any change of a promise (status, version) shows at once. An entry older than a
// minute is still served while it is computed afresh in the background (stale-while-revalidate),
// so a visitor never waits for a summary once it has been computed (promises.warm.ts does that at
// start); entries not asked for in ten minutes are dropped.
const PUBLIC_TTL_MS = 60_000;
const PUBLIC_DROP_MS = 600_000;
const memo = new Map<string, { at: number; used: number; value: Promise<unknown>; refreshing?: boolean }>();

export function remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = memo.get(key);
  if (hit && now - hit.used < PUBLIC_DROP_MS) {
    hit.used = now;
    if (now - hit.at >= PUBLIC_TTL_MS && !hit.refreshing) {
      hit.refreshing = true;
      const next = compute();
      next.then(
        () => memo.set(key, { at: Date.now(), used: hit.used, value: next }),
        () => {
          hit.refreshing = false;
        },
      );
    }
    return hit.value as Promise<T>;
  }
  for (const [k, v] of memo) if (now - v.used >= PUBLIC_DROP_MS) memo.delete(k);
  const value = compute();
  memo.set(key, { at: now, used: now, value });
  value.catch(() => memo.delete(key));
  return value;
}

export function promiseKey(tenantId: string, promise: PromiseView, year: number): string {
  return `${tenantId}|${promise.id}|${promise.status}|${promise.versions.length}|${promise.current.id}|${year}|${localDate(new Date())}`;
}

export function cachedSummary(
  tenantId: string,
  loader: ResultsLoader,
  promise: PromiseView,
  year: number,
): ReturnType<typeof promiseSummary> {
  return remember(`summary|${promiseKey(tenantId, promise, year)}`, () => promiseSummary(loader, promise, year));
}

export async function publicItem(
  tenantId: string,
  loader: ResultsLoader,
  units: ReadonlyMap<string, OrgUnit>,
  promise: PromiseView,
  year: number,
): Promise<PublicPromise> {
  return {
    promise,
    summary: await cachedSummary(tenantId, loader, promise, year),
    boardName: units.get(promise.current.boardUnitId)?.name ?? '',
    unitName: units.get(promise.current.unitId)?.name ?? '',
  };
}

export async function publishedPromises(db: AppContext['db'], tenantId: string): Promise<PromiseView[]> {
  return listPromises(db, tenantId, { statuses: ['published'] });
}

/** A promise that has been public: published now, or published before it was retired. */
export async function visiblePromise(db: AppContext['db'], tenantId: string, id: string): Promise<PromiseView> {
  const promise = UUID.test(id) ? await getPromise(db, tenantId, id).catch(() => undefined) : undefined;
  if (!promise) throw new AppError('not_found', 'Sidan finns inte.');
  if (promise.status === 'published') return promise;
  if (promise.status === 'retired') {
    const events = await listPromiseEvents(db, tenantId, id);
    if (events.some((e) => e.toStatus === 'published')) return promise;
  }
  throw new AppError('not_found', 'Sidan finns inte.');
}

export interface PublicLoad {
  tenant: Tenant;
  year: number;
  loader: ResultsLoader;
  units: Map<string, OrgUnit>;
}

export async function loadPublic(db: AppContext['db'], tenant: Tenant, today = localDate(new Date())): Promise<PublicLoad> {
  const year = Number(today.slice(0, 4));
  const loader = createResultsLoader(db, tenant.id, today, { shared: true });
  const units = new Map((await listUnits(db, tenant.id)).map((u) => [u.id, u]));
  return { tenant, year, loader, units };
}

/** One published promise as the portal shows it: title, how it went this year in one sentence. */
export interface PromiseBrief {
  id: string;
  title: string;
  /** The language the title is written in (Swedish when there is no translation). */
  titleLang: Lang;
  boardUnitId: string;
  unitId: string;
  groupName: string;
  status: 'met' | 'not_met' | 'too_few' | 'no_data';
  ratio: number | null;
  target: number | null;
  measured: number;
  sentence: string;
}

function briefStatus(item: PublicPromise): PromiseBrief['status'] {
  const f = item.summary.thisYear;
  if (f.measured === 0 || f.ratio === null) return 'no_data';
  return f.status === 'met' ? 'met' : f.status === 'not_met' ? 'not_met' : 'too_few';
}

/** Every published promise with this year's verdict, for the start page, board pages, search and embeds. */
export async function publicPromiseBriefs(db: AppContext['db'], tenant: Tenant, lang: Lang): Promise<PromiseBrief[]> {
  const { year, loader, units } = await loadPublic(db, tenant);
  const out: PromiseBrief[] = [];
  for (const promise of await publishedPromises(db, tenant.id)) {
    const item = await publicItem(tenant.id, loader, units, promise, year);
    const v = promise.current;
    const f = item.summary.thisYear;
    out.push({
      id: promise.id,
      title: localized(v, 'title', lang),
      titleLang: localizedLang(v, 'title', lang),
      boardUnitId: v.boardUnitId,
      unitId: v.unitId,
      groupName: groupOf(units, v.unitId, v.boardUnitId).name,
      status: briefStatus(item),
      ratio: f.ratio,
      target: f.target,
      measured: f.measured,
      sentence: keptSentence(f, item.summary.share, 'this', lang),
    });
  }
  return out;
}

/** A key that changes when any published promise changes (for the portal's page cache). */
export async function promisesFingerprint(db: AppContext['db'], tenant: Tenant): Promise<string> {
  const year = Number(localDate(new Date()).slice(0, 4));
  return (await publishedPromises(db, tenant.id)).map((p) => promiseKey(tenant.id, p, year)).join(',');
}

/** The public page of one promise. */
export function promisePath(slug: string, id: string): string {
  return `/${slug}/promises/${id}`;
}

/**
 * Changes whenever a promise, version, status change, entered value, claim or the tenant's
 * promise settings change: one cheap query, so the portal can keep what it computed until then.
 */
export async function promisesStamp(db: AppContext['db'], tenantId: string): Promise<string> {
  const row = await sql<{ s: string }>`
    select concat_ws('|',
      (select concat_ws(',', count(*), max(updated_at)) from promises where tenant_id = ${tenantId}),
      (select concat_ws(',', count(*), max(created_at)) from promise_versions where tenant_id = ${tenantId}),
      (select concat_ws(',', count(*), max(at)) from promise_events where tenant_id = ${tenantId}),
      (select concat_ws(',', count(*), max(entered_at)) from promise_measurements where tenant_id = ${tenantId}),
      (select concat_ws(',', count(*), max(entered_at)) from promise_claims where tenant_id = ${tenantId}),
      (select max(updated_at)::text from promise_settings where tenant_id = ${tenantId})
    ) as s`.execute(db);
  return row.rows[0]?.s ?? '';
}
