// Row types of the promises module's tables (migration 0005_promises.sql).
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type DateText = ColumnType<string, string, string>;

export type PromiseKind = 'guarantee' | 'declaration' | 'policy';
export type PromiseStatus = 'draft' | 'decided' | 'published' | 'retired';

export interface PromisesTable {
  id: Generated<string>;
  tenant_id: string;
  kind: PromiseKind;
  status: Generated<PromiseStatus>;
  retired_on: DateText | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface PromiseVersionsTable {
  id: Generated<string>;
  tenant_id: string;
  promise_id: string;
  version: number;
  title: string;
  public_text: Generated<string>;
  translations: ColumnType<unknown, string | undefined, string>;
  board_unit_id: string;
  unit_id: string;
  promised: Generated<string>;
  metric: ColumnType<unknown, string | null, string | null>;
  measurement_text: Generated<string>;
  target: number | null;
  remedy: Generated<string>;
  counter_requirement: Generated<string>;
  decision_board: string | null;
  decision_board_unit_id: string | null;
  decision_date: DateText | null;
  decision_registration_number: string | null;
  valid_from: DateText;
  valid_to: DateText | null;
  decided: Generated<boolean>;
  created_at: CreatedAt;
  created_by_user_id: string | null;
  created_by_label: string;
}

export interface PromiseEventsTable {
  id: Generated<string>;
  tenant_id: string;
  promise_id: string;
  from_status: PromiseStatus | null;
  to_status: PromiseStatus;
  version: number;
  note: string | null;
  actor_user_id: string | null;
  actor_label: string;
  /** Settable only so demo data can date its story (promises.seed.ts). */
  at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PromiseMeasurementsTable {
  id: Generated<string>;
  tenant_id: string;
  promise_id: string;
  period: DateText;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  comment: string | null;
  entered_by_user_id: string | null;
  entered_by_label: string;
  entered_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PromiseClaimsTable {
  id: Generated<string>;
  tenant_id: string;
  promise_id: string;
  claimed_on: DateText;
  description: string;
  remedy_given: Generated<string>;
  cost_sek: Generated<number>;
  entered_by_user_id: string | null;
  entered_by_label: string;
  entered_at: CreatedAt;
}

export interface PromiseSettingsTable {
  tenant_id: string;
  min_count: Generated<number>;
  updated_at: Generated<Date>;
}

export interface PromiseTables {
  promises: PromisesTable;
  promise_versions: PromiseVersionsTable;
  promise_events: PromiseEventsTable;
  promise_measurements: PromiseMeasurementsTable;
  promise_claims: PromiseClaimsTable;
  promise_settings: PromiseSettingsTable;
}
