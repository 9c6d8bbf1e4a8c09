import type { ColumnType, Generated } from 'kysely';

export interface MailOutboxTable {
  id: Generated<string>;
  tenant_id: string;
  to_address: string;
  subject: string;
  body: string;
  kind: string;
  ref_id: string | null;
  status: Generated<'pending' | 'sent' | 'failed' | 'held'>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface MailTables {
  mail_outbox: MailOutboxTable;
}
