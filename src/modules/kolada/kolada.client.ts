// Kolada API v3 over HTTP: ids batched 25 to a path segment, every page followed through
// `next_url` (never v2's `next_page`), 429 and 5xx retried with back-off that honours
// Retry-After, a time-out per request, and a polite pace (one request at a time, a few a second).
// Errors say what failed, in Swedish, and are AppErrors ('unavailable' → 503).
import { AppError } from '../../http/errors.ts';

export interface KoladaClientOptions {
  baseUrl: string;
  timeoutMs: number;
  /** Pause between two requests' starts (politeness: 250 ms = four a second). */
  minIntervalMs?: number;
  /** Retries after the first attempt for 429, 5xx and refused connections. */
  retries?: number;
  /** First back-off without Retry-After; doubles each time. */
  backoffMs?: number;
  /** Longest Retry-After we wait for; a longer one fails now instead of holding a request. */
  maxRetryAfterMs?: number;
}

export interface KoladaPage<T> {
  values: T[];
  count?: number;
  next_url?: string | null;
  previous_url?: string | null;
}

export interface KoladaDataRow {
  kpi: string;
  municipality: string;
  period: number;
  values: { gender: string; value: number | null; count?: number; status?: string | null; isdeleted?: boolean }[];
}

export interface KoladaKpi {
  id: string;
  title: string;
  description?: string;
}

export interface KoladaMunicipality {
  id: string;
  title: string;
  type?: string;
}

export interface KoladaGroup {
  id: string;
  title: string;
  members: { id: string; title?: string }[];
}

export const MAX_IDS_PER_SEGMENT = 25;
export const PER_PAGE = 5000;
const MAX_PAGES = 200;

export function timeoutMessage(ms: number): string {
  const seconds = (ms / 1000).toLocaleString('sv-SE', { maximumFractionDigits: 1 });
  return `Kolada svarade inte inom ${seconds} s`;
}

