// Insikt results: settings (minimum answers, grade bands), areas, results entered, imported or
// computed from raw answers, targets and trend. Writing is for quality or admin; reading for any
// role. A result with fewer answers than the tenant's minimum is never given out: every reader
// (API, pages, goals, the public summary) goes through present() below.
import { Type } from 'typebox';
import type { Db } from '../../db/database.ts';
import type { InsiktPeriod } from '../../db/schema-satisfaction.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { Integer, Text, Year } from '../../http/input.ts';
import { validate } from '../../http/validate.ts';
import type { Actor } from '../accounts/actor.ts';
import { requireAnyRole } from '../accounts/policy.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import * as repo from './insikt.repo.ts';
import {
  AREA_NAMES,
  BUILT_IN_AREAS,
  computeFromRaw,
  computeNki,
  FACTORS,
  type Grade,
  grade,
  MEASURES,
  type Measure,
  publishable,
  type RawRespondent,
  roundIndex,
} from './nki.ts';

export const WRITE_ROLES = ['quality', 'admin'] as const;
export const PERIODS: InsiktPeriod[] = ['', 'H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4'];
export const AREA_CODE = '^[a-z0-9][a-z0-9-]{1,39}$';

const audit = (actor: Actor, action: string, data: Record<string, unknown>) => ({
  tenantId: actor.tenantId,
  actorUserId: actor.userId,
  actorLabel: actor.label,
  action,
  entity: 'satisfaction',
  entityId: null,
  data,
});

// ---- settings ---------------------------------------------------------------------------------

export const getSettings = (db: Db, tenantId: string) => repo.findSettings(db, tenantId);

export const SettingsInput = Type.Object(
  {
    minAnswers: Type.Optional(Integer({ min: 1, max: 1000, description: 'Fewest answers a result needs to be shown (default 7)' })),
    bands: Type.Optional(
      Type.Object(
        {
          veryHigh: Integer({ min: 2, max: 100 }),
          high: Integer({ min: 2, max: 99 }),
          pass: Integer({ min: 2, max: 98 }),
          low: Integer({ min: 1, max: 97 }),
        },
        { additionalProperties: false, description: 'Lowest rounded index of each grade (mycket högt, högt, godkänt, lågt)' },
      ),
    ),
    afterContactEnabled: Type.Optional(Type.Boolean()),
    afterContactDelayHours: Type.Optional(Integer({ min: 0, max: 720, description: 'Hours after resolution the question is sent' })),
  },
  { additionalProperties: false },
);

export async function saveSettings(actor: Actor, input: unknown, { db }: { db: Db }): Promise<repo.Settings> {
  requireAnyRole(actor, WRITE_ROLES);
  const v = validate(SettingsInput, input, {
    minAnswers: 'Ange minsta antal svar som ett heltal 1–1000.',
    bands: 'Ange gränserna som heltal 1–100.',
    afterContactDelayHours: 'Ange fördröjningen i timmar, 0–720.',
  });
  if (v.bands && !(v.bands.veryHigh > v.bands.high && v.bands.high > v.bands.pass && v.bands.pass > v.bands.low)) {
    throw invalid([{ field: 'bands', message: 'Gränserna måste sjunka: mycket högt > högt > godkänt > lågt.' }]);
  }
  return db.transaction().execute(async (trx) => {
    const old = await repo.findSettings(trx, actor.tenantId, { lock: true });
    const next: repo.Settings = {
      ...old,
      minAnswers: v.minAnswers ?? old.minAnswers,
      bands: v.bands ?? old.bands,
      afterContactEnabled: v.afterContactEnabled ?? old.afterContactEnabled,
      afterContactDelayHours: v.afterContactDelayHours ?? old.afterContactDelayHours,
    };
    await repo.upsertSettings(trx, actor.tenantId, next);
    await recordAudit(trx, audit(actor, 'satisfaction.settings', { ...v }));
    return next;
  });
}

export async function rememberMapping(db: Db, tenantId: string, mapping: Record<string, string>): Promise<void> {
  const old = await repo.findSettings(db, tenantId, { lock: true });
  await repo.upsertSettings(db, tenantId, { ...old, importMapping: mapping });
}

// ---- areas ------------------------------------------------------------------------------------

export async function areaNames(db: Db, tenantId: string): Promise<Map<string, string>> {
  const names = new Map(Object.entries(AREA_NAMES));
  for (const a of await repo.listAreas(db, tenantId)) names.set(a.code, a.name);
  return names;
}

