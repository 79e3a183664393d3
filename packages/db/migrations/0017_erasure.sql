-- Erasure that erases (issue 6). An erasure request is closed by erasing the data the person
-- chose among what the programme holds on consent; the request keeps what was erased
-- (categories and counts, never the content). Scan files are removed from disk after the
-- commit: their storage ids wait in erasure_files until they are gone, so a crash in between
-- leaves a list to finish rather than orphaned files.
ALTER TABLE data_subject_requests
  ADD COLUMN erasure       jsonb,
  ADD COLUMN erasure_files text[],
  ADD CONSTRAINT data_subject_requests_erasure_kind CHECK (erasure IS NULL OR kind = 'penghapusan'),
  ADD CONSTRAINT data_subject_requests_erasure_closed CHECK (erasure IS NULL OR status = 'selesai');
