-- Service promises (servicelöften: guarantees, declarations, policy promises). One template for
-- every promise. The promise row holds identity and status; what is promised, its metric and
-- target live in versions, so results are always computed against the version in force.

CREATE TABLE promises (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('guarantee', 'declaration', 'policy')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'decided', 'published', 'retired')),
  -- The last day the promise applies; set when it is retired.
  retired_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  CHECK ((status = 'retired') = (retired_on IS NOT NULL))
);
CREATE INDEX promises_tenant_status ON promises (tenant_id, status);

CREATE TABLE promise_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  promise_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  public_text text NOT NULL DEFAULT '' CHECK (length(public_text) <= 5000),
  -- Finnish and English texts: {"fi": {"title", "text", "remedy", "counterRequirement"}, "en": {…}}.
  translations jsonb NOT NULL DEFAULT '{}'::jsonb,
  board_unit_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  promised text NOT NULL DEFAULT '' CHECK (length(promised) <= 2000),
  -- {"type": "case_first_response", "workingDays": 2, "filter": {…}} etc.; NULL while a draft lacks it.
  metric jsonb,
  measurement_text text NOT NULL DEFAULT '' CHECK (length(measurement_text) <= 2000),
  target numeric CHECK (target >= 0 AND target <= 1),
  remedy text NOT NULL DEFAULT '' CHECK (length(remedy) <= 2000),
  counter_requirement text NOT NULL DEFAULT '' CHECK (length(counter_requirement) <= 2000),
  decision_board text CHECK (length(decision_board) BETWEEN 1 AND 200),
  decision_board_unit_id uuid,
  decision_date date,
  decision_registration_number text CHECK (length(decision_registration_number) BETWEEN 1 AND 60),
  valid_from date NOT NULL,
  valid_to date,
  -- True once the version applies: version 1 when the promise is decided, later versions at once.
  decided boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by_user_id uuid,
  created_by_label text NOT NULL,
  UNIQUE (tenant_id, id),
  UNIQUE (promise_id, version),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  FOREIGN KEY (tenant_id, promise_id) REFERENCES promises (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, board_unit_id) REFERENCES org_units (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_units (tenant_id, id),
  FOREIGN KEY (tenant_id, decision_board_unit_id) REFERENCES org_units (tenant_id, id)
);
CREATE INDEX promise_versions_promise ON promise_versions (tenant_id, promise_id, version);

-- Every status change: who, when, and the decision that came with it.
CREATE TABLE promise_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  promise_id uuid NOT NULL,
  from_status text,
  to_status text NOT NULL,
  version integer NOT NULL,
  note text CHECK (length(note) <= 2000),
  actor_user_id uuid,
  actor_label text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, promise_id) REFERENCES promises (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX promise_events_promise ON promise_events (tenant_id, promise_id, at);

-- Values of a measured series, one per promise and month.
CREATE TABLE promise_measurements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  promise_id uuid NOT NULL,
  -- First day of the month measured.
  period date NOT NULL CHECK (extract(day FROM period) = 1),
  numerator integer CHECK (numerator >= 0),
  denominator integer CHECK (denominator >= 0),
  value numeric CHECK (value >= 0 AND value <= 1),
  comment text CHECK (length(comment) <= 2000),
  entered_by_user_id uuid,
  entered_by_label text NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (promise_id, period),
  CHECK ((value IS NULL) = (numerator IS NOT NULL AND denominator IS NOT NULL)),
  CHECK (numerator IS NULL OR numerator <= denominator),
  FOREIGN KEY (tenant_id, promise_id) REFERENCES promises (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX promise_measurements_promise ON promise_measurements (tenant_id, promise_id, period);

-- Invoked guarantees: a resident claimed the remedy.
CREATE TABLE promise_claims (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  promise_id uuid NOT NULL,
  claimed_on date NOT NULL,
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  remedy_given text NOT NULL DEFAULT '' CHECK (length(remedy_given) <= 2000),
  cost_sek numeric NOT NULL DEFAULT 0 CHECK (cost_sek >= 0),
  entered_by_user_id uuid,
  entered_by_label text NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, promise_id) REFERENCES promises (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX promise_claims_promise ON promise_claims (tenant_id, promise_id, claimed_on);

-- Per-tenant settings of the promise results.
CREATE TABLE promise_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  -- Fewer measured cases than this in a period: status 'too_few'.
  min_count integer NOT NULL DEFAULT 5 CHECK (min_count BETWEEN 1 AND 1000),
  updated_at timestamptz NOT NULL DEFAULT now()
)
