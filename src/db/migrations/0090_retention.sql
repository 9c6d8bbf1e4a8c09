-- Retention by decision (gallring): rules taken from the tenant's document management plan, the
-- runs that removed personal data from closed cases (each run's report kept), the marks on a case
-- (cleared when, by which rule and run; a legal hold that stops clearing) and the nightly job's
-- once-only key.

-- The cases module owns these columns; the retention module reaches them only through
-- cases.retention-facing.ts.
ALTER TABLE cases ADD COLUMN legal_hold_at timestamptz;
ALTER TABLE cases ADD COLUMN legal_hold_reason text CHECK (length(legal_hold_reason) BETWEEN 1 AND 1000);
ALTER TABLE cases ADD COLUMN legal_hold_by text;
ALTER TABLE cases ADD COLUMN personal_data_cleared_at timestamptz;
-- 'contact' = contact details only; 'contact_and_texts' = also the message and the timeline's texts.
ALTER TABLE cases ADD COLUMN personal_data_cleared_scope text CHECK (personal_data_cleared_scope IN ('contact', 'contact_and_texts'));
ALTER TABLE cases ADD COLUMN personal_data_cleared_rule_id uuid;
ALTER TABLE cases ADD COLUMN personal_data_cleared_run_id uuid;
-- The rule's decision reference as it read when the case was cleared (the rule may change later).
ALTER TABLE cases ADD COLUMN personal_data_cleared_decision text;
ALTER TABLE cases ADD CONSTRAINT cases_legal_hold_complete CHECK ((legal_hold_at IS NULL) = (legal_hold_reason IS NULL));
ALTER TABLE cases ADD CONSTRAINT cases_cleared_complete CHECK ((personal_data_cleared_at IS NULL) = (personal_data_cleared_scope IS NULL));
-- A run selects a tenant's closed cases by closure time.
CREATE INDEX cases_retention_due ON cases (tenant_id, resolved_at) WHERE status = 'resolved' AND legal_hold_at IS NULL;

CREATE TABLE retention_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- Both optional: the most specific rule matching a case wins (type and category > category > type > neither).
  case_type text CHECK (case_type IN ('question', 'praise', 'complaint', 'suggestion', 'error_report')),
  category_code text CHECK (category_code ~ '^[a-z0-9_-]{2,40}$'),
  months_after_closure integer NOT NULL CHECK (months_after_closure BETWEEN 1 AND 1200),
  -- "Dokumenthanteringsplan för kommunstyrelsen, beslutad 2025-03-12, dnr KS 2025/123".
  decision_reference text NOT NULL CHECK (length(decision_reference) BETWEEN 3 AND 500),
  scope text NOT NULL DEFAULT 'contact_and_texts' CHECK (scope IN ('contact', 'contact_and_texts')),
  -- Local (Europe/Stockholm) date from which runs apply the rule; before it, only previews do.
  effective_from date NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id)
);
-- One active rule per selector (NULLs compared as equal through coalesce).
CREATE UNIQUE INDEX retention_rules_selector ON retention_rules (tenant_id, coalesce(case_type, ''), coalesce(category_code, ''))
  WHERE active;

CREATE TABLE retention_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  -- The local date the run applied the rules for.
  run_date date NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  -- Who: a user's e-mail, or 'job' for the nightly background job.
  started_by text NOT NULL,
  started_by_user_id uuid,
  cleared_cases integer NOT NULL DEFAULT 0,
  -- {"<rule id>": {"cases": n, "decisionReference": "…", "scope": "…"}, …}
  report jsonb NOT NULL DEFAULT '{}'::jsonb,
  error text,
  UNIQUE (tenant_id, id)
);
CREATE INDEX retention_runs_tenant ON retention_runs (tenant_id, started_at DESC);

-- One row per nightly job (key 'nightly:YYYY-MM-DD'): the instance whose insert succeeds does the work.
CREATE TABLE retention_job_days (
  key text PRIMARY KEY,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  error text
);
