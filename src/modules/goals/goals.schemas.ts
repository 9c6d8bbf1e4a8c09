// Input and output schemas of the goals API (TypeBox → validation, types and OpenAPI).
import { Type } from 'typebox';
import { CalendarDate, Text as FilledText } from '../../http/input.ts';
import { IndicatorKoladaOut } from '../kolada/kolada.schemas.ts';
import { PERIOD_PATTERN } from './periods.ts';

export const DATE = CalendarDate({ description: 'YYYY-MM-DD' });
export const PERIOD = Type.String({ pattern: PERIOD_PATTERN, description: '2025, 2025-D1 (Jan–Apr), 2025-D2 (Jan–Aug) or 2025-03' });
export const FOLLOW_UP_PERIOD = Type.String({ pattern: '^[0-9]{4}(-D[12])?$', description: '2025, 2025-D1 or 2025-D2' });
const Text = (max: number) =>
  Type.String({ maxLength: max, description: 'Plain text; paragraphs separated by blank lines, lists by "- "' });
const Title = (max = 200) => FilledText({ min: 1, max });
const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);

export const VALUE_KINDS = ['outcome', 'forecast', 'target'] as const;
export const DIRECTIONS = ['higher', 'lower', 'interval'] as const;
export const LEVELS = ['KF', 'board'] as const;
export const VERDICTS = ['met', 'partly', 'not_met'] as const;
export const ASSESSMENT_STATUSES = ['met', 'partly', 'not_met', 'no_data'] as const;
export const UNITS_OF_MEASURE = ['%', 'kr/inv', 'antal', 'arbetsdagar', 'index', 'kg CO2e'] as const;

export const IdParams = Type.Object({ id: Uuid });

export const ErrorOut = Type.Object({
  error: Type.String(),
  message: Type.String(),
  fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
});
export const ERRORS = { 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut };

// Plans, goal areas, goals

