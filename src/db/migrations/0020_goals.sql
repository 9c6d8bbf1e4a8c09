-- Goals and follow-up (styrmodell): plans, goal areas, direction and operational goals,
-- indicators with values per period and kind (history kept), assignments, action plans and
-- follow-up rounds. Every table carries tenant_id, and every reference is a composite
-- (tenant_id, id) foreign key so a cross-tenant reference is impossible in the database itself.

-- The tenant's rule for judging an outcome against its target.
CREATE TABLE goal_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  -- 'tolerance': not met but within the tolerance of the target is 'partly'; 'strict': no 'partly'.
  partly_rule text NOT NULL DEFAULT 'tolerance' CHECK (partly_rule IN ('tolerance', 'strict')),
  -- Share of the target, used when an indicator has no tolerance of its own.
  default_tolerance numeric NOT NULL DEFAULT 0.1 CHECK (default_tolerance >= 0 AND default_tolerance <= 1)
);

-- "Mål och budget 2025–2027" (council level, parent_plan_id NULL) or a board's verksamhetsplan under it.
CREATE TABLE goal_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  parent_plan_id uuid,
  board_unit_id uuid,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  first_year integer NOT NULL CHECK (first_year BETWEEN 2000 AND 2100),
  last_year integer NOT NULL CHECK (last_year BETWEEN 2000 AND 2100),
  decided_by text CHECK (length(decided_by) <= 200),
  decision_date date,
  registration_number text CHECK (length(registration_number) <= 60),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  CHECK (last_year >= first_year),
  CHECK ((parent_plan_id IS NULL) = (board_unit_id IS NULL)),
  FOREIGN KEY (tenant_id, parent_plan_id) REFERENCES goal_plans (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, board_unit_id) REFERENCES org_units (tenant_id, id)
);
CREATE UNIQUE INDEX goal_plans_title ON goal_plans (tenant_id, title);

CREATE TABLE goal_areas (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  plan_id uuid NOT NULL,
  number integer NOT NULL CHECK (number BETWEEN 1 AND 99),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  ambition text NOT NULL DEFAULT '' CHECK (length(ambition) <= 10000),
  in_practice text NOT NULL DEFAULT '' CHECK (length(in_practice) <= 10000),
  position integer NOT NULL DEFAULT 0,
  UNIQUE (tenant_id, id),
  UNIQUE (plan_id, number),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES goal_plans (tenant_id, id) ON DELETE CASCADE
);

-- Direction goals (inriktningsmål, council level) and a board's operational goals (verksamhetsmål)
-- under a direction goal.
CREATE TABLE goals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  goal_area_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('direction', 'operational')),
  parent_goal_id uuid,
  -- The board an operational goal belongs to.
  board_unit_id uuid,
  number text NOT NULL CHECK (number ~ '^[0-9]+(\.[0-9]+){1,3}$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  text text NOT NULL DEFAULT '' CHECK (length(text) <= 10000),
  position integer NOT NULL DEFAULT 0,
  UNIQUE (tenant_id, id),
  UNIQUE (goal_area_id, number),
  CHECK ((kind = 'direction') = (parent_goal_id IS NULL)),
  CHECK ((kind = 'operational') = (board_unit_id IS NOT NULL)),
  FOREIGN KEY (tenant_id, goal_area_id) REFERENCES goal_areas (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, parent_goal_id) REFERENCES goals (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, board_unit_id) REFERENCES org_units (tenant_id, id)
);

