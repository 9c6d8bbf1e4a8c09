// Row types of the open311 module's table (migration 0012_open311.sql), merged into Database.
import type { ColumnType, Generated } from 'kysely';

export interface Open311RequestTable {
  tenant_id: string;
  case_id: string;
  source: 'open311' | 'staff';
  description: string | null;
  latitude: number | null;
  longitude: number | null;
  address_string: string | null;
  address_id: string | null;
  media_url: string | null;
  attributes: ColumnType<Record<string, string | string[]>, string | undefined, string>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Generated<Date>;
}

declare module './schema.ts' {
  interface Database {
    open311_requests: Open311RequestTable;
  }
}
