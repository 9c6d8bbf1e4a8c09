-- Mail delivery: a worker claims pending outbox rows ('sending'), sends them over SMTP and
-- marks them 'sent', or puts them back to 'pending' with a later next_attempt_at, or 'failed'
-- after the last attempt. claimed_at lets a crashed worker's claims be taken over.
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_status_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_status_check
  CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'held'));
ALTER TABLE mail_outbox ADD COLUMN claimed_at timestamptz;
ALTER TABLE mail_outbox ADD COLUMN next_attempt_at timestamptz;
CREATE INDEX mail_outbox_sending ON mail_outbox (claimed_at) WHERE status = 'sending';

-- Reminders to case officers: one row per case, state and deadline, claimed with
-- INSERT … ON CONFLICT DO NOTHING in the transaction that queues the e-mail, so a reminder goes
-- out once even when several app instances run the job at the same time.
CREATE TABLE reminder_sent (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  case_id uuid NOT NULL,
  state text NOT NULL CHECK (state IN ('first_response_due_today', 'first_response_overdue', 'next_feedback_due_today', 'next_feedback_overdue')),
  -- The deadline the reminder was about: a changed deadline earns a new reminder.
  due_date date NOT NULL,
  recipients integer NOT NULL DEFAULT 0,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, case_id, state, due_date),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE CASCADE
);
