-- Contacts and cases: categories routed to units, cases with their deadlines, and the timeline
-- of every action on a case. Deadlines are local (Europe/Stockholm) dates computed with the
-- tenant's working-day calendar when the case is stored; they change only through an audited
-- 'deadline_changed' event.

-- A unit can override the tenant's number of working days to first feedback (nearest ancestor wins).
ALTER TABLE org_units ADD COLUMN first_response_days integer CHECK (first_response_days BETWEEN 0 AND 60);

CREATE TABLE categories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^[a-z0-9_-]{2,40}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  name_fi text CHECK (length(name_fi) BETWEEN 1 AND 200),
  name_en text CHECK (length(name_en) BETWEEN 1 AND 200),
  -- The unit that owns cases of this category.
  unit_id uuid NOT NULL,
  first_response_days integer CHECK (first_response_days BETWEEN 0 AND 60),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, code),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id)
);

-- Case numbers are allocated per tenant and year from this counter, updated in the transaction
-- that stores the case: the row lock serialises concurrent creates and a rollback returns the
-- number, so numbers have neither duplicates nor gaps.
CREATE TABLE case_counters (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  year integer NOT NULL CHECK (year BETWEEN 1900 AND 2200),
  last_number integer NOT NULL CHECK (last_number >= 0),
  PRIMARY KEY (tenant_id, year)
);

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  case_number text NOT NULL CHECK (case_number ~ '^[0-9]{4}-[0-9]{5,}$'),
  type text NOT NULL CHECK (type IN ('question', 'praise', 'complaint', 'suggestion', 'error_report')),
  channel text NOT NULL CHECK (channel IN ('web', 'email', 'phone', 'visit', 'letter', 'chat', 'social_media', 'self_service')),
  category_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  assignee_user_id uuid,
  language text NOT NULL DEFAULT 'sv' CHECK (language IN ('sv', 'fi', 'en')),
  subject text CHECK (length(subject) BETWEEN 1 AND 200),
  message text NOT NULL CHECK (length(message) BETWEEN 1 AND 10000),
  contact_name text CHECK (length(contact_name) BETWEEN 1 AND 200),
  contact_email text CHECK (length(contact_email) BETWEEN 3 AND 254),
  contact_phone text CHECK (length(contact_phone) BETWEEN 1 AND 40),
  received_at timestamptz NOT NULL,
  -- Local (Europe/Stockholm) date of received_at.
  received_date date NOT NULL,
  first_response_due date NOT NULL,
  first_response_at timestamptz,
  first_response_date date,
  next_feedback_due date,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'resolved')),
  resolved_at timestamptz,
  resolved_at_first_contact boolean NOT NULL DEFAULT false,
  referred_to text CHECK (length(referred_to) BETWEEN 1 AND 200),
  -- SHA-256 (hex) of the resident's private tracking token; the token itself is never stored.
  tracking_token_hash text NOT NULL UNIQUE,
  idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, case_number),
  FOREIGN KEY (tenant_id, category_id) REFERENCES categories (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id),
  FOREIGN KEY (tenant_id, assignee_user_id) REFERENCES users (tenant_id, id) ON DELETE SET NULL (assignee_user_id),
  CHECK (first_response_due >= received_date),
  CHECK ((first_response_at IS NULL) = (first_response_date IS NULL)),
  CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
);
CREATE UNIQUE INDEX cases_idempotency ON cases (tenant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX cases_inbox ON cases (tenant_id, unit_id, status, first_response_due);
CREATE INDEX cases_due ON cases (tenant_id, first_response_due);
CREATE INDEX cases_assignee ON cases (tenant_id, assignee_user_id, status) WHERE assignee_user_id IS NOT NULL;

CREATE TABLE case_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  case_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('received', 'first_response', 'next_feedback_promised', 'referred', 'resolved',
    'reopened', 'note', 'reassigned', 'deadline_changed', 'resident_message')),
  at timestamptz NOT NULL DEFAULT now(),
  -- Who acted; kept as id and label (not a foreign key) so the history survives a removed user.
  actor_user_id uuid,
  actor_label text NOT NULL,
  body text CHECK (length(body) <= 10000),
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  visible_to_resident boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE CASCADE,
  CHECK (NOT (kind = 'note' AND visible_to_resident))
);
CREATE INDEX case_events_case ON case_events (tenant_id, case_id, at);
