// The kolada module's API shapes (they go into the OpenAPI document). Kept free of other imports,
// so that the goals module's response schema can include them without an import cycle.
import { Type } from 'typebox';

export const ComparisonOut = Type.Object({
  municipality: Type.String({ description: 'Municipality code (0000 = the whole country) or group id (G…)' }),
  title: Type.String(),
  own: Type.Boolean({ description: 'The municipality itself (the others are compared with it)' }),
  values: Type.Array(Type.Object({ period: Type.Integer(), value: Type.Number() })),
});

export const RevisionOut = Type.Object({
  period: Type.Integer(),
  municipality: Type.String(),
  kpi: Type.String(),
  oldValue: Type.Union([Type.Null(), Type.Number()]),
  newValue: Type.Union([Type.Null(), Type.Number()]),
  detectedOn: Type.String({ format: 'date' }),
  text: Type.String({ description: 'Kolada har ändrat 2024 från 71 till 72, 2027-03-02' }),
  inClosedRound: Type.Boolean({ description: 'The year was reported in a follow-up round closed (approved) before Kolada changed it' }),
});

export const KoladaFactsOut = Type.Object({
  kpi: Type.String(),
  kpiTitle: Type.String(),
  kpiDescription: Type.String(),
  gender: Type.String(),
  municipalityCode: Type.Union([Type.Null(), Type.String()]),
  fetchedAt: Type.Union([Type.Null(), Type.String({ format: 'date-time' })]),
  sourceNote: Type.String(),
  revisions: Type.Array(RevisionOut),
});

/** What the goals module's indicator detail carries from this module. */
export const IndicatorKoladaOut = {
  comparisons: Type.Array(ComparisonOut),
  kolada: Type.Union([Type.Null(), KoladaFactsOut]),
};

export const KpiOut = Type.Object({ id: Type.String(), title: Type.String(), description: Type.String() });
