-- Scans of a migration plan's documents and the letters a village issues for a plan
-- (issue 4): the family permission letter and the village recommendation, each with a
-- verification token printed as a QR code.

-- The current scan of one document of a plan. The file itself lives outside the database
-- and outside the web root, under the data directory, named by `storage_id` (random).
-- Replacing a scan updates this row; the replaced file's id stays in the audit log.
CREATE TABLE migration_document_scans (
  id            uuid PRIMARY KEY,
  plan_id       uuid NOT NULL REFERENCES migration_plans (id),
  village_code  text NOT NULL CHECK (village_code ~ '^\d{10}$'),
  kind          text NOT NULL,
  storage_id    text NOT NULL UNIQUE CHECK (storage_id ~ '^[0-9a-f]{32}$'),
  content_type  text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  size_bytes    integer NOT NULL CHECK (size_bytes > 0),
  sha256        text NOT NULL,
  uploaded_by   uuid REFERENCES users (id),
  uploaded_at   timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       bigint NOT NULL DEFAULT nextval('row_version_seq'),
  UNIQUE (plan_id, kind)
);
CREATE TRIGGER migration_document_scans_version BEFORE UPDATE ON migration_document_scans FOR EACH ROW EXECUTE FUNCTION bump_row_version();

-- One counter per village and year: letter numbers run 001, 002, … across both kinds.
CREATE TABLE letter_sequences (
  village_code text NOT NULL CHECK (village_code ~ '^\d{10}$'),
  year         integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  last_number  integer NOT NULL CHECK (last_number > 0),
  PRIMARY KEY (village_code, year)
);

-- Every letter issued. The token is what the QR code carries; anyone holding the paper may
-- check it on the public verification page, which shows no NIK and only initials.
CREATE TABLE letters (
  id               uuid PRIMARY KEY,
  village_code     text NOT NULL REFERENCES regions (code) CHECK (village_code ~ '^\d{10}$'),
  plan_id          uuid NOT NULL REFERENCES migration_plans (id),
  kind             text NOT NULL CHECK (kind IN ('izin_keluarga', 'rekomendasi_desa')),
  number           text NOT NULL,
  family_member_id uuid REFERENCES people (id),
  token            text NOT NULL UNIQUE CHECK (length(token) >= 32),
  holder_name      text NOT NULL,
  issued_by        uuid NOT NULL REFERENCES users (id),
  issued_at        timestamptz NOT NULL DEFAULT now(),
  sha256           text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  UNIQUE (village_code, number)
);
CREATE INDEX letters_plan_idx ON letters (plan_id, issued_at);
