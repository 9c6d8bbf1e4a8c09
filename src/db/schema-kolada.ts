// Row types of the kolada module's tables (migration 0050_kolada.sql).
import type { ColumnType, Generated } from 'kysely';

type Stamp = ColumnType<Date, Date | string, Date | string>;
type NullableStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface KoladaValueTable {
  kpi: string;
  municipality: string;
  period: number;
  gender: 'T' | 'K' | 'M';
  value: number | null;
  status: string | null;
  fetched_at: Stamp;
  url: string;
}

export interface KoladaEntityTable {
  kind: 'kpi' | 'municipality' | 'group';
  id: string;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  members: ColumnType<string[], string[] | undefined, string[]>;
  fetched_at: Stamp;
  url: string;
}

export interface KoladaSearchTable {
  query: string;
  kpi_ids: string[];
  fetched_at: Stamp;
  url: string;
}

export interface KoladaRevisionTable {
  id: Generated<string>;
  kpi: string;
  municipality: string;
  period: number;
  gender: string;
  old_value: number | null;
  new_value: number | null;
  old_fetched_at: Stamp;
  detected_at: Stamp;
  url: string;
}

export interface KoladaRunTable {
  key: string;
  started_at: Stamp;
  finished_at: NullableStamp;
  error: string | null;
}

export interface KoladaTables {
  kolada_values: KoladaValueTable;
  kolada_entities: KoladaEntityTable;
  kolada_searches: KoladaSearchTable;
  kolada_revisions: KoladaRevisionTable;
  kolada_runs: KoladaRunTable;
}
