// Every query of the kolada module. Kolada's figures are public and the same for every tenant, so
// the cache tables have no tenant_id; what is tenant-specific (which KPIs and municipalities a
// tenant looks at) comes from the caller, and revisions are listed through it.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface ValueRecord {
  kpi: string;
  municipality: string;
  period: number;
  gender: 'T' | 'K' | 'M';
  value: number | null;
  status: string | null;
  deleted: boolean;
}

/**
 * Stores one fetch's values in one transaction. A value already in the cache (and so already shown)
 * that Kolada has changed or deleted is recorded as a revision first; the rows are locked so that
 * two refreshes at once record a revision once.
 */
export async function storeValues(
  db: Db,
  records: readonly ValueRecord[],
  url: string,
  now: Date,
): Promise<{ stored: number; revised: number }> {
  const unique = new Map(records.map((r) => [`${r.kpi}/${r.municipality}/${r.period}/${r.gender}`, r]));
  if (unique.size === 0) return { stored: 0, revised: 0 };
  const json = JSON.stringify([...unique.values()].map((r) => ({ ...r, value: r.deleted ? null : r.value })));
  const incoming = sql`jsonb_to_recordset(${json}::jsonb) AS n(kpi text, municipality text, period int, gender text, value float8, status text, deleted boolean)`;
  return db.transaction().execute(async (trx) => {
    await sql`SELECT 1 FROM kolada_values v JOIN ${incoming} USING (kpi, municipality, period, gender)
      ORDER BY v.kpi, v.municipality, v.period, v.gender FOR UPDATE OF v`.execute(trx);
    const revised =
      await sql`INSERT INTO kolada_revisions (kpi, municipality, period, gender, old_value, new_value, old_fetched_at, detected_at, url)
      SELECT v.kpi, v.municipality, v.period, v.gender, v.value, n.value, v.fetched_at, ${now.toISOString()}::timestamptz, ${url}
      FROM kolada_values v JOIN ${incoming} USING (kpi, municipality, period, gender)
      WHERE v.value IS NOT NULL AND v.value IS DISTINCT FROM n.value`.execute(trx);
    const stored = await sql`INSERT INTO kolada_values (kpi, municipality, period, gender, value, status, fetched_at, url)
      SELECT n.kpi, n.municipality, n.period, n.gender, n.value, CASE WHEN n.deleted THEN 'deleted' ELSE n.status END, ${now.toISOString()}::timestamptz, ${url}
      FROM ${incoming}
      ON CONFLICT (kpi, municipality, period, gender) DO UPDATE
        SET value = excluded.value, status = excluded.status, fetched_at = excluded.fetched_at, url = excluded.url`.execute(trx);
    return { stored: Number(stored.numAffectedRows ?? 0), revised: Number(revised.numAffectedRows ?? 0) };
  });
}

export interface EntityRecord {
  kind: 'kpi' | 'municipality' | 'group';
  id: string;
  title: string;
  description?: string;
  members?: string[];
}

