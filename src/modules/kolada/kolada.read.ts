// Read models over the cache: an indicator's comparison series (the municipality, the chosen
// municipalities and groups, the country), when they were fetched and what Kolada revised. Only
// the database is read: these render the same with Kolada unreachable.
import type { Db } from '../../db/database.ts';
import type { Actor } from '../accounts/actor.ts';
import { localDate } from '../calendar/calendar.ts';
import { listRounds } from '../goals/index.ts';
import { requireTenant } from '../tenants/tenants.service.ts';
import * as repo from './kolada.repo.ts';
import { COUNTRY, genderOf, isGroupId, isKoladaSource, type KoladaSource, municipalityCode, seriesIds } from './kolada.service.ts';

export interface ComparisonSeries {
  municipality: string;
  title: string;
  /** The tenant's own municipality (the others are what it is held against). */
  own: boolean;
  values: { period: number; value: number }[];
}

export interface RevisionView {
  period: number;
  municipality: string;
  kpi: string;
  oldValue: number | null;
  newValue: number | null;
  detectedOn: string;
  text: string;
  /** The year was reported in a closed follow-up round: what was approved then is the old value. */
  inClosedRound: boolean;
}

export interface KoladaFacts {
  kpi: string;
  kpiTitle: string;
  kpiDescription: string;
  gender: string;
  municipalityCode: string | null;
  /** When the figures shown were last fetched (null: never). */
  fetchedAt: string | null;
  /** "Källa: Kolada, hämtad 2027-03-02" (or that nothing has been fetched yet). */
  sourceNote: string;
  revisions: RevisionView[];
}

const number = (v: number) => v.toLocaleString('sv-SE', { maximumFractionDigits: 4 });

export function revisionText(r: { period: number; oldValue: number | null; newValue: number | null; detectedOn: string }): string {
  if (r.newValue === null)
    return `Kolada har tagit bort värdet för ${r.period} (var ${r.oldValue === null ? '–' : number(r.oldValue)}), ${r.detectedOn}`;
  return `Kolada har ändrat ${r.period} från ${r.oldValue === null ? '–' : number(r.oldValue)} till ${number(r.newValue)}, ${r.detectedOn}`;
}

export function sourceNote(fetchedAt: Date | null): string {
  return fetchedAt ? `Källa: Kolada, hämtad ${localDate(fetchedAt)}` : 'Källa: Kolada. Inga värden har hämtats ännu.';
}

async function titles(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const [municipalities, groups] = await Promise.all([
    repo.findEntities(
      db,
      'municipality',
      ids.filter((id) => !isGroupId(id)),
    ),
    repo.findEntities(db, 'group', ids.filter(isGroupId)),
  ]);
  const map = new Map<string, string>([[COUNTRY, 'Riket']]);
  for (const e of [...municipalities, ...groups]) map.set(e.id, e.title);
  return map;
}

/** The municipality first, then the comparisons in the order chosen; a group is the mean of its members. */
export async function comparisonSeries(db: Db, code: string, source: KoladaSource): Promise<ComparisonSeries[]> {
  const ids = seriesIds(code, source);
  const groups = await repo.findEntities(db, 'group', ids.filter(isGroupId));
  const specs = ids.map((id) => ({ series: id, members: isGroupId(id) ? (groups.find((g) => g.id === id)?.members ?? []) : [id] }));
  const [rows, names] = await Promise.all([repo.seriesValues(db, source.kpi, genderOf(source), specs), titles(db, ids)]);
  return ids.map((id) => ({
    municipality: id,
    title: names.get(id) ?? id,
    own: id === code,
    values: rows.filter((r) => r.series === id).map((r) => ({ period: r.period, value: r.value })),
  }));
}

/** What an indicator fed from Kolada shows beside its values; for any other source nothing. */
export async function koladaFacts(
  actor: Actor,
  source: unknown,
  { db }: { db: Db },
): Promise<{ comparisons: ComparisonSeries[]; kolada: KoladaFacts | null }> {
  if (!isKoladaSource(source)) return { comparisons: [], kolada: null };
  const code = await municipalityCode(actor, db);
  const [kpi] = await repo.findEntities(db, 'kpi', [source.kpi]);
  const gender = genderOf(source);
  if (!code) {
    return {
      comparisons: [],
      kolada: {
        kpi: source.kpi,
        kpiTitle: kpi?.title ?? '',
        kpiDescription: kpi?.description ?? '',
        gender,
        municipalityCode: null,
        fetchedAt: null,
        sourceNote: sourceNote(null),
        revisions: [],
      },
    };
  }
  const [comparisons, fetched, revisions, closed] = await Promise.all([
    comparisonSeries(db, code, source),
    repo.lastFetched(db, source.kpi, [code]),
    repo.listRevisions(db, [{ kpi: source.kpi, municipality: code, gender }], 50),
    closedYears(actor, db),
  ]);
  return {
    comparisons,
    kolada: {
      kpi: source.kpi,
      kpiTitle: kpi?.title ?? '',
      kpiDescription: kpi?.description ?? '',
      gender,
      municipalityCode: code,
      fetchedAt: fetched ? fetched.toISOString() : null,
      sourceNote: sourceNote(fetched),
      revisions: revisions.map((r) => presentRevision(r, closed)),
    },
  };
}

/** When each year's follow-up round was first closed: its report was approved with the values of then. */
export async function closedYears(actor: Actor, db: Db): Promise<Map<number, number>> {
  const closed = new Map<number, number>();
  for (const r of await listRounds(actor, { db })) {
    if (r.status !== 'closed' || !r.closed_at || !/^\d{4}$/.test(r.period)) continue;
    const at = new Date(r.closed_at).getTime();
    closed.set(Number(r.period), Math.min(at, closed.get(Number(r.period)) ?? at));
  }
  return closed;
}

export function presentRevision(
  r: Awaited<ReturnType<typeof repo.listRevisions>>[number],
  closed: ReadonlyMap<number, number>,
): RevisionView {
  const base = { period: r.period, oldValue: r.old_value, newValue: r.new_value, detectedOn: localDate(new Date(r.detected_at)) };
  return {
    ...base,
    municipality: r.municipality,
    kpi: r.kpi,
    text: revisionText(base),
    inClosedRound: (closed.get(r.period) ?? Infinity) < new Date(r.detected_at).getTime(),
  };
}

/** For the umbrella site: an indicator's comparison series in a municipality named by its slug (public data only). */
export async function publicComparisons(db: Db, tenantSlug: string, source: unknown) {
  if (!isKoladaSource(source)) return null;
  const tenant = await requireTenant(db, tenantSlug);
  if (!tenant.municipalityCode) return null;
  const [comparisons, fetched] = await Promise.all([
    comparisonSeries(db, tenant.municipalityCode, source),
    repo.lastFetched(db, source.kpi, [tenant.municipalityCode]),
  ]);
  return { comparisons, fetchedAt: fetched ? fetched.toISOString() : null, sourceNote: sourceNote(fetched) };
}
