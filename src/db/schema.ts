// Row types of every table, as Kysely sees them. Keep in step with migrations/*.sql.
import type { ColumnType, Generated } from 'kysely';
import type { AccountTables } from './schema-accounts.ts';
import type { CaseTables } from './schema-cases.ts';
import type { GoalTables } from './schema-goals.ts';
import type { KoladaTables } from './schema-kolada.ts';
import type { MailTables } from './schema-mail.ts';
import type { MeetingTables } from './schema-meetings.ts';
import type { PortalTables } from './schema-portal.ts';
import type { PromiseTables } from './schema-promises.ts';
import type { ReportTables } from './schema-reports.ts';
import type { SatisfactionTables } from './schema-satisfaction.ts';
import type { TotpTables } from './schema-totp.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A PostgreSQL `date`, kept as 'YYYY-MM-DD' text by the type parsers in database.ts. */
type DateText = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export interface TenantTable {
  id: Generated<string>;
  slug: string;
  name: string;
  org_number: string | null;
  default_language: Generated<'sv' | 'fi' | 'en'>;
  time_zone: Generated<string>;
  first_response_days: Generated<number>;
  /** Kolada's four-digit municipality code (migration 0050). */
  municipality_code: Generated<string | null>;
  created_at: CreatedAt;
}

export type OrgUnitKind = 'council' | 'board' | 'administration' | 'department' | 'unit';

export interface OrgUnitTable {
  id: Generated<string>;
  tenant_id: string;
  parent_id: string | null;
  name: string;
  kind: OrgUnitKind;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface UserTable {
  id: Generated<string>;
  tenant_id: string;
  email: string;
  name: string;
  password_hash: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  last_login_at: Timestamp | null;
}

export type Role = 'admin' | 'quality' | 'officer' | 'agent' | 'secretary' | 'reader';

export interface RoleGrantTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  role: Role;
  unit_id: string | null;
  /** 'oidc': given by a sign-on role rule (migration 0060). */
  source: Generated<'manual' | 'oidc'>;
  created_at: CreatedAt;
}

export interface ApiTokenTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  expires_at: Timestamp | null;
  read_only: Generated<boolean>;
}

export interface SessionTable {
  sid: string;
  data: Json<Record<string, unknown>>;
  expires_at: Timestamp;
  tenant_id: string | null;
  user_id: string | null;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  user_agent: string | null;
}

export interface ClosedDayTable {
  tenant_id: string;
  date: DateText;
  name: string;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<string>;
  tenant_id: string | null;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity: string;
  entity_id: string | null;
  data: Json<Record<string, unknown>>;
  at: CreatedAt;
}

/** Every table; each module keeps its own row types in schema-<module>.ts. */
export interface Database
  extends AccountTables,
    TotpTables,
    MailTables,
    CaseTables,
    MeetingTables,
    PromiseTables,
    GoalTables,
    SatisfactionTables,
    KoladaTables,
    PortalTables,
    ReportTables {
  tenants: TenantTable;
  org_units: OrgUnitTable;
  users: UserTable;
  role_grants: RoleGrantTable;
  api_tokens: ApiTokenTable;
  sessions: SessionTable;
  closed_days: ClosedDayTable;
  audit_log: AuditLogTable;
}
