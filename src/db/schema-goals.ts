// Row types of the goals module's tables (migrations 0020_goals.sql, 0021_goals_work.sql).
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateText = ColumnType<string, string, string>;
/** numeric comes back as a number (type parser in database.ts). */
type Num = ColumnType<number, number | string, number | string>;

export type IndicatorLevel = 'KF' | 'board';
export type IndicatorDirection = 'higher' | 'lower' | 'interval';
export type ValueKind = 'outcome' | 'forecast' | 'target';
export type WorkStatus = 'not_started' | 'ongoing' | 'done' | 'delayed' | 'cancelled';
export type GoalKind = 'direction' | 'operational';
export type ItemKind = 'indicator_value' | 'goal_assessment' | 'assignment_status' | 'activity_progress';
export type ItemState = 'not_started' | 'started' | 'ready' | 'sent_back';
export type Verdict = 'met' | 'partly' | 'not_met';

export interface GoalSettingsTable {
  tenant_id: string;
  partly_rule: Generated<'tolerance' | 'strict'>;
  default_tolerance: ColumnType<number, number | undefined, number>;
}

export interface GoalPlansTable {
  id: Generated<string>;
  tenant_id: string;
  parent_plan_id: string | null;
  board_unit_id: string | null;
  title: string;
  first_year: number;
  last_year: number;
  decided_by: string | null;
  decision_date: DateText | null;
  registration_number: string | null;
  created_at: CreatedAt;
}

export interface GoalAreasTable {
  id: Generated<string>;
  tenant_id: string;
  plan_id: string;
  number: number;
  title: string;
  ambition: Generated<string>;
  in_practice: Generated<string>;
  position: Generated<number>;
}

export interface GoalsTable {
  id: Generated<string>;
  tenant_id: string;
  goal_area_id: string;
  kind: GoalKind;
  parent_goal_id: string | null;
  board_unit_id: string | null;
  number: string;
  title: string;
  text: Generated<string>;
  position: Generated<number>;
}

export interface GoalBoardTextsTable {
  id: Generated<string>;
  tenant_id: string;
  board_unit_id: string;
  year: number;
  goal_area_id: string | null;
  goal_id: string | null;
  text: string;
}

export interface IndicatorsTable {
  id: Generated<string>;
  tenant_id: string;
  code: string | null;
  title: string;
  level: IndicatorLevel;
  owner_unit_id: string;
  unit: string;
  decimals: Generated<number>;
  direction: IndicatorDirection;
  interval_min: Num | null;
  interval_max: Num | null;
  tolerance: Num | null;
  definition: Generated<string>;
  data_source: Generated<string>;
  source: ColumnType<unknown, string, string>;
  created_at: CreatedAt;
  updated_at: Stamp;
}

export interface IndicatorGoalsTable {
  tenant_id: string;
  indicator_id: string;
  goal_id: string;
}

export interface IndicatorValuesTable {
  id: Generated<string>;
  tenant_id: string;
  indicator_id: string;
  period: string;
  kind: ValueKind;
  value: Num | null;
  comment: string | null;
  imported: Generated<boolean>;
  changed_after_close: Generated<boolean>;
  entered_by_user_id: string | null;
  entered_by_label: string;
  entered_at: Stamp;
}

export interface IndicatorValueHistoryTable {
  id: Generated<string>;
  tenant_id: string;
  indicator_id: string;
  period: string;
  kind: ValueKind;
  value: Num | null;
  comment: string | null;
  imported: boolean;
  entered_by_label: string;
  entered_at: Date | string;
  replaced_by_label: string;
  replaced_at: CreatedAt;
}

export interface GoalAssessmentsTable {
  id: Generated<string>;
  tenant_id: string;
  goal_id: string;
  period: string;
  status: Verdict | null;
  analysis: Generated<string>;
  changed_after_close: Generated<boolean>;
  by_label: string;
  at: Stamp;
}

