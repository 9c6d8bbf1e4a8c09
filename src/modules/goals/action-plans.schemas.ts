// Input and output schemas of action plans (handlingsplaner) and their activities.
import { Type } from 'typebox';
import { Text } from '../../http/input.ts';
import { WORK_STATUSES } from './assignments.schemas.ts';
import { DATE } from './goals.schemas.ts';

export const INTERVALS = ['monthly', 'tertial', 'half_year', 'yearly'] as const;
export const INTERVAL_NAMES: Record<(typeof INTERVALS)[number], string> = {
  monthly: 'Varje månad',
  tertial: 'Varje tertial',
  half_year: 'Varje halvår',
  yearly: 'Varje år',
};

export const ActivityInput = Type.Object(
  {
    number: Type.Integer({ minimum: 1, maximum: 999 }),
    title: Text({ min: 1, max: 300 }),
    purpose: Type.Optional(Type.String({ maxLength: 5000 })),
    steps: Type.Optional(Type.String({ maxLength: 10000, description: 'Plain text; one step per line starting with "- "' })),
    startDate: DATE,
    endDate: DATE,
    responsibleUnitId: Type.String({ format: 'uuid' }),
    status: Type.Optional(Type.Enum(WORK_STATUSES)),
  },
  { additionalProperties: false },
);
export const ActivityPatch = Type.Partial(ActivityInput, { additionalProperties: false });

export const ActionPlanInput = Type.Object(
  {
    title: Text({ min: 1, max: 300 }),
    purpose: Type.Optional(Type.String({ maxLength: 10000 })),
    responsibleUnitId: Type.String({ format: 'uuid' }),
    periodFrom: DATE,
    periodTo: DATE,
    goalsText: Type.Optional(Type.String({ maxLength: 10000 })),
    indicatorIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50 })),
    budget: Type.Optional(
      Type.Record(Type.String({ pattern: '^[0-9]{4}$' }), Type.Integer({ minimum: 0, maximum: 10_000_000_000 }), {
        description: 'Kronor per year, e.g. {"2025": 450000}',
      }),
    ),
    followUpInterval: Type.Enum(INTERVALS),
    activities: Type.Optional(Type.Array(ActivityInput, { maxItems: 100 })),
  },
  { additionalProperties: false },
);

/** An action plan's own fields, without its activities: what the edit form and PUT replace. */
export const ActionPlanFields = Type.Omit(ActionPlanInput, ['activities'], { additionalProperties: false });

export const ProgressInput = Type.Object(
  { status: Type.Enum(WORK_STATUSES), comment: Type.Optional(Type.String({ maxLength: 5000 })) },
  { additionalProperties: false },
);

const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);

export const ActivityOut = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  title: Type.String(),
  purpose: Type.String(),
  steps: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
  responsibleUnitId: Type.String(),
  status: Type.String(),
  progress: Type.Array(
    Type.Object({
      period: Type.String(),
      status: Type.String(),
      comment: Type.String(),
      by: Type.String(),
      at: Type.String(),
      changedAfterClose: Type.Boolean(),
    }),
  ),
});

export const ActionPlanOut = Type.Object({
  id: Type.String(),
  title: Type.String(),
  purpose: Type.String(),
  responsibleUnitId: Type.String(),
  periodFrom: Type.String(),
  periodTo: Type.String(),
  goalsText: Type.String(),
  indicatorIds: Type.Array(Type.String()),
  budget: Type.Record(Type.String(), Type.Number()),
  followUpInterval: Type.String(),
  activities: Type.Array(ActivityOut),
  note: Type.Optional(N(Type.String())),
});
