// A fake Kolada API v3 on loopback (real HTTP), answering in v3's shape: the envelope
// {values, count, next_url, previous_url}; per_page (capped by `maxPerPage`, 5000 like Kolada by
// default) with pages linked only through next_url (no v2 `next_page`); at most 25 ids per path
// segment (more is a 400, so a client that does not batch fails); the query form /data/?kpi_id=…
// where an unknown parameter name gives an empty list; from_date with isdeleted; and faults to
// script per path: a 429 with Retry-After, a 500, a request that never answers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeKpi {
  id: string;
  title: string;
  description: string;
}

export interface FakeValue {
  kpi: string;
  municipality: string;
  period: number;
  gender: 'T' | 'K' | 'M';
  value: number | null;
  /** When Kolada last changed it (YYYY-MM-DD), for from_date. */
  changed: string;
  deleted?: boolean;
}

export type Fault = { kind: '429'; retryAfter: number } | { kind: '500' } | { kind: 'hang' };

export interface FakeKolada {
  /** Base URL, like https://api.kolada.se/v3. */
  url: string;
  kpis: FakeKpi[];
  municipalities: { id: string; title: string; type: string }[];
  groups: { id: string; title: string; members: { id: string; title: string }[] }[];
  values: FakeValue[];
  /** Every request's path and query, in order. */
  requests: string[];
  /** The next requests whose path contains `match` get these faults, one each. */
  fault(match: string, ...faults: Fault[]): void;
  close(): Promise<void>;
}

const MAX_IDS = 25;

export async function startFakeKolada(options: { maxPerPage?: number } = {}): Promise<FakeKolada> {
  const maxPerPage = options.maxPerPage ?? 5000;
  const faults: { match: string; fault: Fault }[] = [];
  const hanging = new Set<ServerResponse>();
  const state: Omit<FakeKolada, 'url' | 'fault' | 'close'> = { kpis: [], municipalities: [], groups: [], values: [], requests: [] };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    state.requests.push(`${url.pathname}${url.search}`);
    const i = faults.findIndex((f) => url.pathname.includes(f.match) || url.search.includes(f.match));
    if (i >= 0) {
      const [{ fault }] = faults.splice(i, 1);
      if (fault.kind === 'hang') {
        hanging.add(res);
        return;
      }
      if (fault.kind === '429') return send(res, 429, { error: 'Too many requests' }, { 'retry-after': String(fault.retryAfter) });
      return send(res, 500, { error: 'Internal error' });
    }
    const path = url.pathname.replace(/^\/v3/, '').replace(/\/$/, '');
    const parts = path.split('/').filter(Boolean);
    const ids = (segment: string | undefined) => (segment ? decodeURIComponent(segment).split(',') : []);
    for (const segment of parts)
      if (segment.split(',').length > MAX_IDS) return send(res, 400, { error: `At most ${MAX_IDS} ids per segment` });

    let rows: unknown[] | null = null;
    if (parts[0] === 'kpi') {
      const title = url.searchParams.get('title')?.toLowerCase();
      rows = parts[1]
        ? state.kpis.filter((k) => ids(parts[1]).includes(k.id))
        : state.kpis.filter((k) => !title || k.title.toLowerCase().includes(title));
    } else if (parts[0] === 'municipality') {
      rows = state.municipalities.filter((m) => !parts[1] || ids(parts[1]).includes(m.id));
    } else if (parts[0] === 'municipality_groups') {
      rows = state.groups.filter((g) => !parts[1] || ids(parts[1]).includes(g.id));
    } else if (parts[0] === 'data') {
      const known = new Set(['kpi_id', 'municipality_id', 'year', 'from_date', 'per_page', 'page']);
      let kpis: string[] = [];
      let municipalities: string[] = [];
      let years: string[] = [];
      let fromDate: string | null = null;
      if (parts.length > 1) {
        for (let p = 1; p + 1 < parts.length; p += 2) {
          if (parts[p] === 'kpi') kpis = ids(parts[p + 1]);
          if (parts[p] === 'municipality') municipalities = ids(parts[p + 1]);
          if (parts[p] === 'year') years = ids(parts[p + 1]);
        }
      } else {
        // Like Kolada: a parameter name it does not know gives an empty list, not an error.
        if ([...url.searchParams.keys()].some((k) => !known.has(k)))
          return send(res, 200, { values: [], count: 0, next_url: null, previous_url: null });
        kpis = (url.searchParams.get('kpi_id') ?? '').split(',').filter(Boolean);
        municipalities = (url.searchParams.get('municipality_id') ?? '').split(',').filter(Boolean);
        years = (url.searchParams.get('year') ?? '').split(',').filter(Boolean);
        fromDate = url.searchParams.get('from_date');
        for (const list of [kpis, municipalities, years])
          if (list.length > MAX_IDS) return send(res, 400, { error: `At most ${MAX_IDS} ids` });
      }
      const picked = state.values.filter(
        (v) =>
          (kpis.length === 0 || kpis.includes(v.kpi)) &&
          (municipalities.length === 0 || municipalities.includes(v.municipality)) &&
          (years.length === 0 || years.includes(String(v.period))) &&
          (fromDate ? v.changed >= fromDate : !v.deleted),
      );
      const grouped = new Map<string, { kpi: string; municipality: string; period: number; values: unknown[] }>();
      for (const v of picked) {
        const key = `${v.kpi}/${v.municipality}/${v.period}`;
        const row = grouped.get(key) ?? { kpi: v.kpi, municipality: v.municipality, period: v.period, values: [] };
        row.values.push({ gender: v.gender, value: v.deleted ? null : v.value, count: 1, status: '', isdeleted: v.deleted === true });
        grouped.set(key, row);
      }
      rows = [...grouped.values()];
    }
    if (!rows) return send(res, 404, { error: 'Not found' });
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 5000) || 5000, maxPerPage, 5000);
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const slice = rows.slice((page - 1) * perPage, page * perPage);
    const link = (n: number) => {
      const u = new URL(url);
      u.searchParams.set('page', String(n));
      return u.toString();
    };
    send(res, 200, {
      values: slice,
      count: slice.length,
      next_url: page * perPage < rows.length ? link(page + 1) : null,
      previous_url: page > 1 ? link(page - 1) : null,
    });
  };

  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...state,
    url: `http://127.0.0.1:${port}/v3`,
    fault(match, ...list) {
      for (const fault of list) faults.push({ match, fault });
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