export interface GoalAssignmentsTable {
  id: Generated<string>;
  tenant_id: string;
  code: string | null;
  kind: 'assignment' | 'initiative';
  title: string;
  origin_body: Generated<string>;
  origin_decision_date: DateText | null;
  origin_registration_number: string | null;
  goal_id: string | null;
  responsible_unit_id: string;
  is_new: Generated<boolean>;
  end_date: DateText | null;
  decision_instance: Generated<string>;
  board_report_date: DateText | null;
  secretariat_date: DateText | null;
  description: Generated<string>;
  done_criteria: Generated<string>;
  status: Generated<WorkStatus>;
  created_at: CreatedAt;
  updated_at: Stamp;
}

export interface GoalAssignmentUpdatesTable {
  tenant_id: string;
  assignment_id: string;
  period: string;
  status: WorkStatus;
  comment: Generated<string>;
  changed_after_close: Generated<boolean>;
  by_label: string;
  at: Stamp;
}

export interface ActionPlansTable {
  id: Generated<string>;
  tenant_id: string;
  title: string;
  purpose: Generated<string>;
  responsible_unit_id: string;
  period_from: DateText;
  period_to: DateText;
  goals_text: Generated<string>;
  budget: ColumnType<unknown, string | undefined, string>;
  follow_up_interval: 'monthly' | 'tertial' | 'half_year' | 'yearly';
  created_at: CreatedAt;
}

export interface ActionPlanIndicatorsTable {
  tenant_id: string;
  action_plan_id: string;
  indicator_id: string;
}

export interface ActionPlanActivitiesTable {
  id: Generated<string>;
  tenant_id: string;
  action_plan_id: string;
  number: number;
  title: string;
  purpose: Generated<string>;
  steps: Generated<string>;
  start_date: DateText;
  end_date: DateText;
  responsible_unit_id: string;
  status: Generated<WorkStatus>;
}

export interface ActionPlanProgressTable {
  tenant_id: string;
  activity_id: string;
  period: string;
  status: WorkStatus;
  comment: Generated<string>;
  changed_after_close: Generated<boolean>;
  by_label: string;
  at: Stamp;
}

export interface FollowUpRoundsTable {
  id: Generated<string>;
  tenant_id: string;
  plan_id: string;
  title: string;
  period: string;
  deadline: DateText;
  reminder_working_days: Generated<number>;
  status: Generated<'open' | 'closed'>;
  opened_by_label: string;
  opened_at: CreatedAt;
  closed_at: Date | string | null;
}

export interface FollowUpItemsTable {
  id: Generated<string>;
  tenant_id: string;
  round_id: string;
  kind: ItemKind;
  ref_id: string;
  owner_unit_id: string;
  state: Generated<ItemState>;
  sent_back_comment: string | null;
  updated_by_label: string | null;
  updated_at: Date | string | null;
}

export interface FollowUpRemindersTable {
  tenant_id: string;
  round_id: string;
  owner_unit_id: string;
  kind: 'before_deadline' | 'overdue';
  recipients: Generated<number>;
  sent_at: CreatedAt;
}

export interface GoalTables {
  goal_settings: GoalSettingsTable;
  goal_plans: GoalPlansTable;
  goal_areas: GoalAreasTable;
  goals: GoalsTable;
  goal_board_texts: GoalBoardTextsTable;
  indicators: IndicatorsTable;
  indicator_goals: IndicatorGoalsTable;
  indicator_values: IndicatorValuesTable;
  indicator_value_history: IndicatorValueHistoryTable;
  goal_assessments: GoalAssessmentsTable;
  goal_assignments: GoalAssignmentsTable;
  goal_assignment_updates: GoalAssignmentUpdatesTable;
  action_plans: ActionPlansTable;
  action_plan_indicators: ActionPlanIndicatorsTable;
  action_plan_activities: ActionPlanActivitiesTable;
  action_plan_progress: ActionPlanProgressTable;
  follow_up_rounds: FollowUpRoundsTable;
  follow_up_items: FollowUpItemsTable;
  follow_up_reminders: FollowUpRemindersTable;
}
