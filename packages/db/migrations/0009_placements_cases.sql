-- Pillar 1 (issue 4): departures abroad and returns (one row per stay abroad), and the
-- family's complaints (kasus/pengaduan) with every step of their workflow as an event.

CREATE TABLE migration_placements (
  id                   uuid PRIMARY KEY,
  village_code         text NOT NULL REFERENCES regions (code) CHECK (village_code ~ '^\d{10}$'),
  person_id            uuid NOT NULL REFERENCES people (id),
  plan_id              uuid REFERENCES migration_plans (id),
  departure_date       date NOT NULL,
  destination_country  text NOT NULL,
  employer             text,
  -- A licensed agency of the registry, else only the name the family gives.
  agency_id            uuid REFERENCES placement_agencies (id),
  agency_name          text,
  contract_start       date,
  contract_end         date,
  notes                text,
  -- The return (purna PMI): empty while the person is abroad.
  return_date          date,
  return_reason        text CHECK (return_reason IN ('kontrak_selesai', 'bermasalah', 'dideportasi', 'lainnya')),
  skills_gained        text,
  savings_plan         text,
  reintegration_needs  text[] NOT NULL DEFAULT '{}',
  return_notes         text,
  returned_recorded_by uuid REFERENCES users (id),
  created_by           uuid REFERENCES users (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              bigint NOT NULL DEFAULT nextval('row_version_seq'),
  deleted_at           timestamptz,
  CHECK (contract_start IS NULL OR contract_end IS NULL OR contract_start <= contract_end),
  CHECK (return_date IS NULL OR return_date >= departure_date),
  CHECK ((return_date IS NULL) = (return_reason IS NULL))
);
CREATE INDEX migration_placements_village_idx ON migration_placements (village_code, departure_date) WHERE deleted_at IS NULL;
CREATE INDEX migration_placements_person_idx ON migration_placements (person_id);
-- One person is abroad once at a time, and one plan leads to one departure.
CREATE UNIQUE INDEX migration_placements_abroad_idx ON migration_placements (person_id) WHERE return_date IS NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX migration_placements_plan_idx ON migration_placements (plan_id) WHERE plan_id IS NOT NULL AND deleted_at IS NULL;
CREATE TRIGGER migration_placements_version BEFORE UPDATE ON migration_placements FOR EACH ROW EXECUTE FUNCTION bump_row_version();

CREATE TABLE migration_cases (
  id                  uuid PRIMARY KEY,
  village_code        text NOT NULL REFERENCES regions (code) CHECK (village_code ~ '^\d{10}$'),
  migrant_person_id   uuid NOT NULL REFERENCES people (id),
  -- A registered resident who reports, else their name.
  reporter_person_id  uuid REFERENCES people (id),
  reporter_name       text,
  reporter_relation   text CHECK (reporter_relation IN ('pasangan', 'anak', 'orang_tua', 'saudara', 'diri_sendiri', 'lainnya')),
  reporter_phone      text,
  case_type           text NOT NULL CHECK (case_type IN ('gaji_tidak_dibayar', 'kekerasan', 'hilang_kontak', 'sakit',
                        'ditahan', 'meninggal', 'lainnya')),
  description         text NOT NULL,
  incident_country    text,
  status              text NOT NULL DEFAULT 'baru' CHECK (status IN ('baru', 'ditangani_desa', 'dirujuk_kabupaten', 'selesai')),
  -- When the case entered its status: the SLA deadline counts from here.
  status_since        timestamptz NOT NULL DEFAULT now(),
  closed_at           timestamptz,
  opened_by           uuid REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  version             bigint NOT NULL DEFAULT nextval('row_version_seq'),
  deleted_at          timestamptz,
  CHECK (reporter_person_id IS NOT NULL OR reporter_name IS NOT NULL),
  CHECK ((status = 'selesai') = (closed_at IS NOT NULL))
);
CREATE INDEX migration_cases_village_idx ON migration_cases (village_code, status) WHERE deleted_at IS NULL;
CREATE INDEX migration_cases_migrant_idx ON migration_cases (migrant_person_id);
CREATE INDEX migration_cases_reporter_idx ON migration_cases (reporter_person_id) WHERE reporter_person_id IS NOT NULL;
CREATE TRIGGER migration_cases_version BEFORE UPDATE ON migration_cases FOR EACH ROW EXECUTE FUNCTION bump_row_version();

-- The case's timeline: opened, each status step, each note. Never updated.
CREATE TABLE migration_case_events (
  id           uuid PRIMARY KEY,
  case_id      uuid NOT NULL REFERENCES migration_cases (id),
  village_code text NOT NULL CHECK (village_code ~ '^\d{10}$'),
  kind         text NOT NULL CHECK (kind IN ('dibuka', 'status', 'catatan')),
  from_status  text,
  to_status    text,
  note         text,
  actor_id     uuid REFERENCES users (id),
  at           timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'status' OR (from_status IS NOT NULL AND to_status IS NOT NULL))
);
CREATE INDEX migration_case_events_case_idx ON migration_case_events (case_id, at);
