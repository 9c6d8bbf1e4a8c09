-- Satisfaction: SKR Insikt NKI results per area and period, the tenant's own surveys with
-- invitations and answers, and the after-contact question sent once per resolved case.

-- One row per tenant once changed; absent = the defaults (7 answers, SKR's grade bands, 24 hours).
CREATE TABLE satisfaction_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  min_answers integer NOT NULL DEFAULT 7 CHECK (min_answers BETWEEN 1 AND 1000),
  -- Lowest rounded index of the grades mycket högt, högt, godkänt, lågt (below the last: mycket lågt).
  band_very_high integer NOT NULL DEFAULT 80,
  band_high integer NOT NULL DEFAULT 70,
  band_pass integer NOT NULL DEFAULT 62,
  band_low integer NOT NULL DEFAULT 50,
  after_contact_enabled boolean NOT NULL DEFAULT true,
  after_contact_delay_hours integer NOT NULL DEFAULT 24 CHECK (after_contact_delay_hours BETWEEN 0 AND 720),
  -- The column mapping chosen at the last Insikt import: field → column header.
  import_mapping jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (band_very_high > band_high AND band_high > band_pass AND band_pass > band_low AND band_low > 0 AND band_very_high <= 100)
);

-- Areas a tenant adds beyond SKR's (receptfria läkemedel, lantmäteri, …).
CREATE TABLE satisfaction_areas (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  PRIMARY KEY (tenant_id, code)
);

-- Insikt results: one row per tenant, year, period ('' = the whole year, H1/H2, Q1–Q4) and area.
-- Indices are 0–100; null = not measured. n below the tenant's minimum is stored but never shown.
CREATE TABLE insikt_results (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
  period text NOT NULL DEFAULT '' CHECK (period IN ('', 'H1', 'H2', 'Q1', 'Q2', 'Q3', 'Q4')),
  area text NOT NULL CHECK (area ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  n integer NOT NULL CHECK (n BETWEEN 0 AND 10000000),
  response_rate numeric CHECK (response_rate BETWEEN 0 AND 100),
  nki numeric CHECK (nki BETWEEN 0 AND 100),
  information numeric CHECK (information BETWEEN 0 AND 100),
  tillganglighet numeric CHECK (tillganglighet BETWEEN 0 AND 100),
  bemotande numeric CHECK (bemotande BETWEEN 0 AND 100),
  kompetens numeric CHECK (kompetens BETWEEN 0 AND 100),
  rattssakerhet numeric CHECK (rattssakerhet BETWEEN 0 AND 100),
  effektivitet numeric CHECK (effektivitet BETWEEN 0 AND 100),
  -- "Hur nöjd var du totalt sett med bemötandet?"
  bemotande_question numeric CHECK (bemotande_question BETWEEN 0 AND 100),
  source text NOT NULL CHECK (source IN ('import', 'manual', 'computed')),
  -- Demo data made up to look plausible, not SKR's figures.
  generated boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, year, period, area)
);

CREATE TABLE insikt_targets (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  area text NOT NULL CHECK (area ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
  target numeric NOT NULL CHECK (target BETWEEN 0 AND 100),
  PRIMARY KEY (tenant_id, area, year)
);

-- The tenant's own questionnaires.
CREATE TABLE surveys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  title_fi text CHECK (length(title_fi) BETWEEN 1 AND 200),
  title_en text CHECK (length(title_en) BETWEEN 1 AND 200),
  intro text NOT NULL DEFAULT '' CHECK (length(intro) <= 5000),
  intro_fi text CHECK (length(intro_fi) <= 5000),
  intro_en text CHECK (length(intro_en) <= 5000),
  -- The open link's token (public by design: anyone with the link may answer, once per visit).
  open_token text NOT NULL UNIQUE CHECK (length(open_token) BETWEEN 20 AND 100),
  open_link boolean NOT NULL DEFAULT true,
  closed boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id)
);

CREATE TABLE survey_questions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  position integer NOT NULL CHECK (position BETWEEN 1 AND 200),
  type text NOT NULL CHECK (type IN ('scale5', 'scale10', 'choice', 'text')),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  text_fi text CHECK (length(text_fi) BETWEEN 1 AND 1000),
  text_en text CHECK (length(text_en) BETWEEN 1 AND 1000),
  required boolean NOT NULL DEFAULT false,
  -- Single choice: [{"sv": "…", "fi": "…"?, "en": "…"?}, …]; the answer is the option's index.
  options jsonb NOT NULL DEFAULT '[]',
  UNIQUE (tenant_id, id),
  UNIQUE (survey_id, position),
  FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, id) ON DELETE CASCADE
);

-- One answer per invitation: only the token's SHA-256 is stored.
CREATE TABLE survey_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  answered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, id) ON DELETE CASCADE
);

-- A response knows its invitation only to make the second answer impossible (unique); results
-- never show which invitation answered what.
CREATE TABLE survey_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL,
  survey_id uuid NOT NULL,
  invitation_id uuid UNIQUE,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, survey_id) REFERENCES surveys (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, invitation_id) REFERENCES survey_invitations (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX survey_responses_survey ON survey_responses (tenant_id, survey_id);

CREATE TABLE survey_answers (
  tenant_id uuid NOT NULL,
  response_id uuid NOT NULL,
  question_id uuid NOT NULL,
  value_int integer CHECK (value_int BETWEEN 0 AND 200),
  value_text text CHECK (length(value_text) BETWEEN 1 AND 5000),
  PRIMARY KEY (response_id, question_id),
  CHECK ((value_int IS NULL) <> (value_text IS NULL)),
  FOREIGN KEY (tenant_id, response_id) REFERENCES survey_responses (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, question_id) REFERENCES survey_questions (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX survey_answers_question ON survey_answers (tenant_id, question_id);

-- The after-contact question: one row per case ever asked (the primary key makes it once per case,
-- also with several app instances). Unit, category and channel are copied at sending for results.
CREATE TABLE after_contact_requests (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  case_id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  -- SHA-256 of the lower-cased address, so that a "no" on this question stops later ones.
  email_hash text NOT NULL,
  language text NOT NULL CHECK (language IN ('sv', 'fi', 'en')),
  unit_id uuid NOT NULL,
  category_id uuid NOT NULL,
  channel text NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  score integer CHECK (score BETWEEN 1 AND 5),
  comment text CHECK (length(comment) BETWEEN 1 AND 2000),
  PRIMARY KEY (tenant_id, case_id),
  CHECK ((answered_at IS NULL) = (score IS NULL))
);
CREATE INDEX after_contact_answered ON after_contact_requests (tenant_id, answered_at) WHERE answered_at IS NOT NULL;

-- Residents who said no to satisfaction questions: the SHA-256 of the lower-cased e-mail address.
CREATE TABLE after_contact_optouts (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  email_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, email_hash)
);

-- The after-contact job's read of the cases module (cases.satisfaction-facing.ts): resolved cases
-- with an e-mail address in a time window, per tenant.
CREATE INDEX cases_resolved_with_email ON cases (tenant_id, resolved_at) WHERE contact_email IS NOT NULL AND status = 'resolved';
