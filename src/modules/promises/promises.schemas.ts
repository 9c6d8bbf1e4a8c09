// Input and output shapes of promises: one schema gives validation, types and the API document.
import { Type } from 'typebox';
import type { FieldError } from '../../http/errors.ts';
import { CalendarDate, Integer, Month, Text } from '../../http/input.ts';
import { isValidLocalDate } from '../calendar/calendar.ts';
import type { MetricDef } from './fulfilment.ts';

export const PROMISE_KINDS = ['guarantee', 'declaration', 'policy'] as const;
export const PROMISE_STATUSES = ['draft', 'decided', 'published', 'retired'] as const;
export const CASE_TYPES = ['question', 'praise', 'complaint', 'suggestion', 'error_report'] as const;
export const CASE_CHANNELS = ['web', 'email', 'phone', 'visit', 'letter', 'chat', 'social_media', 'self_service'] as const;

const DateText = CalendarDate({ description: 'YYYY-MM-DD' });
const Uuid = Type.String({ format: 'uuid' });

const CaseFilter = Type.Object(
  {
    categories: Type.Optional(Type.Array(Text({ min: 1, max: 40 }), { maxItems: 100 })),
    types: Type.Optional(Type.Array(Type.Enum(CASE_TYPES))),
    channels: Type.Optional(Type.Array(Type.Enum(CASE_CHANNELS))),
    unitId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

const WorkingDays = Type.Integer({ minimum: 0, maximum: 365 });

export const Metric = Type.Union([
  Type.Object(
    { type: Type.Literal('case_first_response'), workingDays: WorkingDays, filter: Type.Optional(CaseFilter) },
    { additionalProperties: false, description: 'Share of cases given first feedback within N working days of receipt' },
  ),
  Type.Object(
    { type: Type.Literal('case_resolution'), workingDays: WorkingDays, filter: Type.Optional(CaseFilter) },
    { additionalProperties: false, description: 'Share of cases resolved within N working days of receipt' },
  ),
  Type.Object(
    {
      type: Type.Literal('meeting_documents'),
      daysBefore: Type.Integer({ minimum: 0, maximum: 60 }),
      boardUnitIds: Type.Optional(Type.Array(Uuid)),
    },
    { additionalProperties: false, description: 'Share of meetings whose documents were published at least N days before' },
  ),
  Type.Object(
    { type: Type.Literal('meeting_minutes'), workingDays: WorkingDays, boardUnitIds: Type.Optional(Type.Array(Uuid)) },
    { additionalProperties: false, description: 'Share of minutes published within N working days after approval' },
  ),
  Type.Object(
    {
      type: Type.Literal('measured_series'),
      valueKind: Type.Optional(Type.Enum(['counts', 'share'] as const)),
      unit: Type.Optional(Text({ max: 100 })),
    },
    { additionalProperties: false, description: 'Values entered per month: numerator/denominator (counts) or a share 0–1' },
  ),
]);

const Translation = Type.Object(
  {
    title: Type.Optional(Text({ max: 200 })),
    text: Type.Optional(Text({ max: 5000 })),
    remedy: Type.Optional(Text({ max: 2000 })),
    counterRequirement: Type.Optional(Text({ max: 2000 })),
  },
  { additionalProperties: false },
);
export const Translations = Type.Object(
  { fi: Type.Optional(Translation), en: Type.Optional(Translation) },
  { additionalProperties: false },
);
export type Translations = Type.Static<typeof Translations>;

const TemplateFields = {
  title: Text({ min: 1, max: 200, description: 'Title in Swedish' }),
  text: Type.Optional(Text({ max: 5000, description: 'Public text in Swedish' })),
  kind: Type.Enum(PROMISE_KINDS),
  boardUnitId: Type.Optional(Type.Union([Uuid, Type.Null()], { description: 'Owning board; default: the nearest board above unitId' })),
  unitId: Uuid,
  promised: Type.Optional(Text({ max: 2000 })),
  metric: Type.Optional(Type.Union([Metric, Type.Null()])),
  measurementText: Type.Optional(Text({ max: 2000 })),
  target: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description: 'Share 0–1, e.g. 0.95' })),
  remedy: Type.Optional(Text({ max: 2000 })),
  counterRequirement: Type.Optional(Text({ max: 2000 })),
  validFrom: DateText,
  validTo: Type.Optional(Type.Union([DateText, Type.Null()])),
  translations: Type.Optional(Translations),
};

export const CreatePromiseInput = Type.Object(TemplateFields, { additionalProperties: false });
export type CreatePromiseInput = Type.Static<typeof CreatePromiseInput>;

export const Decision = Type.Object(
  {
    board: Text({ min: 1, max: 200, description: 'Deciding board: a unit id or a name' }),
    date: DateText,
    registrationNumber: Text({ min: 1, max: 60, description: 'Diarienummer, e.g. KS 2024/123' }),
  },
  { additionalProperties: false },
);
export type Decision = Type.Static<typeof Decision>;

