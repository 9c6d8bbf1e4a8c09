// Row types of the satisfaction module's tables (migration 0040_satisfaction.sql).
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;

export interface SatisfactionSettingsTable {
  tenant_id: string;
  min_answers: Generated<number>;
  band_very_high: Generated<number>;
  band_high: Generated<number>;
  band_pass: Generated<number>;
  band_low: Generated<number>;
  after_contact_enabled: Generated<boolean>;
  after_contact_delay_hours: Generated<number>;
  import_mapping: Json<Record<string, string>>;
  updated_at: Generated<Date>;
}

export interface SatisfactionAreaTable {
  tenant_id: string;
  code: string;
  name: string;
}

export type InsiktPeriod = '' | 'H1' | 'H2' | 'Q1' | 'Q2' | 'Q3' | 'Q4';

export interface InsiktResultTable {
  id: Generated<string>;
  tenant_id: string;
  year: number;
  period: InsiktPeriod;
  area: string;
  n: number;
  response_rate: number | null;
  nki: number | null;
  information: number | null;
  tillganglighet: number | null;
  bemotande: number | null;
  kompetens: number | null;
  rattssakerhet: number | null;
  effektivitet: number | null;
  bemotande_question: number | null;
  source: 'import' | 'manual' | 'computed';
  generated: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface InsiktTargetTable {
  tenant_id: string;
  area: string;
  year: number;
  target: number;
}

export type SurveyQuestionType = 'scale5' | 'scale10' | 'choice' | 'text';

export interface SurveyTable {
  id: Generated<string>;
  tenant_id: string;
  title: string;
  title_fi: string | null;
  title_en: string | null;
  intro: Generated<string>;
  intro_fi: string | null;
  intro_en: string | null;
  open_token: string;
  open_link: Generated<boolean>;
  closed: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ChoiceOption {
  sv: string;
  fi?: string | null;
  en?: string | null;
}

export interface SurveyQuestionTable {
  id: Generated<string>;
  tenant_id: string;
  survey_id: string;
  position: number;
  type: SurveyQuestionType;
  text: string;
  text_fi: string | null;
  text_en: string | null;
  required: Generated<boolean>;
  options: Json<ChoiceOption[]>;
}

export interface SurveyInvitationTable {
  id: Generated<string>;
  tenant_id: string;
  survey_id: string;
  token_hash: string;
  answered_at: NullableTimestamp;
  created_at: CreatedAt;
}

export interface SurveyResponseTable {
  id: Generated<string>;
  tenant_id: string;
  survey_id: string;
  invitation_id: string | null;
  submitted_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface SurveyAnswerTable {
  tenant_id: string;
  response_id: string;
  question_id: string;
  value_int: number | null;
  value_text: string | null;
}

export interface AfterContactRequestTable {
  tenant_id: string;
  case_id: string;
  token_hash: string;
  email_hash: string;
  language: 'sv' | 'fi' | 'en';
  unit_id: string;
  category_id: string;
  channel: string;
  sent_at: ColumnType<Date, Date | string | undefined, never>;
  answered_at: NullableTimestamp;
  score: number | null;
  comment: string | null;
}

export interface AfterContactOptoutTable {
  tenant_id: string;
  email_hash: string;
  created_at: CreatedAt;
}

export interface SatisfactionTables {
  satisfaction_settings: SatisfactionSettingsTable;
  satisfaction_areas: SatisfactionAreaTable;
  insikt_results: InsiktResultTable;
  insikt_targets: InsiktTargetTable;
  surveys: SurveyTable;
  survey_questions: SurveyQuestionTable;
  survey_invitations: SurveyInvitationTable;
  survey_responses: SurveyResponseTable;
  survey_answers: SurveyAnswerTable;
  after_contact_requests: AfterContactRequestTable;
  after_contact_optouts: AfterContactOptoutTable;
}
