// The rules of the kolada module: which figures to fetch and keep, what an indicator linked to a
// KPI shows (its outcomes, the comparison series, when they were fetched, what Kolada revised),
// the KPI search, and the refreshes (on demand and nightly, once across instances, by from_date).
// Pages and outcomes read only the cache, so with Kolada away every page still renders.
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { localDate } from '../calendar/calendar.ts';
import { getTenantSettings } from '../tenants/tenants.service.ts';
import { type KoladaClient, type KoladaDataRow, koladaClient } from './kolada.client.ts';
import * as repo from './kolada.repo.ts';

export const COUNTRY = '0000';
export const GENDERS = ['T', 'K', 'M'] as const;
export type Gender = (typeof GENDERS)[number];

export interface KoladaSource {
  type: 'kolada';
  kpi: string;
  gender?: Gender;
  compareWith?: string[];
}

export function isKoladaSource(source: unknown): source is KoladaSource {
  const s = source as Partial<KoladaSource> | null;
  return s?.type === 'kolada' && typeof s.kpi === 'string';
}

export const genderOf = (s: KoladaSource): Gender => s.gender ?? 'T';
export const isGroupId = (id: string) => id.startsWith('G');

// The source kind is registered at import, before any app exists; the app tells it where Kolada is.
let clientSettings: { baseUrl: string; timeoutMs: number; minIntervalMs?: number; backoffMs?: number } = {
  baseUrl: 'https://api.kolada.se/v3',
  timeoutMs: 10_000,
};
let shared: KoladaClient | undefined;

export function configureKolada(
  config: Pick<Config, 'koladaUrl' | 'koladaTimeoutMs'>,
  pacing: { minIntervalMs?: number; backoffMs?: number } = {},
): void {
  clientSettings = { baseUrl: config.koladaUrl, timeoutMs: config.koladaTimeoutMs, ...pacing };
  shared = undefined;
}

/** One client per process, so that every request shares the polite pace. */
export function kolada(): KoladaClient {
  shared ??= koladaClient(clientSettings);
  return shared;
}

const KPI_ID = /^[A-Z]\d{5}$/;
const MUNICIPALITY_ID = /^\d{4}$/;

/** Kolada's rows as cache records; anything not shaped like Kolada's answer is left out. */
export function toRecords(rows: readonly KoladaDataRow[]): repo.ValueRecord[] {
  const out: repo.ValueRecord[] = [];
  for (const row of rows) {
    if (!row || !KPI_ID.test(String(row.kpi)) || !MUNICIPALITY_ID.test(String(row.municipality))) continue;
    const period = Number(row.period);
    if (!Number.isInteger(period) || period < 1900 || period > 2200 || !Array.isArray(row.values)) continue;
    for (const v of row.values) {
      if (!v || !GENDERS.includes(v.gender as Gender)) continue;
      const value = typeof v.value === 'number' && Number.isFinite(v.value) ? v.value : null;
      out.push({
        kpi: row.kpi,
        municipality: row.municipality,
        period,
        gender: v.gender as Gender,
        value,
        status: typeof v.status === 'string' ? v.status.slice(0, 100) : null,
        deleted: v.isdeleted === true,
      });
    }
  }
  return out;
}

export function unknownKpi(kpi: string) {
  return new AppError('validation', `KPI ${kpi} finns inte i Kolada`, {
    fields: [{ field: 'source.kpi', message: `KPI ${kpi} finns inte i Kolada. Sök nyckeltalet på titel och välj ett som finns.` }],
  });
}

/** The KPI's title and description: from the cache, or asked of Kolada (and kept). */
export async function ensureKpi(db: Db, kpi: string, now = new Date()) {
  const [cached] = await repo.findEntities(db, 'kpi', [kpi]);
  if (cached) return cached;
  const r = await kolada().kpis([kpi]);
  const found = r.values.find((k) => k.id === kpi);
  if (!found) throw unknownKpi(kpi);
  await repo.storeEntities(
    db,
    [{ kind: 'kpi', id: found.id, title: String(found.title), description: String(found.description ?? '') }],
    r.url,
    now,
  );
  const [stored] = await repo.findEntities(db, 'kpi', [kpi]);
  if (!stored) throw unknownKpi(kpi);
  return stored;
}

const SEARCH_TTL_MS = 24 * 60 * 60 * 1000;

/** Kolada's KPIs whose title contains the words; the same words are asked of Kolada once a day. */
export async function searchKpis(title: string, { db, now = new Date() }: { db: Db; now?: Date }) {
  const query = title.trim().replace(/\s+/g, ' ').toLowerCase();
  if (query.length < 2)
    throw new AppError('validation', 'Skriv minst två tecken att söka på.', {
      fields: [{ field: 'title', message: 'Skriv minst två tecken att söka på.' }],
    });
  const cached = await repo.findSearch(db, query);
  if (cached && now.getTime() - new Date(cached.fetched_at).getTime() < SEARCH_TTL_MS) {
    const kpis = await repo.findEntities(db, 'kpi', cached.kpi_ids);
    const byId = new Map(kpis.map((k) => [k.id, k]));
    return {
      kpis: cached.kpi_ids.flatMap((id) => {
        const k = byId.get(id);
        return k ? [{ id: k.id, title: k.title, description: k.description }] : [];
      }),
      fetchedAt: new Date(cached.fetched_at),
    };
  }
  const r = await kolada().searchKpis(query);
  const found = r.values.filter((k) => k && KPI_ID.test(String(k.id))).slice(0, 100);
  const kpis = found.map((k) => ({ id: k.id, title: String(k.title ?? ''), description: String(k.description ?? '') }));
  await db.transaction().execute(async (trx) => {
    await repo.storeEntities(
      trx,
      kpis.map((k) => ({ kind: 'kpi' as const, ...k })),
      r.url,
      now,
    );
    await repo.storeSearch(
      trx,
      query,
      kpis.map((k) => k.id),
      r.url,
      now,
    );
  });
  return { kpis, fetchedAt: now };
}

