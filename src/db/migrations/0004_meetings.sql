-- Board meetings (sammanträden) and when their documents and minutes were published.
-- One meeting per board and day: an adjourned session continued the same day is the same
-- meeting, and the (board, date) pair is the natural key a secretary's yearly CSV uses, so a
-- re-import updates instead of duplicating.

CREATE TABLE meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  board_unit_id uuid NOT NULL,
  meeting_date date NOT NULL,
  -- Local (Europe/Stockholm) time of day the meeting starts, when known.
  starts_at time,
  title text CHECK (length(title) BETWEEN 1 AND 200),
  registration_number text CHECK (length(registration_number) BETWEEN 1 AND 60),
  -- When the meeting documents (handlingar) were published.
  documents_published_at timestamptz,
  -- Date the minutes were approved (justering).
  minutes_approved_date date,
  minutes_published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, board_unit_id, meeting_date),
  FOREIGN KEY (tenant_id, board_unit_id) REFERENCES org_units (tenant_id, id),
  CHECK (minutes_approved_date IS NULL OR minutes_approved_date >= meeting_date)
);
CREATE INDEX meetings_tenant_date ON meetings (tenant_id, meeting_date);
CREATE INDEX meetings_tenant_approved ON meetings (tenant_id, minutes_approved_date);
