-- Assignments and board initiatives, action plans with activities, and follow-up rounds.

CREATE TABLE goal_assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- Stable key for import and export.
  code text CHECK (length(code) BETWEEN 1 AND 60),
  kind text NOT NULL CHECK (kind IN ('assignment', 'initiative')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  origin_body text NOT NULL DEFAULT '' CHECK (length(origin_body) <= 200),
  origin_decision_date date,
  origin_registration_number text CHECK (length(origin_registration_number) <= 60),
  goal_id uuid,
  responsible_unit_id uuid NOT NULL,
  is_new boolean NOT NULL DEFAULT true,
  end_date date,
  decision_instance text NOT NULL DEFAULT '' CHECK (length(decision_instance) <= 200),
  board_report_date date,
  secretariat_date date,
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
  done_criteria text NOT NULL DEFAULT '' CHECK (length(done_criteria) <= 5000),
  status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'ongoing', 'done', 'delayed', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, goal_id) REFERENCES goals (tenant_id, id) ON DELETE SET NULL (goal_id),
  FOREIGN KEY (tenant_id, responsible_unit_id) REFERENCES org_units (tenant_id, id)
);
CREATE UNIQUE INDEX goal_assignments_code ON goal_assignments (tenant_id, code) WHERE code IS NOT NULL;
CREATE INDEX goal_assignments_unit ON goal_assignments (tenant_id, responsible_unit_id);

-- Status and comment of an assignment per follow-up period.
CREATE TABLE goal_assignment_updates (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  assignment_id uuid NOT NULL,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(-D[12])?$'),
  status text NOT NULL CHECK (status IN ('not_started', 'ongoing', 'done', 'delayed', 'cancelled')),
  comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 5000),
  changed_after_close boolean NOT NULL DEFAULT false,
  by_label text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (assignment_id, period),
  FOREIGN KEY (tenant_id, assignment_id) REFERENCES goal_assignments (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE action_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  purpose text NOT NULL DEFAULT '' CHECK (length(purpose) <= 10000),
  responsible_unit_id uuid NOT NULL,
  period_from date NOT NULL,
  period_to date NOT NULL,
  goals_text text NOT NULL DEFAULT '' CHECK (length(goals_text) <= 10000),
  -- {"2025": 450000, "2026": 450000}: kronor per year.
  budget jsonb NOT NULL DEFAULT '{}'::jsonb,
  follow_up_interval text NOT NULL CHECK (follow_up_interval IN ('monthly', 'tertial', 'half_year', 'yearly')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, title),
  CHECK (period_to >= period_from),
  FOREIGN KEY (tenant_id, responsible_unit_id) REFERENCES org_units (tenant_id, id)
);

CREATE TABLE action_plan_indicators (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  action_plan_id uuid NOT NULL,
  indicator_id uuid NOT NULL,
  PRIMARY KEY (action_plan_id, indicator_id),
  FOREIGN KEY (tenant_id, action_plan_id) REFERENCES action_plans (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, indicator_id) REFERENCES indicators (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE action_plan_activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  action_plan_id uuid NOT NULL,
  number integer NOT NULL CHECK (number BETWEEN 1 AND 999),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  purpose text NOT NULL DEFAULT '' CHECK (length(purpose) <= 5000),
  steps text NOT NULL DEFAULT '' CHECK (length(steps) <= 10000),
  start_date date NOT NULL,
  end_date date NOT NULL,
  responsible_unit_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'ongoing', 'done', 'delayed', 'cancelled')),
  UNIQUE (tenant_id, id),
  UNIQUE (action_plan_id, number),
  CHECK (end_date >= start_date),
  FOREIGN KEY (tenant_id, action_plan_id) REFERENCES action_plans (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, responsible_unit_id) REFERENCES org_units (tenant_id, id)
);

CREATE TABLE action_plan_progress (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  activity_id uuid NOT NULL,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(-D[12]|-(0[1-9]|1[0-2]))?$'),
  status text NOT NULL CHECK (status IN ('not_started', 'ongoing', 'done', 'delayed', 'cancelled')),
  comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 5000),
  changed_after_close boolean NOT NULL DEFAULT false,
  by_label text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (activity_id, period),
  FOREIGN KEY (tenant_id, activity_id) REFERENCES action_plan_activities (tenant_id, id) ON DELETE CASCADE
);

-- A follow-up round ("Delår 1 2026") for one period of a plan, with a deadline.
CREATE TABLE follow_up_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  plan_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(-D[12])?$'),
  deadline date NOT NULL,
  -- Reminder this many working days before the deadline.
  reminder_working_days integer NOT NULL DEFAULT 5 CHECK (reminder_working_days BETWEEN 0 AND 30),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  opened_by_label text NOT NULL,
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  UNIQUE (tenant_id, id),
  UNIQUE (plan_id, period),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES goal_plans (tenant_id, id) ON DELETE CASCADE
);

-- Every thing to report in a round, in its owner unit's "Att rapportera" list.
CREATE TABLE follow_up_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  round_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('indicator_value', 'goal_assessment', 'assignment_status', 'activity_progress')),
  ref_id uuid NOT NULL,
  owner_unit_id uuid NOT NULL,
  state text NOT NULL DEFAULT 'not_started' CHECK (state IN ('not_started', 'started', 'ready', 'sent_back')),
  sent_back_comment text CHECK (length(sent_back_comment) <= 2000),
  updated_by_label text,
  updated_at timestamptz,
  UNIQUE (tenant_id, id),
  UNIQUE (round_id, kind, ref_id),
  FOREIGN KEY (tenant_id, round_id) REFERENCES follow_up_rounds (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, owner_unit_id) REFERENCES org_units (tenant_id, id)
);
CREATE INDEX follow_up_items_owner ON follow_up_items (tenant_id, round_id, owner_unit_id);

-- A reminder of a round to a unit, claimed with INSERT … ON CONFLICT DO NOTHING in the transaction
-- that queues its e-mails: once each, even with several app instances.
CREATE TABLE follow_up_reminders (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  round_id uuid NOT NULL,
  owner_unit_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('before_deadline', 'overdue')),
  recipients integer NOT NULL DEFAULT 0,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (round_id, owner_unit_id, kind),
  FOREIGN KEY (tenant_id, round_id) REFERENCES follow_up_rounds (tenant_id, id) ON DELETE CASCADE
);
