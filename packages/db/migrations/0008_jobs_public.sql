-- Job information (lowongan) and the public page (issue 4). Job orders are national, like
-- the registry of licensed agencies: nobody's personal data, kept by the ministry and the
-- regency coordinators. The village's migration service centre gets its address, opening
-- hours and phone, shown on the public page.

CREATE TABLE job_orders (
  id                   uuid PRIMARY KEY,
  -- ISO 3166-1 alpha-2, from the contracts' list of destinations.
  country              text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  occupation           text NOT NULL,
  sector               text NOT NULL CHECK (sector IN ('formal', 'domestik', 'pelaut')),
  scheme               text NOT NULL CHECK (scheme IN ('p_to_p', 'g_to_g', 'g_to_p', 'ukps', 'mandiri')),
  -- Empty for government placements (G to G) and for a worker going on their own.
  agency_id            uuid REFERENCES placement_agencies (id),
  quota                integer CHECK (quota > 0),
  salary_amount        numeric(14, 2) CHECK (salary_amount >= 0),
  salary_currency      text CHECK (salary_currency ~ '^[A-Z]{3}$'),
  closing_date         date,
  reference_number     text,
  description          text,
  requirements         text,
  verified_by          uuid REFERENCES users (id),
  verified_at          timestamptz,
  created_by           uuid REFERENCES users (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              bigint NOT NULL DEFAULT nextval('row_version_seq'),
  CHECK ((salary_amount IS NULL) = (salary_currency IS NULL)),
  CHECK ((verified_by IS NULL) = (verified_at IS NULL))
);
CREATE INDEX job_orders_open_idx ON job_orders (closing_date, country) WHERE verified_at IS NOT NULL;
CREATE INDEX job_orders_agency_idx ON job_orders (agency_id) WHERE agency_id IS NOT NULL;
CREATE TRIGGER job_orders_version BEFORE UPDATE ON job_orders FOR EACH ROW EXECUTE FUNCTION bump_row_version();

ALTER TABLE program_villages
  ADD COLUMN centre_address text,
  ADD COLUMN centre_hours   text,
  ADD COLUMN centre_phone   text;