export const PatchPromiseInput = Type.Object(
  {
    title: Type.Optional(TemplateFields.title),
    text: TemplateFields.text,
    kind: Type.Optional(TemplateFields.kind),
    boardUnitId: TemplateFields.boardUnitId,
    unitId: Type.Optional(Uuid),
    promised: TemplateFields.promised,
    metric: TemplateFields.metric,
    measurementText: TemplateFields.measurementText,
    target: TemplateFields.target,
    remedy: TemplateFields.remedy,
    counterRequirement: TemplateFields.counterRequirement,
    validFrom: Type.Optional(CalendarDate({ description: 'For a decided promise: the day the new version takes effect (default today)' })),
    validTo: TemplateFields.validTo,
    translations: TemplateFields.translations,
    decision: Type.Optional(Decision),
    expectedVersion: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'The version the change was made against; when the promise has a newer version the change is refused with 409',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PatchPromiseInput = Type.Static<typeof PatchPromiseInput>;

export const TransitionInput = Type.Object(
  {
    to: Type.Enum(['decided', 'published', 'retired'] as const),
    decision: Type.Optional(Decision),
    retiredOn: Type.Optional(CalendarDate({ description: 'Last day the promise applies (default today)' })),
    note: Type.Optional(Text({ max: 2000 })),
  },
  { additionalProperties: false },
);
export type TransitionInput = Type.Static<typeof TransitionInput>;

export const MeasurementInput = Type.Object(
  {
    period: Month(),
    numerator: Type.Optional(Integer({ min: 0, max: 1_000_000_000 })),
    denominator: Type.Optional(Integer({ min: 0, max: 1_000_000_000 })),
    value: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'A share 0–1, for share series' })),
    comment: Type.Optional(Text({ max: 2000 })),
  },
  { additionalProperties: false },
);
export type MeasurementInput = Type.Static<typeof MeasurementInput>;

export const ClaimInput = Type.Object(
  {
    claimedOn: DateText,
    description: Text({ min: 1, max: 2000 }),
    remedyGiven: Type.Optional(Text({ max: 2000 })),
    costSek: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000_000 })),
  },
  { additionalProperties: false },
);
export type ClaimInput = Type.Static<typeof ClaimInput>;

export const MESSAGES: Record<string, string> = {
  title: 'Ange en rubrik (1–200 tecken).',
  text: 'Den publika texten får ha högst 5 000 tecken.',
  kind: 'Välj typ av löfte: tjänstegaranti, servicedeklaration eller servicepolicy.',
  boardUnitId: 'Välj ansvarig nämnd.',
  unitId: 'Välj ansvarig enhet.',
  promised: 'Beskriv vad som utlovas (högst 2 000 tecken).',
  metric: 'Välj ett mätetal med giltiga parametrar.',
  'metric.type': 'Välj ett mätetal.',
  'metric.workingDays': 'Ange antal arbetsdagar som ett heltal (0–365).',
  'metric.daysBefore': 'Ange antal dagar före sammanträdet (0–60).',
  measurementText: 'Beskrivningen av mätningen får ha högst 2 000 tecken.',
  target: 'Ange målvärdet som en andel mellan 0 och 1 (t.ex. 0,95 för 95 %).',
  remedy: 'Konsekvensen får ha högst 2 000 tecken.',
  counterRequirement: 'Motkravet får ha högst 2 000 tecken.',
  validFrom: 'Ange från vilket datum löftet gäller (ÅÅÅÅ-MM-DD).',
  validTo: 'Ange till vilket datum löftet gäller (ÅÅÅÅ-MM-DD), eller lämna tomt.',
  translations: 'Översättningarna har fel form.',
  to: 'Välj en ny status: beslutad, publicerad eller avslutad.',
  'decision.board': 'Ange vilken nämnd som fattade beslutet.',
  'decision.date': 'Ange beslutsdatum (ÅÅÅÅ-MM-DD).',
  'decision.registrationNumber': 'Ange diarienummer (t.ex. KS 2024/123).',
  decision: 'Ange beslutet: nämnd, datum och diarienummer.',
  retiredOn: 'Ange sista giltighetsdag (ÅÅÅÅ-MM-DD).',
  period: 'Ange månaden som ÅÅÅÅ-MM.',
  numerator: 'Ange antal som klarade löftet (ett heltal, 0 eller mer).',
  denominator: 'Ange antal som mättes (ett heltal, 0 eller mer).',
  value: 'Ange värdet som en andel mellan 0 och 1.',
  comment: 'Kommentaren får ha högst 2 000 tecken.',
  claimedOn: 'Ange datum då garantin åberopades (ÅÅÅÅ-MM-DD).',
  description: 'Beskriv vad som hände (1–2 000 tecken).',
  remedyGiven: 'Beskriv kompensationen (högst 2 000 tecken).',
  costSek: 'Ange kostnaden i kronor (0 eller mer).',
};

