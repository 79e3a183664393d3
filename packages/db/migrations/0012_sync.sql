-- Offline sync (issue 5): the officer's phone pushes its outbox of mutations and pulls the
-- village's changed rows. See apps/server/src/modules/sync/README.md.

-- A device's outbox, owned by the officer who first pushed from it: on a shared phone each
-- officer has their own client id, and one officer can never push another's changes.
CREATE TABLE sync_clients (
  client_id    uuid PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id),
  -- The highest sequence processed (applied, conflicted or rejected); the next must be last_seq + 1.
  last_seq     bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_push_at timestamptz
);
CREATE INDEX sync_clients_user_idx ON sync_clients (user_id);

-- Every processed mutation, keyed by its device-made id so that the same mutation sent
-- again (even under another sequence) is never applied twice.
CREATE TABLE sync_mutations (
  id           uuid PRIMARY KEY,
  client_id    uuid NOT NULL REFERENCES sync_clients (client_id),
  seq          bigint NOT NULL,
  name         text NOT NULL,
  status       text NOT NULL CHECK (status IN ('applied', 'conflict', 'rejected')),
  reason       text,
  -- When the officer made the change on the device.
  made_at      timestamptz NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (client_id, seq)
);

-- An edit made from a stale version that overwrote someone else's value: both values are
-- kept here until a person decides which one stays.
CREATE TABLE sync_conflicts (
  id           uuid PRIMARY KEY,
  village_code text NOT NULL REFERENCES regions (code) CHECK (village_code ~ '^\d{10}$'),
  table_name   text NOT NULL CHECK (table_name IN ('people', 'families', 'migration_services', 'migration_plans',
                 'migration_documents', 'migration_cases', 'migration_placements')),
  record_id    uuid NOT NULL,
  record_label text NOT NULL,
  -- The mutation row is written at the end of the same transaction.
  mutation_id  uuid NOT NULL REFERENCES sync_mutations (id) DEFERRABLE INITIALLY DEFERRED,
  -- [{ field, base, theirs, mine }]
  fields       jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'array'),
  status       text NOT NULL DEFAULT 'terbuka' CHECK (status IN ('terbuka', 'diselesaikan')),
  created_by   uuid NOT NULL REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  resolved_by  uuid REFERENCES users (id),
  resolved_at  timestamptz,
  -- Which value was kept per field: { field: 'mine' | 'theirs' }.
  resolution   jsonb,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  version      bigint NOT NULL DEFAULT nextval('row_version_seq'),
  CHECK ((status = 'diselesaikan') = (resolved_at IS NOT NULL))
);
CREATE TRIGGER sync_conflicts_version BEFORE UPDATE ON sync_conflicts FOR EACH ROW EXECUTE FUNCTION bump_row_version();
CREATE INDEX sync_conflicts_village_idx ON sync_conflicts (village_code, status, created_at DESC);

-- Pull watermark. A row version (row_version_seq) is taken when a transaction writes, but the
-- transaction may commit after one holding a higher version: a cursor "versions > N" would skip
-- that row forever. Instead every synced row records the id of the transaction that last wrote
-- it, and a pull's cursor is the oldest transaction still running when it read
-- (pg_snapshot_xmin): everything below it has finished and was visible to the pull; anything
-- at or above it is read again next time (a few rows twice, never one missed).
CREATE FUNCTION stamp_sync_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.sync_xid := pg_current_xact_id();
  RETURN NEW;
END $$;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['people', 'families', 'migration_services', 'migration_plans', 'migration_documents',
                           'migration_cases', 'migration_placements'] LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN sync_xid xid8 NOT NULL DEFAULT pg_current_xact_id()', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION stamp_sync_xid()',
                   t || '_sync_xid', t);
    EXECUTE format('CREATE INDEX %I ON %I (village_code, sync_xid, id)', t || '_sync_idx', t);
  END LOOP;
END $$;
