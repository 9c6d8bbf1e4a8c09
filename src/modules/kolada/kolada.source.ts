// The indicator source kind `kolada`: an indicator's yearly outcomes are a Kolada KPI's values for
// the tenant's municipality (gender T unless chosen), read from the cache. Registered on import.
// It imports the goals module's source registry directly rather than goals/index.ts: the goals
// read model imports this module, and going through the index would make that an import cycle
// evaluated before the registry exists.
import { Type } from 'typebox';
import { registerSourceKind } from '../goals/sources.ts';
import * as repo from './kolada.repo.ts';
import {
  ensureKpi,
  fetchSeries,
  genderOf,
  isKoladaSource,
  type KoladaSource,
  municipalityCode,
  noMunicipalityCode,
  seriesIds,
} from './kolada.service.ts';

export const KoladaSourceSchema = Type.Object(
  {
    type: Type.Literal('kolada'),
    kpi: Type.String({ pattern: '^[A-Z][0-9]{5}$', description: 'Kolada KPI id, e.g. N00000' }),
    gender: Type.Optional(
      Type.Union([Type.Literal('T'), Type.Literal('K'), Type.Literal('M')], { description: 'T (total, default), K or M' }),
    ),
    compareWith: Type.Optional(
      Type.Array(Type.String({ pattern: '^([0-9]{4}|G[0-9]{1,10})$' }), {
        maxItems: 10,
        description: 'Municipality codes (0000 = the whole country) and municipality groups (G…) to compare with',
      }),
    ),
  },
  { additionalProperties: false, description: 'Yearly values of a Kolada KPI for the municipality, with comparison series' },
);

const GENDER_NAMES: Record<string, string> = { T: 'totalt', K: 'kvinnor', M: 'män' };

registerSourceKind({
  type: 'kolada',
  label: 'Hämtas från Kolada (ett nyckeltal, per år)',
  schema: KoladaSourceSchema,
  computed: true,
  async check({ db, actor }, config) {
    if (!isKoladaSource(config)) return [{ field: 'source.kpi', message: 'Ange nyckeltalets id i Kolada, till exempel N00000.' }];
    const code = await municipalityCode(actor, db);
    if (!code) return noMunicipalityCode().fields;
    // Throws "KPI … finns inte i Kolada" (a field error) or "Kolada svarade inte inom 10 s" (503).
    await ensureKpi(db, config.kpi);
    // Fetched now, so that the indicator has its values the moment it exists; pages only read the cache.
    if (!(await repo.lastFetched(db, config.kpi, [code]))) await fetchSeries(db, { kpi: config.kpi, ids: seriesIds(code, config) });
    return [];
  },
  async compute({ db, actor }, config, range) {
    if (range.kind !== 'year' || !isKoladaSource(config)) return null;
    const code = await municipalityCode(actor, db);
    if (!code) return null;
    const row = await repo.yearValue(db, { kpi: config.kpi, municipality: code, gender: genderOf(config), period: range.year });
    return row?.value ?? null;
  },
  describe: (config) => {
    const s = config as unknown as KoladaSource;
    return `Källa: Kolada, nyckeltal ${s.kpi} (${GENDER_NAMES[genderOf(s)] ?? 'totalt'})`;
  },
});
