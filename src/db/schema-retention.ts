// Row types of the retention module's tables and the cases columns of migration 0090_retention.sql.
import type { ColumnType, Generated } from 'kysely';
import type { CaseType } from './schema-cases.ts';

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;

export type RetentionScope = 'contact' | 'contact_and_texts';

// Migration 0090 adds the legal hold and the clearing marks to cases (owned by the cases module).
declare module './schema-cases.ts' {
  interface CaseTable {
    legal_hold_at: NullableStamp;
    legal_hold_reason: ColumnType<string | null, string | null | undefined, string | null>;
    legal_hold_by: ColumnType<string | null, string | null | undefined, string | null>;
    personal_data_cleared_at: NullableStamp;
    personal_data_cleared_scope: ColumnType<RetentionScope | null, RetentionScope | null | undefined, RetentionScope | null>;
    personal_data_cleared_rule_id: ColumnType<string | null, string | null | undefined, string | null>;
    personal_data_cleared_run_id: ColumnType<string | null, string | null | undefined, string | null>;
    personal_data_cleared_decision: ColumnType<string | null, string | null | undefined, string | null>;
  }
}

export interface RetentionRuleTable {
  id: Generated<string>;
  tenant_id: string;
  case_type: CaseType | null;
  category_code: string | null;
  months_after_closure: number;
  decision_reference: string;
  scope: Generated<RetentionScope>;
  effective_from: ColumnType<string, string, string>;
  active: Generated<boolean>;
  created_by: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Generated<Date>;
}

export interface RetentionRuleReport {
  cases: number;
  decisionReference: string;
  scope: RetentionScope;
  monthsAfterClosure: number;
}

/** A run's report: cases per rule, and what else was cleared with them. */
export interface RetentionReport {
  rules: Record<string, RetentionRuleReport>;
  mails: number;
  open311Requests: number;
  surveyComments: number;
}

export interface RetentionRunTable {
  id: Generated<string>;
  tenant_id: string;
  run_date: ColumnType<string, string, string>;
  started_at: Stamp;
  finished_at: NullableStamp;
  started_by: string;
  started_by_user_id: string | null;
  cleared_cases: Generated<number>;
  report: Json<RetentionReport>;
  error: string | null;
}

export interface RetentionJobDayTable {
  key: string;
  started_at: Stamp;
  finished_at: NullableStamp;
  error: string | null;
}

export interface RetentionTables {
  retention_rules: RetentionRuleTable;
  retention_runs: RetentionRunTable;
  retention_job_days: RetentionJobDayTable;
}

// The retention tables join the Database type here, so that schema.ts needs no edit.
declare module './schema.ts' {
  interface Database extends RetentionTables {}
}
