-- Reports (delårsrapport 1 and 2, verksamhetsberättelse) of a board for a period. A draft is
-- generated from the live data; approval stores the model it showed (snapshot) with the board's
-- decision date and registration number; a later version of the same board and period says which
-- one it replaces and why.

CREATE TABLE reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  board_unit_id uuid NOT NULL,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(-D[12])?$'),
  version integer NOT NULL CHECK (version >= 1),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'published')),
  introduction text NOT NULL DEFAULT '' CHECK (length(introduction) <= 20000),
  closing text NOT NULL DEFAULT '' CHECK (length(closing) <= 20000),
  replaces_report_id uuid,
  replace_reason text CHECK (length(replace_reason) <= 2000),
  decision_date date,
  registration_number text CHECK (length(registration_number) <= 60),
  approved_by_label text,
  approved_at timestamptz,
  snapshot jsonb,
  published_at timestamptz,
  created_by_label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, board_unit_id, period, version),
  FOREIGN KEY (tenant_id, board_unit_id) REFERENCES org_units (tenant_id, id),
  FOREIGN KEY (tenant_id, replaces_report_id) REFERENCES reports (tenant_id, id),
  CHECK (status = 'draft' OR (snapshot IS NOT NULL AND decision_date IS NOT NULL AND registration_number IS NOT NULL)),
  CHECK (replaces_report_id IS NULL OR replace_reason IS NOT NULL)
);
CREATE INDEX reports_published ON reports (tenant_id, published_at) WHERE status = 'published';
