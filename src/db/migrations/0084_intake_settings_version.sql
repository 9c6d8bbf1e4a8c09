-- What a case's creation reads about its municipality (the tenant row, its categories, its units'
-- first-feedback days, its closed days) changes seldom and is kept in each app process between
-- requests. Every change of those rows bumps the tenant's version here, by trigger, so that no
-- write path can forget it; a create checks the version it computed with in the same round trip
-- as it takes its case number, and reloads on a mismatch (src/modules/cases/intake-settings.ts).
-- No foreign key: the row of a tenant being deleted may be bumped by the cascade of its children.
CREATE TABLE intake_settings_versions (
  tenant_id uuid PRIMARY KEY,
  version bigint NOT NULL
);

CREATE FUNCTION intake_settings_bump_tenant(t uuid) RETURNS void LANGUAGE sql AS $$
  INSERT INTO intake_settings_versions AS v (tenant_id, version) VALUES (t, 1)
    ON CONFLICT (tenant_id) DO UPDATE SET version = v.version + 1;
$$;

-- On tenants itself (its id).
CREATE FUNCTION intake_settings_bump_own() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM intake_settings_bump_tenant(OLD.id);
  ELSE
    PERFORM intake_settings_bump_tenant(NEW.id);
  END IF;
  RETURN NULL;
END;
$$;

-- On a tenant-owned table (its tenant_id; both tenants if a row moved).
CREATE FUNCTION intake_settings_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM intake_settings_bump_tenant(NEW.tenant_id);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM intake_settings_bump_tenant(OLD.tenant_id);
  ELSE
    PERFORM intake_settings_bump_tenant(NEW.tenant_id);
    IF OLD.tenant_id IS DISTINCT FROM NEW.tenant_id THEN
      PERFORM intake_settings_bump_tenant(OLD.tenant_id);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER tenants_intake_settings AFTER INSERT OR UPDATE OR DELETE ON tenants
  FOR EACH ROW EXECUTE FUNCTION intake_settings_bump_own();
CREATE TRIGGER categories_intake_settings AFTER INSERT OR UPDATE OR DELETE ON categories
  FOR EACH ROW EXECUTE FUNCTION intake_settings_bump();
CREATE TRIGGER org_units_intake_settings AFTER INSERT OR UPDATE OR DELETE ON org_units
  FOR EACH ROW EXECUTE FUNCTION intake_settings_bump();
CREATE TRIGGER closed_days_intake_settings AFTER INSERT OR UPDATE OR DELETE ON closed_days
  FOR EACH ROW EXECUTE FUNCTION intake_settings_bump();
