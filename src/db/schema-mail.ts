import type { ColumnType, Generated } from 'kysely';

export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'held';

export interface MailOutboxTable {
  id: Generated<string>;
  tenant_id: string;
  to_address: string;
  subject: string;
  body: string;
  kind: string;
  ref_id: string | null;
  status: Generated<MailStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** When a worker took the row for sending (migration 0006). */
  claimed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** A failed attempt is retried no earlier than this. */
  next_attempt_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type ReminderState = 'first_response_due_today' | 'first_response_overdue' | 'next_feedback_due_today' | 'next_feedback_overdue';

/** Reminders already sent to case officers (migration 0006; the reminders module). */
export interface ReminderSentTable {
  tenant_id: string;
  case_id: string;
  state: ReminderState;
  due_date: ColumnType<string, string, string>;
  recipients: Generated<number>;
  sent_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface MailTables {
  mail_outbox: MailOutboxTable;
  reminder_sent: ReminderSentTable;
}
