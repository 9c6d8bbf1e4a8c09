// Public promise pages and open data: /:tenant/promises(.json|.csv) and /:tenant/promises/:id(.json|.csv).
// Only published promises (and retired ones that were published) are visible.
import type { FastifyReply } from 'fastify';
import { type App, type AppContext, publicReads, todayOf } from '../../http/context.ts';
import { type OpenDataCell, toOpenDataCsv } from '../../http/csv.ts';
import { renderPage } from '../../web/render.ts';
import { sendPage } from '../portal/portal.http.ts';
import { publicLang } from '../portal/portal.lang.ts';
import { type Fulfilment, segmentsInForce } from './fulfilment.ts';
import { presentVersion } from './promises.present.ts';
import {
  groupOf,
  loadPublic,
  promiseKey,
  publicItem,
  publishedPromises,
  remember,
  tenantOf,
  visiblePromise,
} from './promises.public.data.ts';
import { type PromiseGroup, PublicPromisePage, PublicPromisesPage } from './promises.public.views.tsx';
import { versionRules } from './promises.results.ts';
import { listPromiseEvents } from './promises.service.ts';

export { groupOf } from './promises.public.data.ts';

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

function pct(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10000) / 10000;
}

/** Open data in the one CSV format (src/http/csv.ts: BOM, `;`, decimal comma). */
function sendCsv(reply: FastifyReply, name: string, rows: OpenDataCell[][]) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('access-control-allow-origin', '*')
    .header('content-disposition', `inline; filename="${name}"`)
    .send(toOpenDataCsv(rows));
}

export function registerPublicPromiseRoutes(app: App, ctx: AppContext): void {
  // Only reads; a resident sees a promise's figures a little late at worst (they are kept a minute anyway).
  const db = publicReads(ctx);
  const load = async (slug: string) => loadPublic(db, await tenantOf(slug, db), todayOf(ctx));

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
    return sendPage(request, reply, page);
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
    const rows: OpenDataCell[][] = [
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
      const rows: OpenDataCell[][] = [['month', 'measured', 'met', 'missed', 'open_overdue', 'ratio', 'target', 'status']];
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
    return sendPage(request, reply, page);
  });
}
