// Row types of the cases module's tables (migration 0003_cases.sql).
import type { ColumnType, Generated } from 'kysely';

type DateText = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;

export type CaseType = 'question' | 'praise' | 'complaint' | 'suggestion' | 'error_report';
export type CaseChannel = 'web' | 'email' | 'phone' | 'visit' | 'letter' | 'chat' | 'social_media' | 'self_service';
export type CaseStatus = 'new' | 'in_progress' | 'resolved';
export type CaseLanguage = 'sv' | 'fi' | 'en';
export type CaseEventKind =
  | 'received'
  | 'first_response'
  | 'next_feedback_promised'
  | 'referred'
  | 'resolved'
  | 'reopened'
  | 'note'
  | 'reassigned'
  | 'deadline_changed'
  | 'resident_message';

// Migration 0003 adds a nullable override column to org_units.
declare module './schema.ts' {
  interface OrgUnitTable {
    first_response_days: ColumnType<number | null, number | null | undefined, number | null>;
  }
}

export interface CategoryTable {
  id: Generated<string>;
  tenant_id: string;
  code: string;
  name: string;
  name_fi: string | null;
  name_en: string | null;
  unit_id: string;
  first_response_days: number | null;
  active: Generated<boolean>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Generated<Date>;
}

export interface CaseCounterTable {
  tenant_id: string;
  year: number;
  last_number: number;
}

export interface CaseTable {
  id: Generated<string>;
  tenant_id: string;
  case_number: string;
  type: CaseType;
  channel: CaseChannel;
  category_id: string;
  unit_id: string;
  assignee_user_id: string | null;
  language: Generated<CaseLanguage>;
  subject: string | null;
  message: string;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  received_at: ColumnType<Date, Date | string, Date | string>;
  received_date: DateText;
  first_response_due: DateText;
  first_response_at: NullableTimestamp;
  first_response_date: NullableDate;
  next_feedback_due: NullableDate;
  status: Generated<CaseStatus>;
  resolved_at: NullableTimestamp;
  resolved_at_first_contact: Generated<boolean>;
  referred_to: string | null;
  tracking_token_hash: string;
  idempotency_key: string | null;
  /** Migration 0011: the resident's first message since staff last answered them. */
  resident_wrote_at: NullableTimestamp;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Generated<Date>;
}

export interface CaseEventTable {
  id: Generated<string>;
  tenant_id: string;
  case_id: string;
  kind: CaseEventKind;
  at: ColumnType<Date, Date | string | undefined, Date | string>;
  actor_user_id: string | null;
  actor_label: string;
  body: string | null;
  data: Json<Record<string, unknown>>;
  visible_to_resident: Generated<boolean>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

/** Migration 0007_response_templates.sql. */
export interface ResponseTemplateTable {
  id: Generated<string>;
  tenant_id: string;
  title: string;
  body: string;
  /** Null = offered for every category. */
  category_id: string | null;
  /** Migration 0011: the language of the text; offered on cases in that language. */
  language: Generated<CaseLanguage>;
  active: Generated<boolean>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Generated<Date>;
}

export interface CaseTables {
  categories: CategoryTable;
  case_counters: CaseCounterTable;
  cases: CaseTable;
  case_events: CaseEventTable;
  response_templates: ResponseTemplateTable;
}
