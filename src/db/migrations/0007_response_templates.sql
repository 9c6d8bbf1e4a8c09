-- Response templates: ready-made answers case officers start from. A template belongs to one
-- category, or to every category when category_id is null. Deactivated templates are kept (the
-- audit log refers to them) but no longer offered on the case page.
CREATE TABLE response_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  category_id uuid,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, category_id) REFERENCES categories (tenant_id, id)
);

CREATE INDEX response_templates_tenant_category ON response_templates (tenant_id, category_id);
