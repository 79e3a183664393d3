-- Issue 6: identity numbers are sealed by the application (AES-256-GCM, packages/db/src/field-crypto.ts)
-- and found through a keyed blind index; the database never holds them in the clear.
--
-- SQL cannot seal (the key never reaches the database), so this migration moves any numbers
-- already stored into legacy_identity_numbers, and the server seals them at start-up before it
-- serves a request (sealPlaintextIdentities), deleting each legacy row as it goes. On a new
-- install the table stays empty.

CREATE TABLE legacy_identity_numbers (
  table_name text NOT NULL,
  row_id     uuid NOT NULL,
  column_name text NOT NULL,
  value      text NOT NULL,
  PRIMARY KEY (table_name, row_id, column_name)
);

INSERT INTO legacy_identity_numbers (table_name, row_id, column_name, value)
SELECT 'people', id, c.column_name, c.value
  FROM people,
       LATERAL (VALUES ('nik', nik), ('father_nik', father_nik), ('mother_nik', mother_nik),
                       ('passport_number', passport_number), ('birth_certificate', birth_certificate),
                       ('kitas_number', kitas_number), ('marriage_certificate', marriage_certificate),
                       ('divorce_certificate', divorce_certificate), ('insurance_number', insurance_number),
                       ('tag_id_card', tag_id_card)) AS c (column_name, value)
 WHERE c.value IS NOT NULL AND c.value <> '';
INSERT INTO legacy_identity_numbers (table_name, row_id, column_name, value)
SELECT 'family_card_numbers', id, 'no_kk', no_kk FROM family_card_numbers;
INSERT INTO legacy_identity_numbers (table_name, row_id, column_name, value)
SELECT 'migration_documents', id, 'number', number FROM migration_documents WHERE number IS NOT NULL AND number <> '';

-- A sealed value starts with the format byte 0x01: a number written in the clear by mistake
-- (a string sent into a bytea column) is refused by the database itself.
CREATE FUNCTION is_sealed(value bytea) RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT value IS NULL OR (length(value) > 30 AND get_byte(value, 0) = 1) $$;
-- The name of the key a sealed value was made with (key rotation finds what is left to re-seal).
CREATE FUNCTION sealed_key_id(value bytea) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT convert_from(substring(value FROM 3 FOR get_byte(value, 1)), 'SQL_ASCII') $$;

-- people -------------------------------------------------------------------------------------
DROP TRIGGER people_queue_duplicate_scan_update ON people;
DROP INDEX people_village_nik_pattern_idx;
DROP INDEX people_nik_idx;
ALTER TABLE people
  DROP COLUMN nik, DROP COLUMN father_nik, DROP COLUMN mother_nik, DROP COLUMN passport_number,
  DROP COLUMN birth_certificate, DROP COLUMN kitas_number, DROP COLUMN marriage_certificate,
  DROP COLUMN divorce_certificate, DROP COLUMN insurance_number, DROP COLUMN tag_id_card;
ALTER TABLE people
  ADD COLUMN nik bytea CHECK (is_sealed(nik)),
  -- HMAC of the NIK (purpose 'nik'): exact search, duplicates and the same-NIK count.
  ADD COLUMN nik_bidx bytea,
  -- Temporary numbers (first digit 0) are made by the village and never count as duplicates.
  ADD COLUMN nik_temporary boolean NOT NULL DEFAULT false,
  ADD COLUMN father_nik bytea CHECK (is_sealed(father_nik)),
  ADD COLUMN mother_nik bytea CHECK (is_sealed(mother_nik)),
  ADD COLUMN passport_number bytea CHECK (is_sealed(passport_number)),
  ADD COLUMN birth_certificate bytea CHECK (is_sealed(birth_certificate)),
  ADD COLUMN kitas_number bytea CHECK (is_sealed(kitas_number)),
  ADD COLUMN marriage_certificate bytea CHECK (is_sealed(marriage_certificate)),
  ADD COLUMN divorce_certificate bytea CHECK (is_sealed(divorce_certificate)),
  ADD COLUMN insurance_number bytea CHECK (is_sealed(insurance_number)),
  ADD COLUMN tag_id_card bytea CHECK (is_sealed(tag_id_card));
-- Every row written from now on carries its NIK; rows waiting for the start-up sealing do not yet.
ALTER TABLE people ADD CONSTRAINT people_nik_present CHECK (nik IS NOT NULL AND nik_bidx IS NOT NULL) NOT VALID;
CREATE INDEX people_nik_bidx_idx ON people (nik_bidx) WHERE deleted_at IS NULL;

