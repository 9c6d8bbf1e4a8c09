// Indicator sources of the goals model fed by this module: `nki` (an Insikt area, the total or the
// lowest mandatory area; NKI, a factor or the bemötande sub-question), `survey` (a scale question's
// index) and `after_contact` (the after-contact question's index). Imported for its side effect by
// the module's index.ts, which app.ts imports before it builds the goals API's schema union.
import { Type } from 'typebox';
import { registerSourceKind } from '../goals/index.ts';
import { afterContactIndex } from './after-contact.service.ts';
import { AREA_CODE, areaNames, lowestMandatory, shownMeasure } from './insikt.service.ts';
import { AREA_NAMES, MEASURE_NAMES, MEASURES, type Measure } from './nki.ts';
import { findScaleQuestion, surveyQuestionIndex } from './surveys.service.ts';

/** The lowest of the four mandatory areas ("samtliga myndighetsområden ≥ 70"). */
export const LOWEST = 'lowest';

registerSourceKind({
  type: 'nki',
  label: 'NKI från SKR:s Insikt (område, totalt eller lägsta området)',
  schema: Type.Object(
    {
      type: Type.Literal('nki'),
      area: Type.String({ pattern: AREA_CODE, description: "An area code, 'total', or 'lowest' (the lowest mandatory area)" }),
      measure: Type.Optional(
        Type.Union(
          MEASURES.map((m) => Type.Literal(m)),
          { description: 'Default nki' },
        ),
      ),
    },
    { additionalProperties: false, description: 'An Insikt result (yearly); hidden below the minimum number of answers' },
  ),
  computed: true,
  unit: 'index',
  check: async ({ db, actor }, config) => {
    const area = String(config.area);
    if (area === LOWEST || (await areaNames(db, actor.tenantId)).has(area)) return [];
    return [{ field: 'source.area', message: 'Området finns inte bland Insikt-områdena.' }];
  },
  compute: async ({ db, actor }, config, range) => {
    if (range.kind !== 'year') return null;
    const measure = (config.measure ?? 'nki') as Measure;
    const area = String(config.area);
    if (area === LOWEST) return lowestMandatory(db, actor.tenantId, range.year, measure);
    return shownMeasure(db, actor.tenantId, { year: range.year, area, measure });
  },
  describe: (c) => {
    const area = String(c.area);
    const where = area === LOWEST ? 'lägsta av de fyra obligatoriska områdena' : (AREA_NAMES[area] ?? area).toLowerCase();
    return `SKR:s Insikt: ${MEASURE_NAMES[(c.measure ?? 'nki') as Measure]}, ${where}`;
  },
});

registerSourceKind({
  type: 'survey',
  label: 'Index för en fråga i en egen enkät (skala 1–5 eller 1–10)',
  schema: Type.Object(
    { type: Type.Literal('survey'), questionId: Type.String({ format: 'uuid' }) },
    { additionalProperties: false, description: 'A survey scale question’s index 0–100 over the period’s answers' },
  ),
  computed: true,
  unit: 'index',
  check: async ({ db, actor }, config) =>
    (await findScaleQuestion(db, actor.tenantId, String(config.questionId)))
      ? []
      : [{ field: 'source.questionId', message: 'Frågan finns inte eller är inte en skalfråga.' }],
  compute: ({ db, actor }, config, range) => surveyQuestionIndex(db, actor.tenantId, String(config.questionId), range.from, range.to),
  describe: () => 'Beräknas från svaren på en fråga i en egen enkät',
});

registerSourceKind({
  type: 'after_contact',
  label: 'Nöjdhet efter avslutat ärende (frågan efter kontakten, 1–5)',
  schema: Type.Object(
    { type: Type.Literal('after_contact') },
    { additionalProperties: false, description: 'Index 0–100 of the after-contact question answered in the period' },
  ),
  computed: true,
  unit: 'index',
  compute: ({ db, actor }, _config, range) => afterContactIndex(db, actor.tenantId, range.from, range.to),
  describe: () => 'Beräknas från svaren på frågan efter avslutat ärende',
});