export const PlanInput = Type.Object(
  {
    title: Title(),
    firstYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
    lastYear: Type.Integer({ minimum: 2000, maximum: 2100 }),
    decidedBy: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    decisionDate: Type.Optional(Nullable(DATE)),
    registrationNumber: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
    parentPlanId: Type.Optional(Nullable(Uuid)),
    boardUnitId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);

/** A plan's own facts; which plan it lies under and which board it belongs to are fixed at creation. */
export const PlanPatch = Type.Partial(
  Type.Pick(PlanInput, ['title', 'firstYear', 'lastYear', 'decidedBy', 'decisionDate', 'registrationNumber']),
  {
    additionalProperties: false,
  },
);

export const PlanOut = Type.Object({
  id: Type.String(),
  title: Type.String(),
  firstYear: Type.Integer(),
  lastYear: Type.Integer(),
  decidedBy: Nullable(Type.String()),
  decisionDate: Nullable(Type.String()),
  registrationNumber: Nullable(Type.String()),
  parentPlanId: Nullable(Type.String()),
  boardUnitId: Nullable(Type.String()),
});

export const GoalAreaInput = Type.Object(
  {
    number: Type.Integer({ minimum: 1, maximum: 99 }),
    title: Title(),
    ambition: Type.Optional(Text(10000)),
    inPractice: Type.Optional(Text(10000)),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export const GoalAreaPatch = Type.Partial(GoalAreaInput, { additionalProperties: false });

export const BoardTextOut = Type.Object({ boardUnitId: Type.String(), year: Type.Integer(), text: Type.String() });

export const GoalAreaOut = Type.Object({
  id: Type.String(),
  planId: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  ambition: Type.String(),
  inPractice: Type.String(),
  position: Type.Integer(),
  boardTexts: Type.Array(BoardTextOut),
});

export const GoalInput = Type.Object(
  {
    number: Type.String({ pattern: '^[0-9]+(\\.[0-9]+){1,3}$', description: 'e.g. 1.1, or 1.1.2 for an operational goal' }),
    title: Title(300),
    text: Type.Optional(Text(10000)),
    kind: Type.Optional(Type.Union([Type.Literal('direction'), Type.Literal('operational')])),
    parentGoalId: Type.Optional(Nullable(Uuid)),
    boardUnitId: Type.Optional(Nullable(Uuid)),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export const GoalPatch = Type.Partial(Type.Pick(GoalInput, ['number', 'title', 'text', 'position']), { additionalProperties: false });

export const BoardTextInput = Type.Object(
  { boardUnitId: Uuid, year: Type.Integer({ minimum: 2000, maximum: 2100 }), text: Text(20000) },
  { additionalProperties: false },
);

export const GoalSummaryOut = Type.Object({
  period: Type.String(),
  status: Type.Enum(ASSESSMENT_STATUSES),
  reason: Type.String(),
  written: Nullable(
    Type.Object({
      status: Nullable(Type.String()),
      analysis: Type.String(),
      by: Type.String(),
      at: Type.String(),
      changedAfterClose: Type.Boolean(),
    }),
  ),
});

export const GoalOut = Type.Object({
  id: Type.String(),
  goalAreaId: Type.String(),
  kind: Type.String(),
  parentGoalId: Nullable(Type.String()),
  boardUnitId: Nullable(Type.String()),
  number: Type.String(),
  title: Type.String(),
  text: Type.String(),
  position: Type.Integer(),
  boardTexts: Type.Array(BoardTextOut),
  indicatorIds: Type.Array(Type.String()),
  assignmentIds: Type.Array(Type.String()),
});

export const GoalDetailOut = Type.Intersect([GoalOut, Type.Object({ summaries: Type.Array(GoalSummaryOut) })]);

export const AssessmentInput = Type.Object(
  { status: Nullable(Type.Enum(VERDICTS)), analysis: Text(20000) },
  { additionalProperties: false },
);

export const SettingsOut = Type.Object({
  partlyRule: Type.Union([Type.Literal('tolerance'), Type.Literal('strict')]),
  defaultTolerance: Type.Number({ minimum: 0, maximum: 1 }),
});
export const SettingsInput = Type.Object(SettingsOut.properties, { additionalProperties: false });

// Indicators

export const ValueInput = Type.Object(
  {
    period: PERIOD,
    kind: Type.Enum(VALUE_KINDS),
    // Bounded: no indicator of a municipality is a thousand billion of anything.
    value: Nullable(Type.Number({ minimum: -1e12, maximum: 1e12 })),
    comment: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    imported: Type.Optional(Type.Boolean({ description: 'History from before Insyn (quality or admin)' })),
  },
  { additionalProperties: false },
);
export const ValuesInput = Type.Array(ValueInput, { minItems: 1, maxItems: 500 });

export const ValueOut = Type.Object({
  period: Type.String(),
  kind: Type.String(),
  value: Nullable(Type.Number()),
  computed: Type.Boolean(),
  preliminary: Type.Boolean(),
  imported: Type.Boolean(),
  comment: Nullable(Type.String()),
  enteredBy: Nullable(Type.String()),
  enteredAt: Nullable(Type.String()),
  changedAfterClose: Type.Boolean(),
});

export const IndicatorAssessmentOut = Type.Object({
  period: Type.String(),
  status: Type.Enum(ASSESSMENT_STATUSES),
  reason: Type.String(),
});

export const IndicatorOut = Type.Object({
  id: Type.String(),
  code: Nullable(Type.String()),
  title: Type.String(),
  level: Type.String(),
  ownerUnitId: Type.String(),
  unit: Type.String(),
  decimals: Type.Integer(),
  direction: Type.String(),
  intervalMin: Nullable(Type.Number()),
  intervalMax: Nullable(Type.Number()),
  tolerance: Nullable(Type.Number()),
  definition: Type.String(),
  dataSource: Type.String(),
  source: Type.Record(Type.String(), Type.Unknown()),
  sourceText: Type.String(),
  computed: Type.Boolean(),
  goalIds: Type.Array(Type.String()),
});

export const IndicatorDetailOut = Type.Intersect([
  IndicatorOut,
  Type.Object({
    values: Type.Array(ValueOut),
    assessments: Type.Array(IndicatorAssessmentOut),
    history: Type.Array(
      Type.Object({
        period: Type.String(),
        kind: Type.String(),
        value: Nullable(Type.Number()),
        comment: Nullable(Type.String()),
        enteredBy: Type.String(),
        enteredAt: Type.String(),
        replacedBy: Type.String(),
        replacedAt: Type.String(),
      }),
    ),
    // Kolada (issue 11): comparison series and fetch facts; empty / null for other sources.
    ...IndicatorKoladaOut,
  }),
]);

const IndicatorFields = {
  code: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 60, description: 'Stable key for import/export, e.g. 2.1.3' }))),
  title: Title(300),
  level: Type.Enum(LEVELS),
  ownerUnitId: Uuid,
  unit: FilledText({ min: 1, max: 40, description: `${UNITS_OF_MEASURE.join(', ')} or free text` }),
  decimals: Type.Integer({ minimum: 0, maximum: 4 }),
  direction: Type.Enum(DIRECTIONS),
  intervalMin: Type.Optional(Nullable(Type.Number())),
  intervalMax: Type.Optional(Nullable(Type.Number())),
  tolerance: Type.Optional(
    Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'Share of the target; null = the tenant default' })),
  ),
  definition: Type.Optional(Type.String({ maxLength: 5000 })),
  dataSource: Type.Optional(Type.String({ maxLength: 2000 })),
  goalIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
};

/** Built when routes are registered, so every registered source kind is in the union. */
export function indicatorInputSchema(source: ReturnType<typeof Type.Union>) {
  return Type.Object({ ...IndicatorFields, source: Type.Optional(source) }, { additionalProperties: false });
}

export function indicatorPatchSchema(source: ReturnType<typeof Type.Union>) {
  return Type.Partial(indicatorInputSchema(source), { additionalProperties: false });
}