export const AreaInput = Type.Object(
  { code: Type.String({ pattern: AREA_CODE, description: 'a–z, 0–9 and -, 2–40 characters' }), name: Text({ min: 1, max: 200 }) },
  { additionalProperties: false },
);

export async function addArea(actor: Actor, input: unknown, { db }: { db: Db }) {
  requireAnyRole(actor, WRITE_ROLES);
  const v = validate(AreaInput, input, {
    code: 'Ange en kod med små bokstäver a–z, siffror och bindestreck (2–40 tecken).',
    name: 'Ange områdets namn (högst 200 tecken).',
  });
  if ((BUILT_IN_AREAS as readonly string[]).includes(v.code)) throw new AppError('conflict', 'Området finns redan.');
  return db.transaction().execute(async (trx) => {
    if (!(await repo.insertArea(trx, actor.tenantId, v.code, v.name.trim()))) throw new AppError('conflict', 'Området finns redan.');
    await recordAudit(trx, audit(actor, 'satisfaction.area_added', v));
    return { code: v.code, name: v.name.trim() };
  });
}

async function requireArea(db: Db, tenantId: string, area: string, field = 'area'): Promise<void> {
  if (!(await areaNames(db, tenantId)).has(area)) {
    throw invalid([
      { field, message: `Området "${area}" finns inte. Använd en av områdeskoderna (till exempel bygglov) eller lägg till området.` },
    ]);
  }
}

// ---- results ----------------------------------------------------------------------------------

export interface PresentedResult {
  year: number;
  period: InsiktPeriod;
  area: string;
  areaName: string;
  n: number;
  responseRate: number | null;
  /** false: fewer answers than the minimum — every index below is null ("för få svar"). */
  shown: boolean;
  nki: number | null;
  rounded: number | null;
  grade: Grade | null;
  factors: Record<(typeof FACTORS)[number], number | null>;
  bemotandeQuestion: number | null;
  /** Rounded NKI change against the same area's previous year (both shown), or null. */
  trend: number | null;
  target: number | null;
  source: string;
  generated: boolean;
}

function present(
  r: repo.ResultRow,
  settings: repo.Settings,
  names: Map<string, string>,
  previous: repo.ResultRow | undefined,
  target: number | null,
): PresentedResult {
  const ok = r.n >= settings.minAnswers;
  const value = (m: Measure) => (ok ? r[m] : null);
  const main = publishable(r.nki, r.n, settings.minAnswers, settings.bands);
  const prev = previous && previous.n >= settings.minAnswers && previous.nki !== null ? roundIndex(previous.nki) : null;
  return {
    year: r.year,
    period: r.period,
    area: r.area,
    areaName: names.get(r.area) ?? r.area,
    n: r.n,
    responseRate: r.responseRate,
    shown: ok,
    nki: main.value,
    rounded: main.rounded,
    grade: main.grade,
    factors: Object.fromEntries(FACTORS.map((f) => [f, value(f)])) as PresentedResult['factors'],
    bemotandeQuestion: value('bemotande_question'),
    trend: main.rounded !== null && prev !== null ? main.rounded - prev : null,
    target,
    source: r.source,
    generated: r.generated,
  };
}

/** Stored results (each hidden below the minimum), with trend against the previous year and target. */
export async function readResults(
  db: Db,
  tenantId: string,
  filter: { year?: number; area?: string; period?: InsiktPeriod; fromYear?: number },
): Promise<PresentedResult[]> {
  const [settings, names, rows, previousRows, targets] = await Promise.all([
    repo.findSettings(db, tenantId),
    areaNames(db, tenantId),
    repo.listResults(db, tenantId, filter),
    filter.year !== undefined ? repo.listResults(db, tenantId, { ...filter, year: filter.year - 1 }) : Promise.resolve([]),
    repo.listTargets(db, tenantId, filter.area),
  ]);
  const all = [...previousRows, ...rows];
  const key = (r: { year: number; period: string; area: string }) => `${r.year}|${r.period}|${r.area}`;
  const byKey = new Map(all.map((r) => [key(r), r]));
  const targetOf = new Map(targets.map((t) => [`${t.area}|${t.year}`, t.target]));
  return rows.map((r) =>
    present(r, settings, names, byKey.get(key({ ...r, year: r.year - 1 })), targetOf.get(`${r.area}|${r.year}`) ?? null),
  );
}

export async function listResults(actor: Actor, filter: { year?: number; area?: string }, { db }: { db: Db }) {
  return readResults(db, actor.tenantId, filter);
}

