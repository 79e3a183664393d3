-- Account hardening, issue 6: a session gets a public id, so that its owner can list and end
-- it without the token hash (the key that finds the session) ever leaving the server.
ALTER TABLE sessions ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX sessions_id_idx ON sessions (id);
