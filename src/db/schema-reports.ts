// Row types of the reports module's table (migration 0030_reports.sql).
import type { ColumnType, Generated } from 'kysely';

export type ReportStatus = 'draft' | 'approved' | 'published';

export interface ReportsTable {
  id: Generated<string>;
  tenant_id: string;
  board_unit_id: string;
  period: string;
  version: number;
  status: Generated<ReportStatus>;
  introduction: Generated<string>;
  closing: Generated<string>;
  replaces_report_id: string | null;
  replace_reason: string | null;
  decision_date: ColumnType<string | null, string | null | undefined, string | null>;
  registration_number: string | null;
  approved_by_label: string | null;
  approved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The report's model as it was approved (JSON text in, parsed object out). */
  snapshot: ColumnType<unknown, string | null | undefined, string | null>;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_by_label: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface ReportTables {
  reports: ReportsTable;
}
