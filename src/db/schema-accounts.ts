import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Failed sign-ins per tenant and e-mail hash (migration 0009; the accounts module). */
export interface LoginFailureTable {
  tenant_id: string;
  account_key: string;
  failures: number;
  last_failed_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface AccountTables {
  login_failures: LoginFailureTable;
}
