// Pure: how Insyn computes NKI and its factor indices from answers, how a result is graded and
// when it may be shown. SKR does not publish the exact formula behind its figures, so this is the
// one Insyn documents (docs/ARCHITECTURE.md, "Satisfaction"):
//   question index = (mean − 1) / 9 × 100 over those who answered the question (1–10 scale);
//   NKI = the mean of the three NKI question indices (those that got any answer);
//   a factor index likewise from its answers; the total = the mean of the areas' indices weighted
//   by their number of answers, over the four mandatory areas.

export const MANDATORY_AREAS = ['bygglov', 'miljo-och-halsoskydd', 'livsmedelskontroll', 'serveringstillstand'] as const;
export const SEPARATE_AREAS = ['brandskydd', 'markupplatelse'] as const;
export const TOTAL = 'total';
export const BUILT_IN_AREAS = [...MANDATORY_AREAS, ...SEPARATE_AREAS, TOTAL] as const;

export const AREA_NAMES: Record<string, string> = {
  bygglov: 'Bygglov',
  'miljo-och-halsoskydd': 'Miljö- och hälsoskydd',
  livsmedelskontroll: 'Livsmedelskontroll',
  serveringstillstand: 'Serveringstillstånd',
  brandskydd: 'Brandskydd',
  markupplatelse: 'Markupplåtelse',
  total: 'Totalt (de fyra obligatoriska områdena)',
};

export const FACTORS = ['information', 'tillganglighet', 'bemotande', 'kompetens', 'rattssakerhet', 'effektivitet'] as const;
export type Factor = (typeof FACTORS)[number];
export const FACTOR_NAMES: Record<Factor, string> = {
  information: 'Information',
  tillganglighet: 'Tillgänglighet',
  bemotande: 'Bemötande',
  kompetens: 'Kompetens',
  rattssakerhet: 'Rättssäkerhet',
  effektivitet: 'Effektivitet',
};

/** The measures a result has: NKI, the six factors and the bemötande sub-question. */
export const MEASURES = ['nki', ...FACTORS, 'bemotande_question'] as const;
export type Measure = (typeof MEASURES)[number];
export const MEASURE_NAMES: Record<Measure, string> = {
  nki: 'NKI',
  ...FACTOR_NAMES,
  bemotande_question: 'Delfrågan "Hur nöjd var du totalt sett med bemötandet?"',
};

export type Answer = number | null;

/** The index 0–100 of answers on 1–10, over those who answered; null when nobody did. */
export function questionIndex(answers: readonly Answer[]): { n: number; index: number | null } {
  const given = answers.filter((a): a is number => a !== null);
  if (given.length === 0) return { n: 0, index: null };
  const mean = given.reduce((s, a) => s + a, 0) / given.length;
  return { n: given.length, index: ((mean - 1) / 9) * 100 };
}

export interface NkiResult {
  /** Respondents who answered at least one of the three NKI questions. */
  n: number;
  nki: number | null;
  /** Each NKI question's index (null: nobody answered it). */
  questions: [number | null, number | null, number | null];
}

/** NKI from each respondent's three NKI answers (1–10 or null). */
export function computeNki(respondents: readonly (readonly [Answer, Answer, Answer])[]): NkiResult {
  const questions = [0, 1, 2].map((q) => questionIndex(respondents.map((r) => r[q])).index) as [
    number | null,
    number | null,
    number | null,
  ];
  const n = respondents.filter((r) => r.some((a) => a !== null)).length;
  const defined = questions.filter((q): q is number => q !== null);
  return { n, questions, nki: defined.length === 0 ? null : defined.reduce((s, q) => s + q, 0) / defined.length };
}

export interface RawRespondent {
  area: string;
  nki: readonly [Answer, Answer, Answer];
  factors?: Partial<Record<Factor, Answer>>;
  bemotandeQuestion?: Answer;
}

export type AreaResult = { area: string; n: number } & Record<Measure, number | null>;

