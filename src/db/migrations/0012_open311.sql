-- Open311 GeoReport v2: what a service request carries beyond the case itself (location, media,
-- the client's own description and attributes), kept by the open311 module in its own table so
-- that the cases module's tables stay the cases module's. One row per case that came in through
-- Open311 (source 'open311') or that staff published with a public description (source 'staff');
-- only these requests show a description. Contact data is never stored here.
CREATE TABLE open311_requests (
  tenant_id uuid NOT NULL,
  case_id uuid NOT NULL,
  source text NOT NULL CHECK (source IN ('open311', 'staff')),
  description text CHECK (length(description) BETWEEN 1 AND 10000),
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  address_string text CHECK (length(address_string) BETWEEN 1 AND 500),
  address_id text CHECK (length(address_id) BETWEEN 1 AND 200),
  media_url text CHECK (length(media_url) BETWEEN 1 AND 2000),
  -- Every attribute[code] the client sent: {"code": "value"} or {"code": ["a", "b"]} for attribute[code][].
  attributes jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(attributes) = 'object'),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, case_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id) ON DELETE CASCADE,
  CHECK ((latitude IS NULL) = (longitude IS NULL))
);

-- GET servicerequestupdates reads a tenant's resident-visible events by time.
CREATE INDEX case_events_tenant_at ON case_events (tenant_id, at) WHERE visible_to_resident;
