// Public promise pages and open data: /:tenant/promises(.json|.csv) and /:tenant/promises/:id(.json|.csv).
// Only published promises (and retired ones that were published) are visible.
import type { FastifyReply } from 'fastify';
import type { App, AppContext } from '../../http/context.ts';
import { toCsv } from '../../http/csv.ts';
import { AppError } from '../../http/errors.ts';
import { renderPage } from '../../web/render.ts';
import { html } from '../../web/staff.ts';
import { localDate } from '../calendar/calendar.ts';
import { listUnits, type OrgUnit } from '../org/org.service.ts';
import { publicLang } from '../portal/portal.routes.ts';
import type { Tenant } from '../tenants/tenants.repo.ts';
import { requireTenant } from '../tenants/tenants.service.ts';
import { type Fulfilment, segmentsInForce } from './fulfilment.ts';
import { presentVersion } from './promises.present.ts';
import { type PromiseGroup, type PublicPromise, PublicPromisePage, PublicPromisesPage } from './promises.public.views.tsx';
import { createResultsLoader, promiseSummary, type ResultsLoader, versionRules } from './promises.results.ts';
import { getPromise, listPromiseEvents, listPromises, type PromiseView } from './promises.service.ts';

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

async function tenantOf(slug: string, db: AppContext['db']): Promise<Tenant> {
  if (!SLUG.test(slug)) throw new AppError('not_found', 'Sidan finns inte.');
  return requireTenant(db, slug);
}

// A promise's public summary takes tens to hundreds of milliseconds to compute from two years of
// cases or meetings, and its charts as long again to draw; public pages are read by many. Summaries
// and rendered pages are kept for a minute (the pages say figures may be up to a minute old),
// keyed so that any change of a promise (status, version) shows at once.
const PUBLIC_TTL_MS = 60_000;
const memo = new Map<string, { at: number; value: Promise<unknown> }>();

function remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const hit = memo.get(key);
  if (hit && now - hit.at < PUBLIC_TTL_MS) return hit.value as Promise<T>;
  for (const [k, v] of memo) if (now - v.at >= PUBLIC_TTL_MS) memo.delete(k);
  const value = compute();
  memo.set(key, { at: now, value });
  value.catch(() => memo.delete(key));
  return value;
}

function promiseKey(tenantId: string, promise: PromiseView, year: number): string {
  return `${tenantId}|${promise.id}|${promise.status}|${promise.versions.length}|${promise.current.id}|${year}|${localDate(new Date())}`;
}

function cachedSummary(tenantId: string, loader: ResultsLoader, promise: PromiseView, year: number): ReturnType<typeof promiseSummary> {
  return remember(`summary|${promiseKey(tenantId, promise, year)}`, () => promiseSummary(loader, promise, year));
}

async function publicItem(
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

async function publishedPromises(db: AppContext['db'], tenantId: string): Promise<PromiseView[]> {
  return listPromises(db, tenantId, { statuses: ['published'] });
}

/** A promise that has been public: published now, or published before it was retired. */
async function visiblePromise(db: AppContext['db'], tenantId: string, id: string): Promise<PromiseView> {
  const promise = UUID.test(id) ? await getPromise(db, tenantId, id).catch(() => undefined) : undefined;
  if (!promise) throw new AppError('not_found', 'Sidan finns inte.');
  if (promise.status === 'published') return promise;
  if (promise.status === 'retired') {
    const events = await listPromiseEvents(db, tenantId, id);
    if (events.some((e) => e.toStatus === 'published')) return promise;
  }
  throw new AppError('not_found', 'Sidan finns inte.');
}

function fulfilmentJson(f: Fulfilment) {
  return {
    measured: f.measured,
    met: f.met,
    missed: f.missed,
    openOverdue: f.openOverdue,
    ratio: f.ratio,
    target: f.target,
    status: f.status,
  };
}

function pct(x: number | null): string {
  return x === null ? '' : (Math.round(x * 10000) / 10000).toString();
}

function sendCsv(reply: FastifyReply, name: string, rows: (string | number | null)[][]) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `inline; filename="${name}"`)
    .send(`\uFEFF${toCsv(rows)}`);
}

