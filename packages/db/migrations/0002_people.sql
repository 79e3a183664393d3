-- Registry of residents, families and migrant status (issue: registry of migrants and
-- their families). Every row carries village_code; identifiers are UUIDv7 made by the
-- creating device; synced tables carry version, updated_at and a tombstone.

CREATE TABLE families (
  id             uuid PRIMARY KEY,
  village_code   text NOT NULL REFERENCES regions (code) CHECK (village_code ~ '^\d{10}$'),
  head_person_id uuid,
  address        text,
  dusun          text,
  rw             text,
  rt             text,
  created_by     uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        bigint NOT NULL DEFAULT nextval('row_version_seq'),
  deleted_at     timestamptz
);
CREATE INDEX families_village_idx ON families (village_code text_pattern_ops) WHERE deleted_at IS NULL;
CREATE TRIGGER families_version BEFORE UPDATE ON families FOR EACH ROW EXECUTE FUNCTION bump_row_version();

-- The family card number is a dated attribute: it changes when a family moves or
-- splits, while the family (and its links) stays the same.
CREATE TABLE family_card_numbers (
  id           uuid PRIMARY KEY,
  family_id    uuid NOT NULL REFERENCES families (id),
  village_code text NOT NULL,
  no_kk        text NOT NULL CHECK (no_kk ~ '^\d{16}$'),
  valid_from   date NOT NULL DEFAULT CURRENT_DATE,
  valid_to     date,
  recorded_by  uuid REFERENCES users (id),
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  version      bigint NOT NULL DEFAULT nextval('row_version_seq')
);
CREATE INDEX family_card_numbers_family_idx ON family_card_numbers (family_id);
CREATE INDEX family_card_numbers_current_idx ON family_card_numbers (village_code, no_kk) WHERE valid_to IS NULL;

