import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** bigint comes back as a string from both drivers. */
type Step = ColumnType<string, number | string, number | string>;

/** A user's TOTP second factor (migration 0092; the accounts module, totp.*.ts). */
export interface UserTotpTable {
  tenant_id: string;
  user_id: string;
  secret_enc: string;
  created_at: Generated<Date>;
  confirmed_at: Timestamp | null;
  last_step: Step | null;
}

/** Single-use recovery codes of the second factor: only their SHA-256. */
export interface TotpRecoveryCodeTable {
  tenant_id: string;
  user_id: string;
  code_hash: string;
  created_at: Generated<Date>;
  used_at: Timestamp | null;
}

export interface TotpTables {
  user_totp: UserTotpTable;
  totp_recovery_codes: TotpRecoveryCodeTable;
}