export async function storeEntities(db: Db, entities: readonly EntityRecord[], url: string, now: Date): Promise<void> {
  const unique = new Map(entities.map((e) => [`${e.kind}/${e.id}`, e]));
  if (unique.size === 0) return;
  await db
    .insertInto('kolada_entities')
    .values(
      [...unique.values()].map((e) => ({
        kind: e.kind,
        id: e.id,
        title: e.title,
        description: e.description ?? '',
        members: e.members ?? [],
        fetched_at: now,
        url,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['kind', 'id']).doUpdateSet((eb) => ({
        title: eb.ref('excluded.title'),
        description: eb.ref('excluded.description'),
        members: eb.ref('excluded.members'),
        fetched_at: eb.ref('excluded.fetched_at'),
        url: eb.ref('excluded.url'),
      })),
    )
    .execute();
}

export function findEntities(db: Db, kind: EntityRecord['kind'], ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('kolada_entities')
    .select(['id', 'title', 'description', 'members', 'fetched_at'])
    .where('kind', '=', kind)
    .where('id', 'in', [...ids])
    .execute();
}

export function findSearch(db: Db, query: string) {
  return db.selectFrom('kolada_searches').selectAll().where('query', '=', query).executeTakeFirst();
}

export async function storeSearch(db: Db, query: string, kpiIds: string[], url: string, now: Date): Promise<void> {
  await db
    .insertInto('kolada_searches')
    .values({ query, kpi_ids: kpiIds, url, fetched_at: now })
    .onConflict((oc) => oc.column('query').doUpdateSet({ kpi_ids: kpiIds, url, fetched_at: now }))
    .execute();
}

/** One KPI's value per year for one municipality (or the country) — an indicator's outcomes. */
export function yearValue(db: Db, q: { kpi: string; municipality: string; gender: string; period: number }) {
  return db
    .selectFrom('kolada_values')
    .select(['value', 'fetched_at'])
    .where('kpi', '=', q.kpi)
    .where('municipality', '=', q.municipality)
    .where('gender', '=', q.gender as 'T')
    .where('period', '=', q.period)
    .executeTakeFirst();
}

export interface SeriesSpec {
  /** What the series is called in the answer: a municipality code or a group id. */
  series: string;
  /** The municipalities it is the unweighted mean of (one for a municipality). */
  members: string[];
}

/** Per series and year: the unweighted mean of its members' values (a municipality's own value), computed in SQL. */
export async function seriesValues(db: Db, kpi: string, gender: string, specs: readonly SeriesSpec[]) {
  const pairs = specs.flatMap((s) => s.members.map((m) => ({ series: s.series, member: m })));
  if (pairs.length === 0) return [];
  const result = await sql<{ series: string; period: number; value: number; members: number; fetched_at: Date }>`
    SELECT s.series, v.period, avg(v.value) AS value, count(*)::int AS members, max(v.fetched_at) AS fetched_at
    FROM jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) AS s(series text, member text)
    JOIN kolada_values v ON v.municipality = s.member
    WHERE v.kpi = ${kpi} AND v.gender = ${gender} AND v.value IS NOT NULL
    GROUP BY s.series, v.period
    ORDER BY s.series, v.period`.execute(db);
  return result.rows.map((r) => ({ ...r, value: Number(r.value), period: Number(r.period) }));
}

/** When the figures of these municipalities were last fetched from Kolada. */
export async function lastFetched(db: Db, kpi: string, municipalities: readonly string[]): Promise<Date | null> {
  if (municipalities.length === 0) return null;
  const row = await db
    .selectFrom('kolada_values')
    .select((eb) => eb.fn.max('fetched_at').as('at'))
    .where('kpi', '=', kpi)
    .where('municipality', 'in', [...municipalities])
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}

export function listRevisions(db: Db, series: readonly { kpi: string; municipality: string; gender: string }[], limit = 200) {
  if (series.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('kolada_revisions')
    .select(['id', 'kpi', 'municipality', 'period', 'gender', 'old_value', 'new_value', 'old_fetched_at', 'detected_at'])
    .where((eb) =>
      eb.or(series.map((s) => eb.and([eb('kpi', '=', s.kpi), eb('municipality', '=', s.municipality), eb('gender', '=', s.gender)]))),
    )
    .orderBy('detected_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Every KPI × municipality pair in the cache: what the nightly refresh asks Kolada about. */
export function cachedPairs(db: Db) {
  return db.selectFrom('kolada_values').select(['kpi', 'municipality']).distinct().orderBy('kpi').orderBy('municipality').execute();
}

/** Once across instances: only the instance whose insert succeeds runs the job for this key. */
export async function claimRun(db: Db, key: string, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('kolada_runs')
    .values({ key, started_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

export async function finishRun(db: Db, key: string, now: Date, error: string | null): Promise<void> {
  await db.updateTable('kolada_runs').set({ finished_at: now, error }).where('key', '=', key).execute();
}

/** The start of the last nightly run that finished without error: from_date of the next. */
export async function lastGoodRun(db: Db, scope: string): Promise<Date | null> {
  const row = await db
    .selectFrom('kolada_runs')
    .select('started_at')
    .where('key', 'like', `${scope}:%`)
    .where('finished_at', 'is not', null)
    .where('error', 'is', null)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.started_at) : null;
}

export function lastRun(db: Db) {
  return db.selectFrom('kolada_runs').selectAll().orderBy('started_at', 'desc').limit(1).executeTakeFirst();
}