export function registerPublicPromiseRoutes(app: App, { db }: AppContext): void {
  const load = async (slug: string) => {
    const tenant = await tenantOf(slug, db);
    const today = localDate(new Date());
    const year = Number(today.slice(0, 4));
    const loader = createResultsLoader(db, tenant.id, today, { shared: true });
    const units = new Map((await listUnits(db, tenant.id)).map((u) => [u.id, u]));
    return { tenant, year, loader, units };
  };

  app.get('/:tenant/promises', async (request, reply) => {
    const { tenant: slug } = request.params as { tenant: string };
    const { tenant, year, loader, units } = await load(slug);
    const lang = publicLang(request, reply, tenant.defaultLanguage);
    const promises = await publishedPromises(db, tenant.id);
    const key = `list|${lang}|${promises.map((p) => promiseKey(tenant.id, p, year)).join(',')}`;
    const page = await remember(key, async () => {
      const groups = new Map<string, PromiseGroup>();
      for (const promise of promises) {
        const g = groupOf(units, promise.current.unitId, promise.current.boardUnitId);
        let group = groups.get(g.id);
        if (!group) {
          group = { ...g, promises: [] };
          groups.set(g.id, group);
        }
        group.promises.push(await publicItem(tenant.id, loader, units, promise, year));
      }
      const sorted = [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
      return renderPage(PublicPromisesPage({ lang, tenant, groups: sorted }));
    });
    return html(reply, page);
  });

  app.get('/:tenant/promises.json', async (request, reply) => {
    const { tenant: slug } = request.params as { tenant: string };
    const { tenant, year, loader, units } = await load(slug);
    const promises = [];
    for (const promise of await publishedPromises(db, tenant.id)) {
      const item = await publicItem(tenant.id, loader, units, promise, year);
      promises.push({
        id: promise.id,
        kind: promise.kind,
        group: groupOf(units, promise.current.unitId, promise.current.boardUnitId).name,
        board: item.boardName,
        unit: item.unitName,
        ...presentVersion(promise.current),
        createdBy: undefined,
        results: {
          [year]: fulfilmentJson(item.summary.thisYear),
          [year - 1]: fulfilmentJson(item.summary.lastYear),
        },
        claimsThisYear: item.summary.claimsThisYear,
        url: `/${tenant.slug}/promises/${promise.id}`,
      });
    }
    return reply.header('access-control-allow-origin', '*').send({ municipality: tenant.name, year, promises });
  });

  app.get('/:tenant/promises.csv', async (request, reply) => {
    const { tenant: slug } = request.params as { tenant: string };
    const { tenant, year, loader, units } = await load(slug);
    const rows: (string | number | null)[][] = [
      ['id', 'title', 'kind', 'group', 'board', 'unit', 'target', 'year', 'measured', 'met', 'missed', 'open_overdue', 'ratio', 'status'],
    ];
    for (const promise of await publishedPromises(db, tenant.id)) {
      const item = await publicItem(tenant.id, loader, units, promise, year);
      const v = promise.current;
      const group = groupOf(units, v.unitId, v.boardUnitId).name;
      for (const [y, f] of [
        [year - 1, item.summary.lastYear],
        [year, item.summary.thisYear],
      ] as const) {
        rows.push([
          promise.id,
          v.title,
          promise.kind,
          group,
          item.boardName,
          item.unitName,
          pct(f.target),
          y,
          f.measured,
          f.met,
          f.missed,
          f.openOverdue,
          pct(f.ratio),
          f.status,
        ]);
      }
    }
    return sendCsv(reply, `${tenant.slug}-promises.csv`, rows);
  });

  app.get('/:tenant/promises/:id', async (request, reply) => {
    const { tenant: slug, id: raw } = request.params as { tenant: string; id: string };
    const format = raw.endsWith('.json') ? 'json' : raw.endsWith('.csv') ? 'csv' : 'html';
    const id = format === 'html' ? raw : raw.replace(/\.(json|csv)$/, '');
    const { tenant, year, loader, units } = await load(slug);
    const promise = await visiblePromise(db, tenant.id, id);
    const item = await publicItem(tenant.id, loader, units, promise, year);
    if (format === 'json') {
      return reply.header('access-control-allow-origin', '*').send({
        id: promise.id,
        title: promise.current.title,
        status: promise.status,
        year,
        share: item.summary.share,
        months: item.summary.months
          .flatMap((m) => [
            { month: `${year - 1}-${String(m.month).padStart(2, '0')}`, ...fulfilmentJson(m.previous) },
            ...(m.current ? [{ month: `${year}-${String(m.month).padStart(2, '0')}`, ...fulfilmentJson(m.current) }] : []),
          ])
          .sort((a, b) => a.month.localeCompare(b.month)),
        years: { [year - 1]: fulfilmentJson(item.summary.lastYear), [year]: fulfilmentJson(item.summary.thisYear) },
        versions: promise.versions.filter((v) => v.decided).map((v) => ({ ...presentVersion(v), createdBy: undefined })),
      });
    }
    if (format === 'csv') {
      const rows: (string | number | null)[][] = [['month', 'measured', 'met', 'missed', 'open_overdue', 'ratio', 'target', 'status']];
      for (const y of [year - 1, year]) {
        for (const m of item.summary.months) {
          const f = y === year ? m.current : m.previous;
          if (!f) continue;
          rows.push([
            `${y}-${String(m.month).padStart(2, '0')}`,
            f.measured,
            f.met,
            f.missed,
            f.openOverdue,
            pct(f.ratio),
            pct(f.target),
            f.status,
          ]);
        }
      }
      return sendCsv(reply, `${tenant.slug}-${promise.id}.csv`, rows);
    }
    const lang = publicLang(request, reply, tenant.defaultLanguage);
    const events = await listPromiseEvents(db, tenant.id, promise.id);
    const ends = new Map(segmentsInForce(versionRules(promise), promise.retiredOn).map((s) => [s.version, s.to]));
    const page = await remember(`detail|${lang}|${events.length}|${promiseKey(tenant.id, promise, year)}`, async () =>
      renderPage(PublicPromisePage({ lang, tenant, item, events, ends })),
    );
    return html(reply, page);
  });
}
