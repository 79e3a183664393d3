-- Registry list filters measured on 20,000 residents in a village and 200,000 in a regency
-- (docs/benchmarks.md, registry suite): each filter gets an index that also yields the
-- list's name order, so a page is an index range scan, not a read of the whole village.
CREATE INDEX people_village_status_name_idx ON people (village_code, migrant_status, name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX people_village_dusun_name_idx ON people (village_code, lower(dusun), name_key, id) WHERE deleted_at IS NULL;
-- The cluster's collation may not be C: a NIK prefix search needs the pattern operator class.
CREATE INDEX people_village_nik_pattern_idx ON people (village_code, nik text_pattern_ops) WHERE deleted_at IS NULL;
-- The families list walks heads in name order and finds each head's family.
CREATE INDEX families_head_idx ON families (head_person_id) WHERE deleted_at IS NULL;
