-- E-mail outbox: messages are written in the same transaction as the change that causes them
-- and delivered afterwards (SMTP when SMTP_URL is set; otherwise they stay here for admins).
CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  to_address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  -- What caused it, e.g. 'case_first_response', 'reminder_due_today'.
  kind text NOT NULL,
  ref_id uuid,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'held')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX mail_outbox_pending ON mail_outbox (status, created_at) WHERE status = 'pending';
CREATE INDEX mail_outbox_tenant ON mail_outbox (tenant_id, created_at DESC);