export function chunk<T>(items: readonly T[], size = MAX_IDS_PER_SEGMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After is seconds or an HTTP date. */
function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface KoladaClient {
  readonly baseUrl: string;
  /** Every page of a list endpoint; `path` is relative to the base URL. Returns the values and the first URL. */
  list<T>(path: string): Promise<{ values: T[]; url: string }>;
  kpis(ids: readonly string[]): Promise<{ values: KoladaKpi[]; url: string }>;
  searchKpis(title: string): Promise<{ values: KoladaKpi[]; url: string }>;
  municipalities(ids: readonly string[]): Promise<{ values: KoladaMunicipality[]; url: string }>;
  groups(ids: readonly string[]): Promise<{ values: KoladaGroup[]; url: string }>;
  /** Data of KPIs × municipalities (all years), or only what changed since `fromDate` (query form). */
  data(q: {
    kpis: readonly string[];
    municipalities: readonly string[];
    fromDate?: string;
  }): Promise<{ url: string; rows: KoladaDataRow[] }[]>;
}

export function koladaClient(options: KoladaClientOptions): KoladaClient {
  const base = options.baseUrl.replace(/\/$/, '');
  const origin = new URL(base).origin;
  const minInterval = options.minIntervalMs ?? 250;
  const retries = options.retries ?? 3;
  const backoff = options.backoffMs ?? 500;
  const maxRetryAfter = options.maxRetryAfterMs ?? 30_000;
  // One request at a time, spaced: a chain every request waits its turn on.
  let queue: Promise<unknown> = Promise.resolve();
  let lastStart = 0;

  const paced = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(async () => {
      const wait = lastStart + minInterval - Date.now();
      if (wait > 0) await sleep(wait);
      lastStart = Date.now();
      return work();
    });
    queue = run.catch(() => undefined);
    return run;
  };

  async function getJson(url: string): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await paced(() =>
          fetch(url, { signal: AbortSignal.timeout(options.timeoutMs), headers: { accept: 'application/json' } }),
        );
      } catch (error) {
        const name = (error as { name?: string }).name;
        if (name === 'TimeoutError' || name === 'AbortError')
          throw new AppError('unavailable', timeoutMessage(options.timeoutMs), { cause: error });
        if (attempt < retries) {
          await sleep(backoff * 2 ** attempt);
          continue;
        }
        throw new AppError('unavailable', `Kolada gick inte att nå (${base}). Försök igen senare.`, { cause: error });
      }
      if (response.status === 429 || response.status >= 500) {
        const after = retryAfterMs(response.headers.get('retry-after'));
        await response.body?.cancel();
        if (attempt < retries && (after === undefined || after <= maxRetryAfter)) {
          await sleep(after ?? backoff * 2 ** attempt);
          continue;
        }
        throw new AppError(
          'unavailable',
          response.status === 429
            ? 'Kolada tar inte emot fler frågor just nu (429). Försök igen senare.'
            : `Kolada svarade med fel ${response.status}. Försök igen senare.`,
        );
      }
      if (response.status === 410)
        throw new AppError('unavailable', 'Kolada svarar att adressen har upphört (410). Kontrollera KOLADA_URL (API v3).');
      if (!response.ok) {
        await response.body?.cancel();
        throw new AppError('unavailable', `Kolada svarade ${response.status} på en fråga Insyn ställde.`);
      }
      try {
        // The body may take longer than the headers did: the same time-out covers reading it.
        return await response.json();
      } catch (error) {
        const name = (error as { name?: string }).name;
        if (name === 'TimeoutError' || name === 'AbortError')
          throw new AppError('unavailable', timeoutMessage(options.timeoutMs), { cause: error });
        throw new AppError('unavailable', 'Kolada svarade med något annat än JSON.', { cause: error });
      }
    }
  }

  async function list<T>(path: string): Promise<{ values: T[]; url: string }> {
    const first = new URL(`${base}${path}`);
    if (!first.searchParams.has('per_page')) first.searchParams.set('per_page', String(PER_PAGE));
    const values: T[] = [];
    let next: string | null = first.toString();
    for (let page = 0; next; page++) {
      if (page >= MAX_PAGES) throw new AppError('unavailable', `Kolada gav fler än ${MAX_PAGES} sidor; frågan avbröts.`);
      const body = (await getJson(next)) as KoladaPage<T> | null;
      if (!body || !Array.isArray(body.values)) throw new AppError('unavailable', 'Kolada svarade i ett okänt format (inget "values").');
      values.push(...body.values);
      next = typeof body.next_url === 'string' && body.next_url ? new URL(body.next_url, first).toString() : null;
      // Security-relevant: only ever follow a page link to Kolada itself, never to another host.
      if (next && new URL(next).origin !== origin)
        throw new AppError('unavailable', 'Kolada hänvisade till en annan webbplats; frågan avbröts.');
    }
    return { values, url: first.toString() };
  }

  const joined = (ids: readonly string[]) => ids.map(encodeURIComponent).join(',');

  async function batched<T>(ids: readonly string[], path: (segment: string) => string) {
    const values: T[] = [];
    let url = '';
    for (const part of chunk([...new Set(ids)])) {
      const r = await list<T>(path(joined(part)));
      values.push(...r.values);
      url ||= r.url;
    }
    return { values, url };
  }

  return {
    baseUrl: base,
    list,
    kpis: (ids) => batched<KoladaKpi>(ids, (s) => `/kpi/${s}`),
    searchKpis: (title) => list<KoladaKpi>(`/kpi?title=${encodeURIComponent(title)}`),
    municipalities: (ids) => batched<KoladaMunicipality>(ids, (s) => `/municipality/${s}`),
    groups: (ids) => batched<KoladaGroup>(ids, (s) => `/municipality_groups/${s}`),
    async data({ kpis, municipalities, fromDate }) {
      const batches: { url: string; rows: KoladaDataRow[] }[] = [];
      for (const k of chunk([...new Set(kpis)]))
        for (const m of chunk([...new Set(municipalities)])) {
          const path = fromDate
            ? `/data/?kpi_id=${joined(k)}&municipality_id=${joined(m)}&from_date=${encodeURIComponent(fromDate)}`
            : `/data/kpi/${joined(k)}/municipality/${joined(m)}`;
          const r = await list<KoladaDataRow>(path);
          batches.push({ url: r.url, rows: r.values });
        }
      return batches;
    },
  };
}
