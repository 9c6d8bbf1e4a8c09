// Row types of the portal module's tables (migration 0070_portal.sql), merged into Database.
import type { ColumnType } from 'kysely';

type DateText = ColumnType<string, string, string>;

export interface PortalSettingsTable {
  tenant_id: string;
  display_name: string | null;
  accent_colour: string | null;
  licence: ColumnType<'CC0-1.0' | 'CC-BY-4.0', 'CC0-1.0' | 'CC-BY-4.0' | undefined, 'CC0-1.0' | 'CC-BY-4.0'>;
  logo: Buffer | null;
  logo_type: 'image/png' | 'image/jpeg' | null;
  contact_email: string | null;
  feedback_category: string | null;
  compliance: ColumnType<'full' | 'partial' | 'none', 'full' | 'partial' | 'none' | undefined, 'full' | 'partial' | 'none'>;
  known_issues: ColumnType<string, string | undefined, string>;
  assessed_on: DateText | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PortalPageViewsTable {
  tenant_id: string;
  path: string;
  day: DateText;
  views: number;
  visitors: number;
}

export interface PortalSearchDocumentsTable {
  tenant_id: string;
  path: string;
  kind: string;
  title: string;
  body: string;
  document: ColumnType<string, string, string>;
}

export interface PortalSearchStateTable {
  tenant_id: string;
  fingerprint: string;
  built_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** migration 0093: the public site's data version per tenant, bumped by triggers at commit. */
export interface PortalDataVersionsTable {
  tenant_id: string;
  version: ColumnType<string, string | number, string | number>;
}

export interface PortalTables {
  portal_settings: PortalSettingsTable;
  portal_page_views: PortalPageViewsTable;
  portal_search_documents: PortalSearchDocumentsTable;
  portal_search_state: PortalSearchStateTable;
  portal_data_versions: PortalDataVersionsTable;
}
