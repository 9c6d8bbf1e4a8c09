// Queries of settings, areas, Insikt results and targets; each filtered by tenant_id.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { InsiktPeriod, InsiktResultTable } from '../../db/schema-satisfaction.ts';
import { DEFAULT_BANDS, DEFAULT_MIN_ANSWERS, type Measure } from './nki.ts';

export interface Settings {
  minAnswers: number;
  bands: { veryHigh: number; high: number; pass: number; low: number };
  afterContactEnabled: boolean;
  afterContactDelayHours: number;
  importMapping: Record<string, string>;
}

export const DEFAULT_SETTINGS: Settings = {
  minAnswers: DEFAULT_MIN_ANSWERS,
  bands: DEFAULT_BANDS,
  afterContactEnabled: true,
  afterContactDelayHours: 24,
  importMapping: {},
};

export async function findSettings(db: Db, tenantId: string, options: { lock?: boolean } = {}): Promise<Settings> {
  let q = db.selectFrom('satisfaction_settings').selectAll().where('tenant_id', '=', tenantId);
  if (options.lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return DEFAULT_SETTINGS;
  return {
    minAnswers: row.min_answers,
    bands: { veryHigh: row.band_very_high, high: row.band_high, pass: row.band_pass, low: row.band_low },
    afterContactEnabled: row.after_contact_enabled,
    afterContactDelayHours: row.after_contact_delay_hours,
    importMapping: row.import_mapping ?? {},
  };
}

export async function upsertSettings(db: Db, tenantId: string, s: Settings): Promise<void> {
  const values = {
    min_answers: s.minAnswers,
    band_very_high: s.bands.veryHigh,
    band_high: s.bands.high,
    band_pass: s.bands.pass,
    band_low: s.bands.low,
    after_contact_enabled: s.afterContactEnabled,
    after_contact_delay_hours: s.afterContactDelayHours,
    import_mapping: JSON.stringify(s.importMapping),
  };
  await db
    .insertInto('satisfaction_settings')
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
    .execute();
}

export function listAreas(db: Db, tenantId: string) {
  return db.selectFrom('satisfaction_areas').select(['code', 'name']).where('tenant_id', '=', tenantId).orderBy('code').execute();
}

export async function insertArea(db: Db, tenantId: string, code: string, name: string): Promise<boolean> {
  const r = await db
    .insertInto('satisfaction_areas')
    .values({ tenant_id: tenantId, code, name })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export type ResultValues = { year: number; period: InsiktPeriod; area: string; n: number; responseRate: number | null } & Record<
  Measure,
  number | null
>;

export async function upsertResults(
  db: Db,
  tenantId: string,
  rows: ResultValues[],
  source: InsiktResultTable['source'],
  generated = false,
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => ({
    tenant_id: tenantId,
    year: r.year,
    period: r.period,
    area: r.area,
    n: r.n,
    response_rate: r.responseRate,
    nki: r.nki,
    information: r.information,
    tillganglighet: r.tillganglighet,
    bemotande: r.bemotande,
    kompetens: r.kompetens,
    rattssakerhet: r.rattssakerhet,
    effektivitet: r.effektivitet,
    bemotande_question: r.bemotande_question,
    source,
    generated,
  }));
  await db
    .insertInto('insikt_results')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'year', 'period', 'area']).doUpdateSet((eb) => ({
        n: eb.ref('excluded.n'),
        response_rate: eb.ref('excluded.response_rate'),
        nki: eb.ref('excluded.nki'),
        information: eb.ref('excluded.information'),
        tillganglighet: eb.ref('excluded.tillganglighet'),
        bemotande: eb.ref('excluded.bemotande'),
        kompetens: eb.ref('excluded.kompetens'),
        rattssakerhet: eb.ref('excluded.rattssakerhet'),
        effektivitet: eb.ref('excluded.effektivitet'),
        bemotande_question: eb.ref('excluded.bemotande_question'),
        source: eb.ref('excluded.source'),
        generated: eb.ref('excluded.generated'),
        updated_at: sql`now()`,
      })),
    )
    .execute();
}

export type ResultRow = ResultValues & { source: InsiktResultTable['source']; generated: boolean };

export async function listResults(
  db: Db,
  tenantId: string,
  filter: { year?: number; area?: string; period?: InsiktPeriod; fromYear?: number; toYear?: number },
): Promise<ResultRow[]> {
  let q = db.selectFrom('insikt_results').selectAll().where('tenant_id', '=', tenantId);
  if (filter.year !== undefined) q = q.where('year', '=', filter.year);
  if (filter.fromYear !== undefined) q = q.where('year', '>=', filter.fromYear);
  if (filter.toYear !== undefined) q = q.where('year', '<=', filter.toYear);
  if (filter.area !== undefined) q = q.where('area', '=', filter.area);
  if (filter.period !== undefined) q = q.where('period', '=', filter.period);
  const rows = await q.orderBy('year').orderBy('period').orderBy('area').execute();
  return rows.map((r) => ({
    year: r.year,
    period: r.period,
    area: r.area,
    n: r.n,
    responseRate: r.response_rate,
    nki: r.nki,
    information: r.information,
    tillganglighet: r.tillganglighet,
    bemotande: r.bemotande,
    kompetens: r.kompetens,
    rattssakerhet: r.rattssakerhet,
    effektivitet: r.effektivitet,
    bemotande_question: r.bemotande_question,
    source: r.source,
    generated: r.generated,
  }));
}

export async function upsertTarget(db: Db, tenantId: string, t: { area: string; year: number; target: number }): Promise<void> {
  await db
    .insertInto('insikt_targets')
    .values({ tenant_id: tenantId, ...t })
    .onConflict((oc) => oc.columns(['tenant_id', 'area', 'year']).doUpdateSet({ target: t.target }))
    .execute();
}

export function listTargets(db: Db, tenantId: string, area?: string) {
  let q = db.selectFrom('insikt_targets').select(['area', 'year', 'target']).where('tenant_id', '=', tenantId);
  if (area) q = q.where('area', '=', area);
  return q.orderBy('area').orderBy('year').execute();
}
