-- Foundation: reference regions, the Desmigratif programme's villages and targets,
-- accounts, sessions and the append-only audit log.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One sequence hands out row versions for every synced table, so that "changed
-- since version N" is a single comparison across tables (see docs/ARCHITECTURE.md, Sync).
CREATE SEQUENCE row_version_seq AS bigint;

CREATE FUNCTION bump_row_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := nextval('row_version_seq');
  NEW.updated_at := now();
  RETURN NEW;
END $$;

-- Kemendagri regions. Codes are plain digits: 2 province, 4 regency, 6 district, 10 village.
CREATE TABLE regions (
  code        text PRIMARY KEY CHECK (code ~ '^(\d{2}|\d{4}|\d{6}|\d{10})$'),
  level       smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
  parent_code text REFERENCES regions (code),
  name        text NOT NULL,
  CHECK ((level = 1) = (parent_code IS NULL))
);
CREATE INDEX regions_parent_idx ON regions (parent_code);
CREATE INDEX regions_name_trgm_idx ON regions USING gin (lower(name) gin_trgm_ops);

-- Which reference data set is loaded, so a restart does not load it again.
CREATE TABLE reference_data (
  name       text PRIMARY KEY,
  version    text NOT NULL,
  row_count  integer NOT NULL,
  loaded_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE program_targets (
  year        integer PRIMARY KEY CHECK (year BETWEEN 2016 AND 2100),
  target      integer NOT NULL CHECK (target >= 0),
  updated_by  uuid,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE program_villages (
  village_code text PRIMARY KEY REFERENCES regions (code) CHECK (village_code ~ '^\d{10}$'),
  cohort_year  integer NOT NULL CHECK (cohort_year BETWEEN 2016 AND 2100),
  status       text NOT NULL CHECK (status IN ('diusulkan', 'aktif', 'mandiri', 'nonaktif')),
  officers     jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(officers) = 'array' AND jsonb_array_length(officers) <= 2),
  head_name    text,
  head_phone   text,
  notes        text,
  enrolled_by  uuid,
  enrolled_at  timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  version      bigint NOT NULL DEFAULT nextval('row_version_seq'),
  deleted_at   timestamptz
);
CREATE INDEX program_villages_code_pattern_idx ON program_villages (village_code text_pattern_ops);
CREATE INDEX program_villages_cohort_idx ON program_villages (cohort_year);
CREATE TRIGGER program_villages_version BEFORE UPDATE ON program_villages
  FOR EACH ROW EXECUTE FUNCTION bump_row_version();

CREATE TABLE users (
  id                   uuid PRIMARY KEY,
  username             text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
  full_name            text NOT NULL,
  role                 text NOT NULL CHECK (role IN ('petugas_desa', 'kepala_desa', 'pengurus_koperasi',
                         'koordinator_kabupaten', 'kementerian', 'mitra', 'admin')),
  -- '' = national; otherwise the region code the account is limited to.
  scope_code           text NOT NULL CHECK (scope_code ~ '^(|\d{2}|\d{4}|\d{6}|\d{10})$'),
  phone                text,
  password_hash        text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  disabled_at          timestamptz,
  failed_login_count   integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  last_login_at        timestamptz,
  created_by           uuid REFERENCES users (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  version              bigint NOT NULL DEFAULT nextval('row_version_seq')
);
CREATE UNIQUE INDEX users_username_idx ON users (username);
CREATE INDEX users_scope_idx ON users (scope_code text_pattern_ops);
CREATE TRIGGER users_version BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION bump_row_version();

CREATE TABLE sessions (
  -- SHA-256 of the cookie token: a leaked table does not hand out live sessions.
  token_hash   text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id),
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE audit_log (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at             timestamptz NOT NULL DEFAULT now(),
  actor_id       uuid,
  actor_username text,
  action         text NOT NULL,
  entity_type    text NOT NULL,
  entity_id      text NOT NULL,
  -- The region the record belongs to ('' = national), so that a coordinator reads only their scope.
  region_code    text NOT NULL,
  before         jsonb,
  after          jsonb,
  ip             text
);
CREATE INDEX audit_log_region_at_idx ON audit_log (region_code text_pattern_ops, at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, at DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC);

-- The audit log is append-only: no role of the application may change or remove history.
CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
