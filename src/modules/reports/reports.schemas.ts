// Input and output schemas of the reports API (they generate the OpenAPI document) and the
// Swedish messages for each field.
import { Type } from 'typebox';
import { CalendarDate, Text } from '../../http/input.ts';

export const REPORT_PERIOD = Type.String({
  pattern: '^[0-9]{4}(-D[12])?$',
  description: 'A year (2026) or an interim period (2026-D1, 2026-D2)',
});
const Uuid = Type.String({ format: 'uuid' });

export const ReportInput = Type.Object(
  {
    boardUnitId: Uuid,
    period: REPORT_PERIOD,
    introduction: Type.Optional(Text({ max: 20000, description: 'Plain text; paragraphs separated by blank lines' })),
    closing: Type.Optional(Text({ max: 20000, description: 'Plain text closing summary' })),
    reason: Type.Optional(Text({ min: 1, max: 2000, description: 'Why a new version replaces an approved one (required then)' })),
  },
  { additionalProperties: false },
);

export const TextsInput = Type.Object(
  {
    introduction: Text({ max: 20000 }),
    closing: Text({ max: 20000 }),
  },
  { additionalProperties: false },
);

export const ApproveInput = Type.Object(
  {
    decisionDate: CalendarDate({ description: "The board's decision date" }),
    registrationNumber: Text({ min: 1, max: 60, description: 'Diarienummer of the decision' }),
  },
  { additionalProperties: false },
);

export const MESSAGES = {
  boardUnitId: 'Välj nämnd.',
  period: 'Ange perioden som ett år (2026) eller ett delår (2026-D1, 2026-D2).',
  introduction: 'Inledningen får vara högst 20 000 tecken.',
  closing: 'Den sammanfattande analysen får vara högst 20 000 tecken.',
  reason: 'Ange varför den nya versionen ersätter den fastställda (högst 2 000 tecken).',
  decisionDate: 'Ange nämndens beslutsdatum som ÅÅÅÅ-MM-DD.',
  registrationNumber: 'Ange diarienumret (högst 60 tecken).',
};

export const ReportOut = Type.Object({
  id: Uuid,
  boardUnitId: Uuid,
  boardName: Type.String(),
  period: Type.String(),
  title: Type.String(),
  version: Type.Integer(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('approved'), Type.Literal('published')]),
  decisionDate: Type.Union([Type.String(), Type.Null()]),
  registrationNumber: Type.Union([Type.String(), Type.Null()]),
  replacesReportId: Type.Union([Uuid, Type.Null()]),
  replaceReason: Type.Union([Type.String(), Type.Null()]),
  replacedByReportId: Type.Union([Uuid, Type.Null()]),
  approvedAt: Type.Union([Type.String(), Type.Null()]),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

export const ErrorOut = Type.Object({
  error: Type.String(),
  message: Type.String(),
  fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
});
export const ERRORS = { 400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut };
