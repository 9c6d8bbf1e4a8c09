// Input and output schemas of assignments (uppdrag) and board initiatives (nämndinitiativ).
import { Type } from 'typebox';
import { Text } from '../../http/input.ts';
import { DATE, FOLLOW_UP_PERIOD } from './goals.schemas.ts';

export const WORK_STATUSES = ['not_started', 'ongoing', 'done', 'delayed', 'cancelled'] as const;
export const WORK_STATUS_NAMES: Record<(typeof WORK_STATUSES)[number], string> = {
  not_started: 'Ej påbörjat',
  ongoing: 'Pågår',
  done: 'Klart',
  delayed: 'Försenat',
  cancelled: 'Avbrutet',
};
/** Beside the words, so colour is never the only cue. */
export const WORK_STATUS_SYMBOLS: Record<(typeof WORK_STATUSES)[number], string> = {
  not_started: '○',
  ongoing: '◔',
  done: '✓',
  delayed: '!',
  cancelled: '✗',
};

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);

const Fields = {
  code: Type.Optional(N(Type.String({ minLength: 1, maxLength: 60, description: 'Stable key for import/export' }))),
  kind: Type.Union([Type.Literal('assignment'), Type.Literal('initiative')], {
    description: 'assignment (uppdrag) or initiative (nämndinitiativ)',
  }),
  title: Text({ min: 1, max: 500 }),
  originBody: Type.Optional(Type.String({ maxLength: 200, description: 'Which body gave it, e.g. Kommunfullmäktige' })),
  originDecisionDate: Type.Optional(N(DATE)),
  originRegistrationNumber: Type.Optional(N(Type.String({ maxLength: 60 }))),
  goalId: Type.Optional(N(Type.String({ format: 'uuid', description: 'The direction goal it serves' }))),
  responsibleUnitId: Type.String({ format: 'uuid' }),
  isNew: Type.Optional(Type.Boolean({ description: 'new (true) or remaining from an earlier plan (false)' })),
  endDate: Type.Optional(N(DATE)),
  decisionInstance: Type.Optional(Type.String({ maxLength: 200 })),
  boardReportDate: Type.Optional(N(DATE)),
  secretariatDate: Type.Optional(N(DATE)),
  description: Type.Optional(Type.String({ maxLength: 10000 })),
  doneCriteria: Type.Optional(Type.String({ maxLength: 5000, description: 'What must have happened for it to count as done' })),
  status: Type.Optional(Type.Enum(WORK_STATUSES)),
};

export const AssignmentInput = Type.Object(Fields, { additionalProperties: false });
export const AssignmentPatch = Type.Partial(AssignmentInput, { additionalProperties: false });

export const StatusReportInput = Type.Object(
  { status: Type.Enum(WORK_STATUSES), comment: Type.Optional(Type.String({ maxLength: 5000 })) },
  { additionalProperties: false },
);

export const UpdateOut = Type.Object({
  period: Type.String(),
  status: Type.String(),
  comment: Type.String(),
  by: Type.String(),
  at: Type.String(),
  changedAfterClose: Type.Boolean(),
});

export const AssignmentOut = Type.Object({
  id: Type.String(),
  code: N(Type.String()),
  kind: Type.String(),
  title: Type.String(),
  originBody: Type.String(),
  originDecisionDate: N(Type.String()),
  originRegistrationNumber: N(Type.String()),
  goalId: N(Type.String()),
  responsibleUnitId: Type.String(),
  isNew: Type.Boolean(),
  endDate: N(Type.String()),
  decisionInstance: Type.String(),
  boardReportDate: N(Type.String()),
  secretariatDate: N(Type.String()),
  description: Type.String(),
  doneCriteria: Type.String(),
  status: Type.String(),
  overdue: Type.Boolean(),
  updates: Type.Array(UpdateOut),
});

export const AssignmentQuery = Type.Object({
  unit: Type.Optional(Type.String({ format: 'uuid' })),
  status: Type.Optional(Type.Enum(WORK_STATUSES)),
  overdue: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Type.Union([Type.Literal('end_date'), Type.Literal('title')])),
});

export const PeriodParams = Type.Object({ id: Type.String({ format: 'uuid' }), period: FOLLOW_UP_PERIOD });