const GROUP_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The members of each group (kept for a week) and the names of the municipalities. */
async function ensureEntities(db: Db, ids: readonly string[], now: Date): Promise<Map<string, string[]>> {
  const groupIds = ids.filter(isGroupId);
  const known = await repo.findEntities(db, 'group', groupIds);
  const fresh = known.filter((g) => now.getTime() - new Date(g.fetched_at).getTime() < GROUP_TTL_MS);
  const missing = groupIds.filter((id) => !fresh.some((g) => g.id === id));
  const members = new Map(fresh.map((g) => [g.id, g.members]));
  if (missing.length > 0) {
    const r = await kolada().groups(missing);
    const groups = r.values
      .filter((g) => g && missing.includes(g.id) && Array.isArray(g.members))
      .map((g) => ({
        kind: 'group' as const,
        id: g.id,
        title: String(g.title ?? g.id),
        members: g.members.map((m) => String(m.id)).filter((m) => MUNICIPALITY_ID.test(m)),
      }));
    await repo.storeEntities(db, groups, r.url, now);
    for (const g of groups) members.set(g.id, g.members);
    for (const id of missing) if (!members.has(id)) members.set(id, known.find((g) => g.id === id)?.members ?? []);
  }
  const municipalityIds = ids.filter((id) => !isGroupId(id));
  const named = await repo.findEntities(db, 'municipality', municipalityIds);
  const unnamed = municipalityIds.filter((id) => !named.some((m) => m.id === id));
  if (unnamed.length > 0) {
    const r = await kolada().municipalities(unnamed);
    await repo.storeEntities(
      db,
      r.values
        .filter((m) => m && MUNICIPALITY_ID.test(String(m.id)))
        .map((m) => ({ kind: 'municipality' as const, id: m.id, title: String(m.title ?? m.id) })),
      r.url,
      now,
    );
  }
  return members;
}

/** Fetches a KPI for the municipalities and groups (every year) and stores it; revisions are recorded. */
export async function fetchSeries(db: Db, q: { kpi: string; ids: readonly string[] }, now = new Date()) {
  const members = await ensureEntities(db, q.ids, now);
  const municipalities = [...new Set([...q.ids.filter((id) => !isGroupId(id)), ...[...members.values()].flat()])];
  const batches = await kolada().data({ kpis: [q.kpi], municipalities });
  let stored = 0;
  let revised = 0;
  for (const b of batches) {
    const r = await repo.storeValues(db, toRecords(b.rows), b.url, now);
    stored += r.stored;
    revised += r.revised;
  }
  return { stored, revised };
}

export async function municipalityCode(actor: Actor, db: Db): Promise<string | null> {
  return (await getTenantSettings(actor, { db })).municipalityCode;
}

export function seriesIds(code: string, source: KoladaSource): string[] {
  return [...new Set([code, ...(source.compareWith ?? [])])];
}

export async function refreshSource(actor: Actor, source: KoladaSource, { db, now = new Date() }: { db: Db; now?: Date }) {
  const code = await municipalityCode(actor, db);
  if (!code) throw noMunicipalityCode();
  await ensureKpi(db, source.kpi, now);
  return fetchSeries(db, { kpi: source.kpi, ids: seriesIds(code, source) }, now);
}

export function noMunicipalityCode() {
  return new AppError(
    'validation',
    'Kommunkoden saknas. En administratör anger den under Inställningar (fyra siffror, till exempel 0188).',
    {
      fields: [{ field: 'source', message: 'Kommunkoden saknas. Ange den under Inställningar innan en indikator hämtas från Kolada.' }],
    },
  );
}

/** Nightly: ask Kolada what changed since the last good run for every KPI and municipality in the cache. Once across instances. */
export async function refreshNightly(
  db: Db,
  now = new Date(),
  /** `scope` names the run series (tests use their own, as they share a database). */
  { earliestHour = 3, scope = 'nightly' }: { earliestHour?: number; scope?: string } = {},
): Promise<{ ran: boolean; stored: number; revised: number; fromDate?: string; error?: string }> {
  const hour = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', hourCycle: 'h23' }).format(now));
  if (hour < earliestHour) return { ran: false, stored: 0, revised: 0 };
  const key = `${scope}:${localDate(now)}`;
  const since = await repo.lastGoodRun(db, scope);
  if (!(await repo.claimRun(db, key, now))) return { ran: false, stored: 0, revised: 0 };
  // A day's overlap: a value changed on the day of the last run is asked for again, never missed.
  const fromDate = localDate(new Date((since ?? new Date(now.getTime() - 7 * 86_400_000)).getTime() - 86_400_000));
  let stored = 0;
  let revised = 0;
  try {
    const pairs = await repo.cachedPairs(db);
    const byKpi = new Map<string, string[]>();
    for (const p of pairs) byKpi.set(p.kpi, [...(byKpi.get(p.kpi) ?? []), p.municipality]);
    for (const [kpi, municipalities] of byKpi) {
      for (const b of await kolada().data({ kpis: [kpi], municipalities, fromDate })) {
        const r = await repo.storeValues(db, toRecords(b.rows), b.url, now);
        stored += r.stored;
        revised += r.revised;
      }
    }
    await repo.finishRun(db, key, new Date(), null);
    return { ran: true, stored, revised, fromDate };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await repo.finishRun(db, key, new Date(), message.slice(0, 500));
    return { ran: true, stored, revised, fromDate, error: message };
  }
}
