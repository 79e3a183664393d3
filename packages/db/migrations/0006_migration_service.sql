-- Pillar 1, the village migration service centre (issue 4): the service log, the registry
-- of licensed placement agencies (P3MI), migration plans and their documents. Village rows
-- carry village_code, version, updated_at and a tombstone like the registry's.

CREATE TABLE migration_services (
  id              uuid PRIMARY KEY,
  village_code    text NOT NULL REFERENCES regions (code) CHECK (village_code ~ '^\d{10}$'),
  -- A registered resident, or only the visitor's name when they are not (yet) registered.
  person_id       uuid REFERENCES people (id),
  visitor_name    text,
  service_type    text NOT NULL CHECK (service_type IN ('informasi_pasar_kerja', 'bimbingan_konseling',
                    'informasi_migrasi_aman', 'pengurusan_dokumen', 'verifikasi_cpmi', 'pengaduan_kasus',
                    'layanan_keluarga_pmi', 'lainnya')),
  service_date    date NOT NULL,
  officer_id      uuid NOT NULL REFERENCES users (id),
  notes           text,
  follow_up_date  date,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         bigint NOT NULL DEFAULT nextval('row_version_seq'),
  deleted_at      timestamptz,
  CHECK (person_id IS NOT NULL OR visitor_name IS NOT NULL)
);
CREATE INDEX migration_services_village_date_idx ON migration_services (village_code, service_date) WHERE deleted_at IS NULL;
CREATE INDEX migration_services_person_idx ON migration_services (person_id) WHERE person_id IS NOT NULL;
CREATE TRIGGER migration_services_version BEFORE UPDATE ON migration_services FOR EACH ROW EXECUTE FUNCTION bump_row_version();

-- National: the ministry and the regency coordinators keep it; nobody's personal data.
CREATE TABLE placement_agencies (
  id                  uuid PRIMARY KEY,
  name                text NOT NULL,
  licence_number      text NOT NULL,
  licence_valid_until date,
  address             text,
  branches            jsonb NOT NULL DEFAULT '[]',
  created_by          uuid REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  version             bigint NOT NULL DEFAULT nextval('row_version_seq')
);
CREATE UNIQUE INDEX placement_agencies_licence_idx ON placement_agencies (upper(licence_number));
CREATE INDEX placement_agencies_name_idx ON placement_agencies (lower(name));
CREATE TRIGGER placement_agencies_version BEFORE UPDATE ON placement_agencies FOR EACH ROW EXECUTE FUNCTION bump_row_version();

CREATE TABLE migration_plans (
  id                       uuid PRIMARY KEY,
  village_code             text NOT NULL REFERENCES regions (code) CHECK (village_code ~ '^\d{10}$'),
  person_id                uuid NOT NULL REFERENCES people (id),
  destination_country      text NOT NULL,
  occupation               text NOT NULL,
  fee_free_occupation      text,
  sector                   text NOT NULL CHECK (sector IN ('formal', 'domestik', 'pelaut')),
  scheme                   text NOT NULL CHECK (scheme IN ('p_to_p', 'g_to_g', 'g_to_p', 'ukps', 'mandiri')),
  agency_name              text,
  agency_licence_number    text,
  job_order_reference      text,
  expected_departure_date  date,
  visa_type                text,
  fees_asked_rupiah        bigint CHECK (fees_asked_rupiah >= 0),
  fees_to_personal_account boolean,
  recruiter_contact        text,
  shelter_before_documents boolean,
  contract_readable        boolean,
  status                   text NOT NULL DEFAULT 'aktif' CHECK (status IN ('aktif', 'berangkat', 'batal')),
  created_by               uuid REFERENCES users (id),
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  version                  bigint NOT NULL DEFAULT nextval('row_version_seq'),
  deleted_at               timestamptz
);
CREATE INDEX migration_plans_village_idx ON migration_plans (village_code, created_at) WHERE deleted_at IS NULL;
CREATE INDEX migration_plans_person_idx ON migration_plans (person_id);
CREATE TRIGGER migration_plans_version BEFORE UPDATE ON migration_plans FOR EACH ROW EXECUTE FUNCTION bump_row_version();

CREATE TABLE migration_documents (
  id              uuid PRIMARY KEY,
  plan_id         uuid NOT NULL REFERENCES migration_plans (id),
  village_code    text NOT NULL CHECK (village_code ~ '^\d{10}$'),
  kind            text NOT NULL,
  status          text NOT NULL CHECK (status IN ('belum', 'diproses', 'lengkap', 'tidak_berlaku')),
  number          text,
  issued_on       date,
  expires_on      date,
  issuing_office  text,
  updated_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         bigint NOT NULL DEFAULT nextval('row_version_seq'),
  UNIQUE (plan_id, kind)
);
CREATE TRIGGER migration_documents_version BEFORE UPDATE ON migration_documents FOR EACH ROW EXECUTE FUNCTION bump_row_version();
