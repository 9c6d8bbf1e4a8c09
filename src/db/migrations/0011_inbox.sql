-- The officer's inbox: what the resident wrote since staff last answered, search, and response
-- templates per language.

-- Set when a resident writes on a case (their first unanswered message), cleared when staff next
-- answer the resident (any action the resident sees). The inbox marks and counts these cases.
ALTER TABLE cases ADD COLUMN resident_wrote_at timestamptz;
UPDATE cases c SET resident_wrote_at = m.at
  FROM (
    SELECT e.tenant_id, e.case_id, min(e.at) AS at
      FROM case_events e
     WHERE e.kind = 'resident_message'
       AND NOT EXISTS (
         SELECT 1 FROM case_events s
          WHERE s.tenant_id = e.tenant_id AND s.case_id = e.case_id AND s.at > e.at
            AND s.kind IN ('first_response', 'next_feedback_promised', 'referred', 'resolved', 'reopened')
            AND s.actor_user_id IS NOT NULL)
     GROUP BY e.tenant_id, e.case_id
  ) m
 WHERE c.tenant_id = m.tenant_id AND c.id = m.case_id;
CREATE INDEX cases_resident_wrote ON cases (tenant_id, resident_wrote_at) WHERE resident_wrote_at IS NOT NULL;

-- Inbox search: words of subject, message and name (the 'simple' configuration: no stemming, so
-- names and street names match as typed, by prefix); e-mail and phone by exact value.
CREATE INDEX cases_search_text ON cases USING gin (
  to_tsvector('simple', coalesce(subject, '') || ' ' || message || ' ' || coalesce(contact_name, '')));
CREATE INDEX cases_contact_email ON cases (tenant_id, contact_email) WHERE contact_email IS NOT NULL;
-- The last nine digits of a phone number: "070-123 45 67" and "+46 70 123 45 67" are the same.
CREATE INDEX cases_contact_phone ON cases (tenant_id, right(regexp_replace(contact_phone, '[^0-9]', '', 'g'), 9))
  WHERE contact_phone IS NOT NULL;
-- Sort by last activity (every action and resident message touches updated_at).
CREATE INDEX cases_activity ON cases (tenant_id, updated_at);

-- A response template is written in one language and offered on cases in that language.
ALTER TABLE response_templates ADD COLUMN language text NOT NULL DEFAULT 'sv' CHECK (language IN ('sv', 'fi', 'en'));
-- Two active templates with one title in one language cannot be told apart in the chooser.
CREATE UNIQUE INDEX response_templates_title ON response_templates (tenant_id, language, lower(title)) WHERE active;
