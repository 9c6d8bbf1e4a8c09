// Input and output schemas of the retention API (shared by the routes, the service and the staff forms).
import { Type } from 'typebox';
import { CalendarDate, Integer, Text } from '../../http/input.ts';
import { CASE_TYPES } from '../cases/cases.schemas.ts';

export const RETENTION_SCOPES = ['contact', 'contact_and_texts'] as const;

export const SCOPE_NAMES: Record<(typeof RETENTION_SCOPES)[number], string> = {
  contact: 'Kontaktuppgifter (namn, e-post, telefon, adress)',
  contact_and_texts: 'Kontaktuppgifter, meddelandet och svarens texter',
};

export const RuleInput = Type.Object(
  {
    caseType: Type.Optional(Type.Union([Type.Null(), Type.Enum(CASE_TYPES)], { description: 'Case type; absent or null = every type' })),
    categoryCode: Type.Optional(
      Type.Union([Type.Null(), Type.String({ pattern: '^[a-z0-9_-]{2,40}$' })], {
        description: 'Category code; absent or null = every category',
      }),
    ),
    monthsAfterClosure: Integer({ min: 1, max: 1200, description: 'Months after the case was closed' }),
    decisionReference: Text({
      min: 3,
      max: 500,
      description: 'The document management plan: name, decision date and registration number',
    }),
    scope: Type.Optional(Type.Enum(RETENTION_SCOPES, { description: 'What is cleared (default contact_and_texts)' })),
    effectiveFrom: Type.Optional(
      CalendarDate({ description: 'The rule takes effect on this local date (default today); before it, only previews' }),
    ),
  },
  { additionalProperties: false },
);

export const RULE_MESSAGES = {
  caseType: 'Välj en ärendetyp i listan, eller alla typer.',
  categoryCode: 'Välj en kategori i listan, eller alla kategorier.',
  monthsAfterClosure: 'Ange antal månader efter avslut som ett heltal mellan 1 och 1 200.',
  decisionReference: 'Ange beslutet: dokumenthanteringsplanens namn, beslutsdatum och diarienummer (3–500 tecken).',
  scope: 'Välj vad som gallras.',
  effectiveFrom: 'Ange datum då regeln börjar gälla som ÅÅÅÅ-MM-DD.',
};

export const PreviewInput = Type.Object(
  {
    date: Type.Optional(CalendarDate({ description: 'The day of the run to preview (default today, or the rule’s effective date)' })),
    ruleId: Type.Optional(Type.String({ format: 'uuid', description: 'Only the cases this rule would clear' })),
  },
  { additionalProperties: false },
);

export const PREVIEW_MESSAGES = {
  date: 'Ange datum som ÅÅÅÅ-MM-DD.',
  ruleId: 'Välj en regel i listan.',
};

const NullableString = Type.Union([Type.Null(), Type.String()]);

export const RuleOut = Type.Object({
  id: Type.String({ format: 'uuid' }),
  caseType: NullableString,
  categoryCode: NullableString,
  monthsAfterClosure: Type.Integer(),
  decisionReference: Type.String(),
  scope: Type.Enum(RETENTION_SCOPES),
  effectiveFrom: Type.String({ format: 'date' }),
  active: Type.Boolean(),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const PreviewOut = Type.Object({
  date: Type.String({ format: 'date' }),
  total: Type.Integer(),
  summary: Type.String({ description: 'e.g. "1 234 ärenden skulle gallras 2027-01-01"' }),
  byRule: Type.Array(Type.Object({ ruleId: Type.String(), decisionReference: Type.String(), cases: Type.Integer() })),
  cases: Type.Array(
    Type.Object({ id: Type.String(), caseNumber: Type.String(), resolvedDate: Type.String({ format: 'date' }), ruleId: Type.String() }),
    { description: 'The first 100 cases, oldest closure first' },
  ),
});

const RuleReportOut = Type.Object({
  cases: Type.Integer(),
  decisionReference: Type.String(),
  scope: Type.Enum(RETENTION_SCOPES),
  monthsAfterClosure: Type.Integer(),
});

export const RunOut = Type.Object({
  id: Type.String({ format: 'uuid' }),
  runDate: Type.String({ format: 'date' }),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.Null(), Type.String({ format: 'date-time' })]),
  startedBy: Type.String({ description: 'A user’s e-mail, or "job" for the nightly job' }),
  clearedCases: Type.Integer(),
  report: Type.Object({
    rules: Type.Record(Type.String(), RuleReportOut),
    mails: Type.Integer(),
    open311Requests: Type.Integer(),
    surveyComments: Type.Integer(),
  }),
  error: NullableString,
});
