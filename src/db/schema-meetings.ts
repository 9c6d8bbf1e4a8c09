// Row types of the meetings module's tables (migration 0004_meetings.sql).
import type { ColumnType, Generated } from 'kysely';

/** A PostgreSQL `date`, kept as 'YYYY-MM-DD' text by the type parsers in database.ts. */
type DateText = ColumnType<string, string, string>;

export interface MeetingTable {
  id: Generated<string>;
  tenant_id: string;
  board_unit_id: string;
  meeting_date: DateText;
  /** Local time of day, 'HH:MM:SS' as PostgreSQL returns `time`. */
  starts_at: string | null;
  title: string | null;
  registration_number: string | null;
  documents_published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  minutes_approved_date: ColumnType<string | null, string | null | undefined, string | null>;
  minutes_published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Generated<Date>;
}

export interface MeetingTables {
  meetings: MeetingTable;
}
