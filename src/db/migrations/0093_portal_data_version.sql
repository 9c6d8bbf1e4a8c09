-- The public site's data version: one number per tenant, bumped when anything the public pages
-- show changes (promises, goals and indicator values, satisfaction, meetings, reports, the
-- organisation, portal settings). Every instance keys its cache of rendered public pages by it,
-- so a change shows on the next request on every instance, not after a time-out.
--
-- The bump is a deferred constraint trigger: it runs at commit, after every other lock the
-- transaction took, so the version row is locked only for the moment of the commit (no lock-order
-- cycle, no wait in the middle of a transaction), and once per tenant and transaction (a
-- transaction-local setting remembers which tenants it bumped). The value comes from a sequence,
-- so it never repeats, even when the table is emptied. Figures computed from cases and survey
-- answers (written by residents, many per minute) do not bump it; those stay at most a minute old.
-- No foreign key: a bump for a tenant being deleted must not fail its commit.
CREATE SEQUENCE portal_data_version_seq;

CREATE TABLE portal_data_versions (
  tenant_id uuid PRIMARY KEY,
  version bigint NOT NULL
);

CREATE FUNCTION portal_data_bump() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_data jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
  tenant text := CASE WHEN TG_NARGS > 0 THEN row_data ->> TG_ARGV[0] ELSE row_data ->> 'tenant_id' END;
  done text := coalesce(current_setting('insyn.portal_bumped', true), '');
BEGIN
  IF tenant IS NULL THEN
    -- A table shared by every tenant (Kolada's comparison values): every tenant's version.
    IF position('*' IN done) > 0 THEN RETURN NULL; END IF;
    UPDATE portal_data_versions SET version = nextval('portal_data_version_seq');
    PERFORM set_config('insyn.portal_bumped', done || '*', true);
    RETURN NULL;
  END IF;
  IF position(tenant IN done) > 0 THEN RETURN NULL; END IF;
  INSERT INTO portal_data_versions (tenant_id, version)
  VALUES (tenant::uuid, nextval('portal_data_version_seq'))
  ON CONFLICT (tenant_id) DO UPDATE SET version = excluded.version;
  PERFORM set_config('insyn.portal_bumped', done || tenant || ',', true);
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'org_units', 'closed_days', 'categories', 'meetings',
    'promises', 'promise_versions', 'promise_settings', 'promise_measurements', 'promise_claims',
    'goal_settings', 'goal_plans', 'goal_areas', 'goals', 'goal_board_texts', 'indicators',
    'indicator_goals', 'indicator_values', 'goal_assessments', 'goal_assignments',
    'goal_assignment_updates', 'action_plans', 'action_plan_indicators', 'action_plan_activities',
    'action_plan_progress', 'reports', 'satisfaction_settings', 'satisfaction_areas',
    'insikt_results', 'insikt_targets', 'surveys', 'survey_questions', 'portal_settings'
  ] LOOP
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER portal_data_bump AFTER INSERT OR UPDATE OR DELETE ON %I '
      'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION portal_data_bump()', t);
  END LOOP;
END;
$$;

CREATE CONSTRAINT TRIGGER portal_data_bump AFTER INSERT OR UPDATE OR DELETE ON tenants
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION portal_data_bump('id');
CREATE CONSTRAINT TRIGGER portal_data_bump AFTER INSERT OR UPDATE OR DELETE ON kolada_values
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION portal_data_bump('-');