const Index = Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()]);
export const ResultInput = Type.Object(
  {
    year: Year(),
    period: Type.Optional(
      Type.Union(
        PERIODS.map((p) => Type.Literal(p)),
        { description: "'' = the whole year; H1, H2, Q1–Q4" },
      ),
    ),
    area: Type.String({ pattern: AREA_CODE }),
    n: Integer({ min: 0, max: 10_000_000, description: 'Number of answers' }),
    responseRate: Type.Optional(Index),
    nki: Type.Optional(Index),
    information: Type.Optional(Index),
    tillganglighet: Type.Optional(Index),
    bemotande: Type.Optional(Index),
    kompetens: Type.Optional(Index),
    rattssakerhet: Type.Optional(Index),
    effektivitet: Type.Optional(Index),
    bemotandeQuestion: Type.Optional(Index),
  },
  { additionalProperties: false },
);
export type ResultInput = Type.Static<typeof ResultInput>;

const RESULT_MESSAGES = {
  year: 'Ange året som fyra siffror, till exempel 2026.',
  period: 'Ange perioden som tom (helår), H1, H2 eller Q1–Q4.',
  area: 'Ange områdets kod, till exempel bygglov.',
  n: 'Ange antal svar som ett heltal 0 eller större.',
  responseRate: 'Ange svarsfrekvensen i procent, 0–100.',
};
for (const m of [...FACTORS, 'nki', 'bemotandeQuestion'])
  (RESULT_MESSAGES as Record<string, string>)[m] = 'Ange indexet som ett tal 0–100.';

export const toValues = (v: ResultInput): repo.ResultValues => ({
  year: v.year,
  period: v.period ?? '',
  area: v.area,
  n: v.n,
  responseRate: v.responseRate ?? null,
  nki: v.nki ?? null,
  information: v.information ?? null,
  tillganglighet: v.tillganglighet ?? null,
  bemotande: v.bemotande ?? null,
  kompetens: v.kompetens ?? null,
  rattssakerhet: v.rattssakerhet ?? null,
  effektivitet: v.effektivitet ?? null,
  bemotande_question: v.bemotandeQuestion ?? null,
});

/** Entered by hand (one result). */
export async function saveResult(actor: Actor, input: unknown, { db }: { db: Db }): Promise<PresentedResult> {
  requireAnyRole(actor, WRITE_ROLES);
  const v = validate(ResultInput, input, RESULT_MESSAGES);
  await requireArea(db, actor.tenantId, v.area);
  await db.transaction().execute(async (trx) => {
    await repo.upsertResults(trx, actor.tenantId, [toValues(v)], 'manual');
    await recordAudit(trx, audit(actor, 'insikt.result_saved', { year: v.year, area: v.area, period: v.period ?? '' }));
  });
  const [r] = await readResults(db, actor.tenantId, { year: v.year, area: v.area, period: v.period ?? '' });
  return r;
}

/** Stores many results at once (an import): all or nothing. */
export async function saveResults(db: Db, actor: Actor, rows: repo.ResultValues[], source: 'import' | 'computed', generated = false) {
  await repo.upsertResults(db, actor.tenantId, rows, source, generated);
  await recordAudit(db, audit(actor, `insikt.${source}`, { rows: rows.length }));
}

const NkiAnswer = Type.Union([Integer({ min: 1, max: 10 }), Type.Null()]);
export const AnswersInput = Type.Object(
  {
    year: Year(),
    period: Type.Optional(Type.Union(PERIODS.map((p) => Type.Literal(p)))),
    area: Type.String({ pattern: AREA_CODE }),
    answers: Type.Array(Type.Tuple([NkiAnswer, NkiAnswer, NkiAnswer]), {
      maxItems: 100_000,
      description: "Each respondent's three NKI answers (overall, expectations, ideal), 1–10 or null",
    }),
  },
  { additionalProperties: false },
);

/** POST …/insikt/answers: NKI computed from the three NKI answers and stored for the area and year. */
export async function computeFromAnswers(actor: Actor, input: unknown, { db }: { db: Db }) {
  requireAnyRole(actor, WRITE_ROLES);
  const v = validate(AnswersInput, input, {
    ...RESULT_MESSAGES,
    answers: 'Ange varje svarandes tre NKI-svar som heltal 1–10 eller null, till exempel [[8, 9, 7], [10, null, 9]].',
  });
  await requireArea(db, actor.tenantId, v.area);
  const r = computeNki(v.answers);
  const settings = await repo.findSettings(db, actor.tenantId);
  await db.transaction().execute(async (trx) => {
    const existing = (await repo.listResults(trx, actor.tenantId, { year: v.year, area: v.area, period: v.period ?? '' }))[0];
    await repo.upsertResults(
      trx,
      actor.tenantId,
      [{ ...emptyValues(v.year, v.period ?? '', v.area), ...(existing ?? {}), n: r.n, nki: r.nki }],
      'computed',
    );
    await recordAudit(trx, audit(actor, 'insikt.computed', { year: v.year, area: v.area, n: r.n }));
  });
  const shownValue = publishable(r.nki, r.n, settings.minAnswers, settings.bands);
  return { year: v.year, area: v.area, n: r.n, nki: shownValue.value, rounded: shownValue.rounded, grade: shownValue.grade };
}