/** Calendar checks the pattern cannot make: 2025-02-30 is not a date. */
export function dateErrors(values: Record<string, unknown>, fields: readonly string[]): FieldError[] {
  return fields
    .filter((f) => typeof values[f] === 'string' && !isValidLocalDate(values[f] as string))
    .map((f) => ({ field: f, message: MESSAGES[f] ?? `${f}: datumet finns inte.` }));
}

/** The metric as stored: defaults filled in. */
export function normalizeMetric(metric: Type.Static<typeof Metric>): MetricDef {
  if (metric.type === 'measured_series') return { ...metric, valueKind: metric.valueKind ?? 'counts' };
  return metric as MetricDef;
}

export const METRIC_NAMES: Record<MetricDef['type'], string> = {
  case_first_response: 'Första återkoppling inom N arbetsdagar (ärenden)',
  case_resolution: 'Ärendet avslutat inom N arbetsdagar (ärenden)',
  meeting_documents: 'Handlingar publicerade minst N dagar före sammanträdet',
  meeting_minutes: 'Protokoll publicerat senast N arbetsdagar efter justering',
  measured_series: 'Inmatade mätvärden per månad',
};

export const KIND_NAMES: Record<(typeof PROMISE_KINDS)[number], string> = {
  guarantee: 'Tjänstegaranti',
  declaration: 'Servicedeklaration',
  policy: 'Servicepolicy',
};

export const STATUS_NAMES: Record<(typeof PROMISE_STATUSES)[number], string> = {
  draft: 'Utkast',
  decided: 'Beslutad',
  published: 'Publicerad',
  retired: 'Avslutad',
};

// ---- output ----------------------------------------------------------------------------------

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const DecisionOut = Type.Object({
  board: Type.String(),
  boardUnitId: Nullable(Type.String()),
  date: Type.String(),
  registrationNumber: Type.String(),
});

export const VersionOut = Type.Object({
  version: Type.Integer(),
  title: Type.String(),
  text: Type.String(),
  translations: Type.Unknown(),
  boardUnitId: Type.String(),
  unitId: Type.String(),
  promised: Type.String(),
  metric: Type.Unknown({ description: 'The metric (type + parameters), or null' }),
  measurementText: Type.String(),
  target: Nullable(Type.Number()),
  remedy: Type.String(),
  counterRequirement: Type.String(),
  decision: Nullable(DecisionOut),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  decided: Type.Boolean(),
  createdAt: Type.String(),
  createdBy: Type.String(),
});

export const PromiseOut = Type.Object({
  id: Type.String(),
  kind: Type.Enum(PROMISE_KINDS),
  status: Type.Enum(PROMISE_STATUSES),
  retiredOn: Nullable(Type.String()),
  version: Type.Integer({ description: 'Number of the latest version' }),
  title: Type.String(),
  text: Type.String(),
  translations: Type.Unknown(),
  boardUnitId: Type.String(),
  unitId: Type.String(),
  promised: Type.String(),
  metric: Type.Unknown(),
  measurementText: Type.String(),
  target: Nullable(Type.Number()),
  remedy: Type.String(),
  counterRequirement: Type.String(),
  decision: Nullable(DecisionOut),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const EventOut = Type.Object({
  fromStatus: Nullable(Type.String()),
  toStatus: Type.String(),
  version: Type.Integer(),
  note: Nullable(Type.String()),
  by: Type.String(),
  at: Type.String(),
});

export const PromiseDetailOut = Type.Intersect([
  PromiseOut,
  Type.Object({ versions: Type.Array(VersionOut), events: Type.Array(EventOut) }),
]);

export const FulfilmentOut = Type.Object({
  from: Type.String(),
  to: Type.String(),
  measured: Type.Integer(),
  met: Type.Integer(),
  missed: Type.Integer(),
  openOverdue: Type.Integer(),
  ratio: Nullable(Type.Number()),
  target: Nullable(Type.Number()),
  status: Type.Enum(['met', 'not_met', 'too_few'] as const),
  versions: Type.Array(
    Type.Object({
      version: Type.Integer(),
      measured: Type.Integer(),
      met: Type.Integer(),
      missed: Type.Integer(),
      openOverdue: Type.Integer(),
      ratio: Nullable(Type.Number()),
      target: Type.Number(),
    }),
  ),
  claims: Type.Object({ count: Type.Integer(), costSek: Type.Number() }),
});

export const MeasurementOut = Type.Object({
  id: Type.String(),
  period: Type.String({ description: 'YYYY-MM' }),
  numerator: Nullable(Type.Integer()),
  denominator: Nullable(Type.Integer()),
  value: Nullable(Type.Number()),
  comment: Nullable(Type.String()),
  enteredBy: Type.String(),
  enteredAt: Type.String(),
});

export const ClaimOut = Type.Object({
  id: Type.String(),
  claimedOn: Type.String(),
  description: Type.String(),
  remedyGiven: Type.String(),
  costSek: Type.Number(),
  enteredBy: Type.String(),
  enteredAt: Type.String(),
});
