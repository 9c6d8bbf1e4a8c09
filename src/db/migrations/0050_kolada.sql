-- Kolada (the municipalities' and regions' open KPI database): the tenant's municipality code, a
-- cache of what Kolada answered (with when and from which URL), the revisions Kolada made to
-- values we had already fetched, and the nightly refresh's once-only key.

-- The municipality's four-digit code in Kolada (and SCB), e.g. 0188 Norrtälje, 2580 Luleå.
ALTER TABLE tenants ADD COLUMN municipality_code text CHECK (municipality_code ~ '^[0-9]{4}$');

-- Kolada's data is public and the same for every tenant, so the cache is shared (no tenant_id):
-- one row per KPI, municipality (or 0000, the whole country), year and gender.
CREATE TABLE kolada_values (
  kpi text NOT NULL CHECK (kpi ~ '^[A-Z][0-9]{5}$'),
  municipality text NOT NULL CHECK (municipality ~ '^[0-9]{4}$'),
  period integer NOT NULL CHECK (period BETWEEN 1900 AND 2200),
  gender text NOT NULL CHECK (gender IN ('T', 'K', 'M')),
  value double precision,
  status text,
  fetched_at timestamptz NOT NULL,
  url text NOT NULL CHECK (length(url) BETWEEN 1 AND 4000),
  PRIMARY KEY (kpi, municipality, period, gender)
);

-- KPI metadata, municipalities and groups (a group's members are what its mean is taken over).
CREATE TABLE kolada_entities (
  kind text NOT NULL CHECK (kind IN ('kpi', 'municipality', 'group')),
  id text NOT NULL CHECK (length(id) BETWEEN 1 AND 20),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  members text[] NOT NULL DEFAULT '{}',
  fetched_at timestamptz NOT NULL,
  url text NOT NULL CHECK (length(url) BETWEEN 1 AND 4000),
  PRIMARY KEY (kind, id)
);

-- Title searches, so that typing the same words twice asks Kolada once a day.
CREATE TABLE kolada_searches (
  query text PRIMARY KEY CHECK (length(query) BETWEEN 1 AND 200),
  kpi_ids text[] NOT NULL,
  fetched_at timestamptz NOT NULL,
  url text NOT NULL
);

-- A value Kolada changed after we had fetched (and shown) it. Never overwritten: the list is what
-- the quality strategist goes through ("Kolada har ändrat 2024 från 71 till 72, 2027-03-02").
CREATE TABLE kolada_revisions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kpi text NOT NULL,
  municipality text NOT NULL,
  period integer NOT NULL,
  gender text NOT NULL,
  old_value double precision,
  new_value double precision,
  old_fetched_at timestamptz NOT NULL,
  detected_at timestamptz NOT NULL,
  url text NOT NULL
);
CREATE INDEX kolada_revisions_series ON kolada_revisions (kpi, municipality, gender, detected_at);

-- One row per nightly refresh (key 'nightly:YYYY-MM-DD'): the instance that inserts it does the work.
CREATE TABLE kolada_runs (
  key text PRIMARY KEY,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  error text
);