-- Per board and year: its contribution to a goal area, or its work within a direction goal.
CREATE TABLE goal_board_texts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  board_unit_id uuid NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  goal_area_id uuid,
  goal_id uuid,
  text text NOT NULL CHECK (length(text) <= 20000),
  CHECK ((goal_area_id IS NULL) <> (goal_id IS NULL)),
  FOREIGN KEY (tenant_id, board_unit_id) REFERENCES org_units (tenant_id, id),
  FOREIGN KEY (tenant_id, goal_area_id) REFERENCES goal_areas (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, goal_id) REFERENCES goals (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX goal_board_texts_area ON goal_board_texts (goal_area_id, board_unit_id, year) WHERE goal_area_id IS NOT NULL;
CREATE UNIQUE INDEX goal_board_texts_goal ON goal_board_texts (goal_id, board_unit_id, year) WHERE goal_id IS NOT NULL;

CREATE TABLE indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- Stable key for import and export (e.g. "2.1.3"); NULL for indicators made in the API without one.
  code text CHECK (length(code) BETWEEN 1 AND 60),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  level text NOT NULL CHECK (level IN ('KF', 'board')),
  owner_unit_id uuid NOT NULL,
  unit text NOT NULL CHECK (length(unit) BETWEEN 1 AND 40),
  decimals integer NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 4),
  direction text NOT NULL CHECK (direction IN ('higher', 'lower', 'interval')),
  interval_min numeric,
  interval_max numeric,
  -- Share of the target within which a miss counts as 'partly'; NULL = the tenant's default.
  tolerance numeric CHECK (tolerance >= 0 AND tolerance <= 1),
  definition text NOT NULL DEFAULT '' CHECK (length(definition) <= 5000),
  data_source text NOT NULL DEFAULT '' CHECK (length(data_source) <= 2000),
  -- {"type": "manual"} | {"type": "first_response_median", "unitId": …} | … (see goals/sources.ts).
  source jsonb NOT NULL DEFAULT '{"type": "manual"}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  CHECK ((direction = 'interval') = (interval_min IS NOT NULL AND interval_max IS NOT NULL)),
  CHECK (interval_max IS NULL OR interval_max >= interval_min),
  FOREIGN KEY (tenant_id, owner_unit_id) REFERENCES org_units (tenant_id, id)
);
CREATE UNIQUE INDEX indicators_code ON indicators (tenant_id, code) WHERE code IS NOT NULL;

CREATE TABLE indicator_goals (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  indicator_id uuid NOT NULL,
  goal_id uuid NOT NULL,
  PRIMARY KEY (indicator_id, goal_id),
  FOREIGN KEY (tenant_id, indicator_id) REFERENCES indicators (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, goal_id) REFERENCES goals (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX indicator_goals_goal ON indicator_goals (tenant_id, goal_id);

-- The current value per indicator, period and kind. For a computed source an outcome row holds
-- only an annotation (value NULL) or imported history from before Insyn had data.
CREATE TABLE indicator_values (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  indicator_id uuid NOT NULL,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(-D[12]|-(0[1-9]|1[0-2]))?$'),
  kind text NOT NULL CHECK (kind IN ('outcome', 'forecast', 'target')),
  value numeric,
  comment text CHECK (length(comment) <= 2000),
  imported boolean NOT NULL DEFAULT false,
  -- Changed after the follow-up round of its period was closed.
  changed_after_close boolean NOT NULL DEFAULT false,
  entered_by_user_id uuid,
  entered_by_label text NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (indicator_id, period, kind),
  FOREIGN KEY (tenant_id, indicator_id) REFERENCES indicators (tenant_id, id) ON DELETE CASCADE
);

-- Earlier values: a row is copied here when its value or comment is replaced.
CREATE TABLE indicator_value_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  indicator_id uuid NOT NULL,
  period text NOT NULL,
  kind text NOT NULL,
  value numeric,
  comment text,
  imported boolean NOT NULL,
  entered_by_label text NOT NULL,
  entered_at timestamptz NOT NULL,
  replaced_by_label text NOT NULL,
  replaced_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (tenant_id, indicator_id) REFERENCES indicators (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX indicator_value_history_indicator ON indicator_value_history (tenant_id, indicator_id, period, kind, replaced_at);

-- A direction goal's written assessment and analysis for a follow-up period.
CREATE TABLE goal_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  goal_id uuid NOT NULL,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(-D[12])?$'),
  status text CHECK (status IN ('met', 'partly', 'not_met')),
  analysis text NOT NULL DEFAULT '' CHECK (length(analysis) <= 20000),
  changed_after_close boolean NOT NULL DEFAULT false,
  by_label text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (goal_id, period),
  FOREIGN KEY (tenant_id, goal_id) REFERENCES goals (tenant_id, id) ON DELETE CASCADE
);
