-- The public portal "Kvalitet och resultat": per-tenant presentation settings (name shown,
-- logo, accent colour, licence of the open data, accessibility statement facts), cookie-less
-- page-view counts per page and day, and the search documents of the public site.
CREATE TABLE portal_settings (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  display_name text CHECK (length(display_name) BETWEEN 1 AND 200),
  accent_colour text CHECK (accent_colour ~ '^#[0-9a-f]{6}$'),
  licence text NOT NULL DEFAULT 'CC0-1.0' CHECK (licence IN ('CC0-1.0', 'CC-BY-4.0')),
  logo bytea CHECK (octet_length(logo) <= 204800),
  logo_type text CHECK (logo_type IN ('image/png', 'image/jpeg')),
  contact_email text CHECK (length(contact_email) BETWEEN 3 AND 254),
  feedback_category text CHECK (length(feedback_category) BETWEEN 2 AND 40),
  compliance text NOT NULL DEFAULT 'partial' CHECK (compliance IN ('full', 'partial', 'none')),
  known_issues text NOT NULL DEFAULT '' CHECK (length(known_issues) <= 5000),
  assessed_on date,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((logo IS NULL) = (logo_type IS NULL))
);

-- One row per tenant, page path and day. No IP address, user agent or cookie is stored; the
-- daily de-duplication happens in memory with a salt that is never written anywhere.
CREATE TABLE portal_page_views (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  path text NOT NULL CHECK (length(path) BETWEEN 1 AND 300),
  day date NOT NULL,
  views integer NOT NULL CHECK (views >= 0),
  visitors integer NOT NULL CHECK (visitors >= 0),
  PRIMARY KEY (tenant_id, day, path)
);
CREATE INDEX portal_page_views_path ON portal_page_views (tenant_id, path, day);

-- What the public search finds: one document per public page, rebuilt from the modules' read
-- models when their content changes (fingerprint), searched with the Swedish configuration.
CREATE TABLE portal_search_documents (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  path text NOT NULL,
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  document tsvector NOT NULL,
  PRIMARY KEY (tenant_id, path)
);
CREATE INDEX portal_search_documents_fts ON portal_search_documents USING gin (document);

CREATE TABLE portal_search_state (
  tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
  fingerprint text NOT NULL,
  built_at timestamptz NOT NULL DEFAULT now()
);
