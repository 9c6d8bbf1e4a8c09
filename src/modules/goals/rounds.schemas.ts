// Input and output schemas of follow-up rounds and their items.
import { Type } from 'typebox';
import { Text } from '../../http/input.ts';
import { DATE, FOLLOW_UP_PERIOD } from './goals.schemas.ts';

export const ITEM_KINDS = ['indicator_value', 'goal_assessment', 'assignment_status', 'activity_progress'] as const;
export const ITEM_STATES = ['not_started', 'started', 'ready', 'sent_back'] as const;
export const ITEM_STATE_NAMES: Record<(typeof ITEM_STATES)[number], string> = {
  not_started: 'Ej påbörjad',
  started: 'Påbörjad',
  ready: 'Klar',
  sent_back: 'Återskickad',
};
export const ITEM_STATE_SYMBOLS: Record<(typeof ITEM_STATES)[number], string> = {
  not_started: '○',
  started: '◔',
  ready: '✓',
  sent_back: '↩',
};
export const ITEM_KIND_NAMES: Record<(typeof ITEM_KINDS)[number], string> = {
  indicator_value: 'Indikator',
  goal_assessment: 'Målbedömning och analys',
  assignment_status: 'Uppdrag',
  activity_progress: 'Aktivitet i handlingsplan',
};

export const RoundInput = Type.Object(
  {
    planId: Type.String({ format: 'uuid' }),
    title: Text({ min: 1, max: 200, description: 'e.g. Delår 1 2026' }),
    period: FOLLOW_UP_PERIOD,
    deadline: DATE,
    reminderWorkingDays: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 30, description: 'Remind this many working days before the deadline' }),
    ),
  },
  { additionalProperties: false },
);

export const SendBackInput = Type.Object({ comment: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false });

export const RoundOut = Type.Object({
  id: Type.String(),
  planId: Type.String(),
  title: Type.String(),
  period: Type.String(),
  deadline: Type.String(),
  reminderWorkingDays: Type.Integer(),
  status: Type.String(),
  openedBy: Type.String(),
  closedAt: Type.Union([Type.Null(), Type.String()]),
});

export const ItemOut = Type.Object({
  id: Type.String(),
  roundId: Type.String(),
  kind: Type.String(),
  refId: Type.String(),
  ownerUnitId: Type.String(),
  ownerUnitName: Type.String(),
  title: Type.String(),
  state: Type.String(),
  sentBackComment: Type.Union([Type.Null(), Type.String()]),
  updatedBy: Type.Union([Type.Null(), Type.String()]),
  updatedAt: Type.Union([Type.Null(), Type.String()]),
});

export const BoardOut = Type.Object({
  round: RoundOut,
  units: Type.Array(
    Type.Object({
      unitId: Type.String(),
      unitName: Type.String(),
      ready: Type.Integer(),
      started: Type.Integer(),
      notStarted: Type.Integer(),
      sentBack: Type.Integer(),
      items: Type.Array(ItemOut),
    }),
  ),
});