export function emptyValues(year: number, period: InsiktPeriod, area: string): repo.ResultValues {
  const v = { year, period, area, n: 0, responseRate: null } as repo.ResultValues;
  for (const m of MEASURES) v[m] = null;
  return v;
}

const RawAnswer = Type.Union([Integer({ min: 1, max: 10 }), Type.Null()]);
export const RawInput = Type.Object(
  {
    year: Year(),
    respondents: Type.Array(
      Type.Object(
        {
          area: Type.String({ pattern: AREA_CODE }),
          nki: Type.Tuple([RawAnswer, RawAnswer, RawAnswer]),
          factors: Type.Optional(Type.Partial(Type.Object(Object.fromEntries(FACTORS.map((f) => [f, RawAnswer]))))),
          bemotandeQuestion: Type.Optional(RawAnswer),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100_000 },
    ),
  },
  { additionalProperties: false },
);

/** One row per respondent → every area's result and the total, stored for the year. */
export async function computeFromRawAnswers(actor: Actor, input: unknown, { db }: { db: Db }) {
  requireAnyRole(actor, WRITE_ROLES);
  const v = validate(RawInput, input, {
    year: RESULT_MESSAGES.year,
    respondents: 'Varje svarande behöver area och tre NKI-svar 1–10 eller null.',
  });
  const names = await areaNames(db, actor.tenantId);
  const unknown = v.respondents.findIndex((r) => !names.has(r.area) || r.area === 'total');
  if (unknown >= 0) throw invalid([{ field: `respondents.${unknown}.area`, message: `Rad ${unknown + 1}: området finns inte.` }]);
  const results = computeFromRaw(v.respondents as RawRespondent[]);
  const rows = results.map((r) => ({ ...r, year: v.year, period: '' as const, responseRate: null }));
  await db.transaction().execute((trx) => saveResults(trx, actor, rows, 'computed'));
  return readResults(db, actor.tenantId, { year: v.year });
}

// ---- targets ----------------------------------------------------------------------------------

export const TargetInput = Type.Object(
  { area: Type.String({ pattern: AREA_CODE }), year: Year(), target: Type.Number({ minimum: 0, maximum: 100 }) },
  { additionalProperties: false },
);

export async function saveTarget(actor: Actor, input: unknown, { db }: { db: Db }) {
  requireAnyRole(actor, WRITE_ROLES);
  const v = validate(TargetInput, input, { ...RESULT_MESSAGES, target: 'Ange målvärdet som ett index 0–100.' });
  await requireArea(db, actor.tenantId, v.area);
  await db.transaction().execute(async (trx) => {
    await repo.upsertTarget(trx, actor.tenantId, v);
    await recordAudit(trx, audit(actor, 'insikt.target', v));
  });
  return v;
}

export const listTargets = (db: Db, tenantId: string, area?: string) => repo.listTargets(db, tenantId, area);

/** For goals, the public summary: a measure of a stored result that may be shown, or null. */
export async function shownMeasure(db: Db, tenantId: string, q: { year: number; area: string; measure: Measure }): Promise<number | null> {
  const settings = await repo.findSettings(db, tenantId);
  const [r] = await repo.listResults(db, tenantId, { year: q.year, area: q.area, period: '' });
  if (!r || r.n < settings.minAnswers) return null;
  return r[q.measure];
}

/** The lowest shown value of a measure over the mandatory areas (all four must be shown). */
export async function lowestMandatory(db: Db, tenantId: string, year: number, measure: Measure): Promise<number | null> {
  const settings = await repo.findSettings(db, tenantId);
  const rows = await repo.listResults(db, tenantId, { year, period: '' });
  const values: number[] = [];
  for (const area of ['bygglov', 'miljo-och-halsoskydd', 'livsmedelskontroll', 'serveringstillstand']) {
    const r = rows.find((x) => x.area === area);
    const value = r && r.n >= settings.minAnswers ? r[measure] : null;
    if (value === null || value === undefined) return null;
    values.push(value);
  }
  return Math.min(...values);
}

export { grade };
