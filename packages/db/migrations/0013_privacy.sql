-- Personal-data protection under UU 27/2022 (PDP), issue 6: data-subject requests with their
-- statutory deadlines, configurable retention per record type, and consents that lapse.

-- A request from a resident (or their guardian) about their own data: access, correction,
-- restriction, erasure or objection. due_at is fixed when the request is received, so a later
-- change of policy never moves a deadline already promised.
CREATE TABLE data_subject_requests (
  id             uuid PRIMARY KEY,
  village_code   text NOT NULL REFERENCES regions (code) CHECK (village_code ~ '^\d{10}$'),
  person_id      uuid NOT NULL REFERENCES people (id),
  kind           text NOT NULL CHECK (kind IN ('akses', 'koreksi', 'pembatasan', 'penghapusan', 'keberatan')),
  requester_name text NOT NULL CHECK (length(requester_name) BETWEEN 1 AND 150),
  received_at    timestamptz NOT NULL,
  due_at         timestamptz NOT NULL,
  status         text NOT NULL DEFAULT 'diterima' CHECK (status IN ('diterima', 'diproses', 'selesai', 'ditolak')),
  -- Why it was refused (required for ditolak) or what was done (selesai).
  status_reason  text,
  notes          text,
  handled_by     uuid REFERENCES users (id),
  closed_at      timestamptz,
  created_by     uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  version        bigint NOT NULL DEFAULT nextval('row_version_seq'),
  CHECK (due_at > received_at),
  CHECK (status <> 'ditolak' OR status_reason IS NOT NULL)
);
CREATE INDEX data_subject_requests_village_idx ON data_subject_requests (village_code, status, due_at);
CREATE INDEX data_subject_requests_person_idx ON data_subject_requests (person_id);
CREATE TRIGGER data_subject_requests_version BEFORE UPDATE ON data_subject_requests FOR EACH ROW EXECUTE FUNCTION bump_row_version();

-- How long each kind of record is kept, and why. `enforced` rules are purged by the
-- application (privacy/retention.ts); the others are the documented policy for the operator.
CREATE TABLE retention_rules (
  record_type  text PRIMARY KEY CHECK (record_type ~ '^[a-z_]{3,60}$'),
  label        text NOT NULL,
  keep_months  integer NOT NULL CHECK (keep_months BETWEEN 1 AND 1200),
  legal_basis  text NOT NULL,
  enforced     boolean NOT NULL DEFAULT false,
  updated_by   uuid REFERENCES users (id),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  version      bigint NOT NULL DEFAULT nextval('row_version_seq')
);
CREATE TRIGGER retention_rules_version BEFORE UPDATE ON retention_rules FOR EACH ROW EXECUTE FUNCTION bump_row_version();

INSERT INTO retention_rules (record_type, label, keep_months, legal_basis, enforced) VALUES
  ('import_rejects', 'Baris impor yang ditolak (berisi NIK mentah)', 3,
   'UU 27/2022 Pasal 16 ayat (2): data pribadi disimpan hanya selama diperlukan. Baris yang ditolak hanya dibutuhkan untuk memperbaiki berkas impor.', true),
  ('migration_document_scans', 'Pindaian dokumen rencana migrasi', 24,
   'UU 18/2017 Pasal 42 (verifikasi dan pencatatan CPMI); UU 27/2022 Pasal 16 ayat (2). Dihitung sejak rencana selesai atau batal.', false),
  ('migration_services', 'Catatan layanan di balai desa', 60,
   'UU 18/2017 Pasal 42 (layanan informasi dan pencatatan); laporan tahunan program Desmigratif.', false),
  ('migration_cases', 'Kasus/pengaduan keluarga PMI', 120,
   'UU 18/2017 Pasal 42 (pemantauan dan pelindungan); kasus dapat dibuka kembali atau menjadi bukti.', false),
  ('data_subject_requests', 'Permintaan subjek data', 36,
   'UU 27/2022 Pasal 47: pengendali wajib dapat membuktikan pemenuhan kewajibannya.', false),
  ('audit_log', 'Jejak audit (termasuk pembacaan data sensitif)', 60,
   'UU 27/2022 Pasal 31 (perekaman kegiatan pemrosesan). Jejak audit tidak dapat diubah atau dihapus oleh aplikasi.', false);

-- A consent may be given for a limited time; after it, the processing that rests on it needs
-- a new consent or another basis.
ALTER TABLE person_consents ADD COLUMN expires_at date;