/** One area's result from its respondents' raw answers. */
export function computeArea(area: string, respondents: readonly RawRespondent[]): AreaResult {
  const nki = computeNki(respondents.map((r) => r.nki));
  const result = { area, n: nki.n, nki: nki.nki } as AreaResult;
  for (const f of FACTORS) result[f] = questionIndex(respondents.map((r) => r.factors?.[f] ?? null)).index;
  result.bemotande_question = questionIndex(respondents.map((r) => r.bemotandeQuestion ?? null)).index;
  return result;
}

/** The total: each measure the mean of the mandatory areas' values weighted by their answers. */
export function computeTotal(areas: readonly AreaResult[]): AreaResult {
  const mandatory = areas.filter((a) => (MANDATORY_AREAS as readonly string[]).includes(a.area));
  const total = { area: TOTAL, n: mandatory.reduce((s, a) => s + a.n, 0) } as AreaResult;
  for (const m of MEASURES) {
    let weight = 0;
    let sum = 0;
    for (const a of mandatory) {
      const v = a[m];
      if (v === null || a.n === 0) continue;
      weight += a.n;
      sum += v * a.n;
    }
    total[m] = weight === 0 ? null : sum / weight;
  }
  return total;
}

/** Respondents grouped per area, each area computed, and the total over the mandatory ones. */
export function computeFromRaw(respondents: readonly RawRespondent[]): AreaResult[] {
  const byArea = new Map<string, RawRespondent[]>();
  for (const r of respondents) byArea.set(r.area, [...(byArea.get(r.area) ?? []), r]);
  const areas = [...byArea].map(([area, rs]) => computeArea(area, rs));
  return [...areas, computeTotal(areas)];
}

// ---- grades -----------------------------------------------------------------------------------

export type Grade = 'very_high' | 'high' | 'pass' | 'low' | 'very_low';
export const GRADE_NAMES: Record<Grade, string> = {
  very_high: 'Mycket högt',
  high: 'Högt',
  pass: 'Godkänt',
  low: 'Lågt',
  very_low: 'Mycket lågt',
};

/** The lowest rounded index of each grade but "mycket lågt". */
export interface Bands {
  veryHigh: number;
  high: number;
  pass: number;
  low: number;
}
export const DEFAULT_BANDS: Bands = { veryHigh: 80, high: 70, pass: 62, low: 50 };
export const DEFAULT_MIN_ANSWERS = 7;

/** The index as shown: rounded half up to a whole number (79.5 → 80). */
export function roundIndex(index: number): number {
  return Math.floor(index + 0.5);
}

/** The grade of an index; the rounded index decides (79.5 is "mycket högt" under the defaults). */
export function grade(index: number, bands: Bands = DEFAULT_BANDS): Grade {
  const r = roundIndex(index);
  if (r >= bands.veryHigh) return 'very_high';
  if (r >= bands.high) return 'high';
  if (r >= bands.pass) return 'pass';
  if (r >= bands.low) return 'low';
  return 'very_low';
}

/** Below the minimum a result is not shown anywhere: only "för få svar". */
export function shown(n: number, minAnswers: number): boolean {
  return n >= minAnswers;
}

/** The index, rounded value and grade that may be published, or nulls below the minimum. */
export function publishable(index: number | null, n: number, minAnswers: number, bands: Bands) {
  if (index === null || !shown(n, minAnswers)) return { value: null, rounded: null, grade: null };
  return { value: index, rounded: roundIndex(index), grade: grade(index, bands) };
}

// ---- own surveys ------------------------------------------------------------------------------

/** SKR's phone/e-mail measurement: 1–5 → 0, 25, 50, 75, 100; a 1–10 scale as above. */
export function scaleIndex(value: number, type: 'scale5' | 'scale10'): number {
  return type === 'scale5' ? (value - 1) * 25 : ((value - 1) / 9) * 100;
}