CREATE TABLE people (
  id                    uuid PRIMARY KEY,
  village_code          text NOT NULL REFERENCES regions (code) CHECK (village_code ~ '^\d{10}$'),
  family_id             uuid REFERENCES families (id),
  nik                   text NOT NULL CHECK (nik ~ '^\d{16}$'),
  name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 150),
  -- normalizePersonName(name) from packages/domain: what trigram duplicate search compares.
  name_key              text NOT NULL,
  sex                   smallint NOT NULL CHECK (sex IN (1, 2)),
  birth_place           text,
  birth_date            date,
  religion              smallint,
  education_kk          smallint,
  education_current     smallint,
  occupation            smallint,
  marital_status        smallint,
  family_relationship   smallint,
  citizenship           smallint NOT NULL DEFAULT 1,
  father_nik            text,
  father_name           text,
  mother_nik            text,
  mother_name           text,
  blood_type            smallint,
  birth_certificate     text,
  passport_number       text,
  passport_expiry       date,
  kitas_number          text,
  marriage_certificate  text,
  marriage_date         date,
  divorce_certificate   text,
  divorce_date          date,
  disability            smallint,
  contraception         smallint,
  pregnant              smallint,
  ktp_el                smallint,
  record_status         smallint,
  current_address       text,
  status_dasar          smallint NOT NULL DEFAULT 1 CHECK (status_dasar IN (1, 2, 3, 4, 6, 9)),
  ethnicity             text,
  tag_id_card           text,
  insurance_type        smallint,
  insurance_number      text,
  lat                   numeric(10, 7),
  lng                   numeric(10, 7),
  address               text,
  dusun                 text,
  rw                    text,
  rt                    text,
  phone                 text,
  migrant_status        text NOT NULL DEFAULT 'bukan_pmi'
                        CHECK (migrant_status IN ('bukan_pmi', 'calon_pmi', 'pmi', 'purna_pmi', 'keluarga_pmi')),
  merged_into           uuid REFERENCES people (id),
  created_by            uuid REFERENCES users (id),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               bigint NOT NULL DEFAULT nextval('row_version_seq'),
  deleted_at            timestamptz
);
-- The village's list, in name order, is one index range scan even at 20,000 residents.
CREATE INDEX people_village_name_idx ON people (village_code, name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX people_nik_idx ON people (nik) WHERE deleted_at IS NULL;
CREATE INDEX people_family_idx ON people (family_id) WHERE deleted_at IS NULL;
CREATE INDEX people_name_trgm_idx ON people USING gin (name_key gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX people_village_birth_idx ON people (village_code, birth_date) WHERE deleted_at IS NULL;
CREATE TRIGGER people_version BEFORE UPDATE ON people FOR EACH ROW EXECUTE FUNCTION bump_row_version();

ALTER TABLE families ADD CONSTRAINT families_head_fk FOREIGN KEY (head_person_id) REFERENCES people (id);

-- Migrant status is a history of dated events; people.migrant_status is the latest, kept
-- in the same transaction for fast filtering.
CREATE TABLE migrant_status_events (
  id             uuid PRIMARY KEY,
  person_id      uuid NOT NULL REFERENCES people (id),
  village_code   text NOT NULL,
  status         text NOT NULL CHECK (status IN ('bukan_pmi', 'calon_pmi', 'pmi', 'purna_pmi', 'keluarga_pmi')),
  effective_date date NOT NULL,
  note           text,
  recorded_by    uuid REFERENCES users (id),
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  version        bigint NOT NULL DEFAULT nextval('row_version_seq')
);
CREATE INDEX migrant_status_events_person_idx ON migrant_status_events (person_id, effective_date, recorded_at);

-- Who a migrant left behind: spouse, children, the caregiver of the children.
CREATE TABLE migrant_family_links (
  id           uuid PRIMARY KEY,
  village_code text NOT NULL,
  migrant_id   uuid NOT NULL REFERENCES people (id),
  relative_id  uuid NOT NULL REFERENCES people (id),
  relation     text NOT NULL CHECK (relation IN ('pasangan', 'anak', 'pengasuh', 'orang_tua', 'saudara', 'lainnya')),
  created_by   uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  version      bigint NOT NULL DEFAULT nextval('row_version_seq'),
  deleted_at   timestamptz,
  CHECK (migrant_id <> relative_id)
);
CREATE UNIQUE INDEX migrant_family_links_unique_idx ON migrant_family_links (migrant_id, relative_id, relation) WHERE deleted_at IS NULL;
CREATE INDEX migrant_family_links_relative_idx ON migrant_family_links (relative_id);
CREATE TRIGGER migrant_family_links_version BEFORE UPDATE ON migrant_family_links FOR EACH ROW EXECUTE FUNCTION bump_row_version();

-- Lawful basis for processing a person's data (UU 27/2022): the village's legal duty under
-- UU 18/2017 Pasal 42, or consent — a parent's or guardian's for a child.
CREATE TABLE person_consents (
  id                    uuid PRIMARY KEY,
  person_id             uuid NOT NULL REFERENCES people (id),
  village_code          text NOT NULL,
  basis                 text NOT NULL CHECK (basis IN ('kewajiban_hukum', 'persetujuan')),
  given_by_name         text,
  guardian_person_id    uuid REFERENCES people (id),
  guardian_relationship text,
  note                  text,
  recorded_by           uuid REFERENCES users (id),
  recorded_at           timestamptz NOT NULL DEFAULT now(),
  withdrawn_at          timestamptz,
  withdrawn_by          uuid REFERENCES users (id),
  version               bigint NOT NULL DEFAULT nextval('row_version_seq')
);
CREATE INDEX person_consents_person_idx ON person_consents (person_id);

-- A coordinator's decision that two records are different people, so the pair leaves the review list.
CREATE TABLE duplicate_dismissals (
  person_a     uuid NOT NULL REFERENCES people (id),
  person_b     uuid NOT NULL REFERENCES people (id),
  region_code  text NOT NULL,
  dismissed_by uuid REFERENCES users (id),
  dismissed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (person_a, person_b),
  CHECK (person_a < person_b)
);

CREATE TABLE import_jobs (
  id              uuid PRIMARY KEY,
  village_code    text NOT NULL REFERENCES regions (code),
  file_name       text NOT NULL,
  file_size       integer NOT NULL,
  file_content    bytea,
  status          text NOT NULL DEFAULT 'antri' CHECK (status IN ('antri', 'berjalan', 'selesai', 'gagal')),
  total_rows      integer,
  processed_rows  integer NOT NULL DEFAULT 0,
  created_count   integer NOT NULL DEFAULT 0,
  updated_count   integer NOT NULL DEFAULT 0,
  unchanged_count integer NOT NULL DEFAULT 0,
  rejected_count  integer NOT NULL DEFAULT 0,
  error_message   text,
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  started_at      timestamptz,
  finished_at     timestamptz
);
CREATE INDEX import_jobs_village_idx ON import_jobs (village_code, created_at DESC);

-- One row per rejected spreadsheet row: its cells as read, and every problem found in it.
CREATE TABLE import_rejects (
  job_id     uuid NOT NULL REFERENCES import_jobs (id),
  row_number integer NOT NULL,
  raw        jsonb NOT NULL,
  problems   jsonb NOT NULL,
  PRIMARY KEY (job_id, row_number)
);