CREATE TRIGGER people_queue_duplicate_scan_update AFTER UPDATE ON people FOR EACH ROW
  WHEN (OLD.nik_bidx IS DISTINCT FROM NEW.nik_bidx OR OLD.name IS DISTINCT FROM NEW.name
        OR OLD.birth_date IS DISTINCT FROM NEW.birth_date OR OLD.father_name IS DISTINCT FROM NEW.father_name
        OR OLD.mother_name IS DISTINCT FROM NEW.mother_name OR OLD.village_code IS DISTINCT FROM NEW.village_code
        OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION queue_updated_person();

-- family card numbers ------------------------------------------------------------------------
DROP INDEX family_card_numbers_current_idx;
ALTER TABLE family_card_numbers DROP COLUMN no_kk;
ALTER TABLE family_card_numbers
  ADD COLUMN no_kk bytea CHECK (is_sealed(no_kk)),
  ADD COLUMN no_kk_bidx bytea;
ALTER TABLE family_card_numbers ADD CONSTRAINT family_card_numbers_no_kk_present
  CHECK (no_kk IS NOT NULL AND no_kk_bidx IS NOT NULL) NOT VALID;
CREATE INDEX family_card_numbers_current_idx ON family_card_numbers (village_code, no_kk_bidx) WHERE valid_to IS NULL;

-- migration documents (passport, visa, contract numbers) -------------------------------------
ALTER TABLE migration_documents DROP COLUMN number;
ALTER TABLE migration_documents ADD COLUMN number bytea CHECK (is_sealed(number));

-- import files and rejected rows hold whole registers in the clear: sealed too ----------------
UPDATE import_jobs SET file_content = NULL WHERE file_content IS NOT NULL AND status IN ('selesai', 'gagal');
ALTER TABLE import_jobs ADD CONSTRAINT import_jobs_file_sealed CHECK (is_sealed(file_content)) NOT VALID;
ALTER TABLE import_rejects RENAME COLUMN raw TO legacy_raw;
ALTER TABLE import_rejects ALTER COLUMN legacy_raw DROP NOT NULL;
ALTER TABLE import_rejects ADD COLUMN raw bytea CHECK (is_sealed(raw));
ALTER TABLE import_rejects ADD CONSTRAINT import_rejects_raw_sealed CHECK (raw IS NOT NULL AND legacy_raw IS NULL) NOT VALID;

-- The audit log kept identity numbers in its before/after values. It stays append-only for the
-- application; this one-time redaction masks them (first and last four characters), as the
-- application now does for every new entry (apps/server/src/platform/audit.ts).
CREATE FUNCTION mask_identity_json(doc jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  k text;
  v jsonb;
  out jsonb;
BEGIN
  IF doc IS NULL THEN RETURN NULL; END IF;
  IF jsonb_typeof(doc) = 'object' THEN
    out := '{}'::jsonb;
    FOR k, v IN SELECT * FROM jsonb_each(doc) LOOP
      IF jsonb_typeof(v) IN ('string', 'number')
         AND (k IN ('nik', 'noKk', 'no_kk', 'fatherNik', 'father_nik', 'motherNik', 'mother_nik', 'passportNumber',
                    'passport_number', 'kitasNumber', 'kitas_number', 'insuranceNumber', 'insurance_number', 'tagIdCard',
                    'tag_id_card', 'documentNumber') OR (v #>> '{}') ~ '^\d{16}$') THEN
        out := out || jsonb_build_object(k, CASE WHEN length(v #>> '{}') <= 8 THEN repeat('•', length(v #>> '{}'))
          ELSE left(v #>> '{}', 4) || repeat('•', length(v #>> '{}') - 8) || right(v #>> '{}', 4) END);
      ELSE
        out := out || jsonb_build_object(k, mask_identity_json(v));
      END IF;
    END LOOP;
    RETURN out;
  ELSIF jsonb_typeof(doc) = 'array' THEN
    RETURN (SELECT coalesce(jsonb_agg(mask_identity_json(e)), '[]'::jsonb) FROM jsonb_array_elements(doc) e);
  ELSIF jsonb_typeof(doc) = 'string' AND (doc #>> '{}') ~ '^\d{16}$' THEN
    RETURN to_jsonb(left(doc #>> '{}', 4) || repeat('•', 8) || right(doc #>> '{}', 4));
  END IF;
  RETURN doc;
END $$;
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
UPDATE audit_log SET before = mask_identity_json(before), after = mask_identity_json(after)
 WHERE before IS NOT NULL OR after IS NOT NULL;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
DROP FUNCTION mask_identity_json(jsonb);
