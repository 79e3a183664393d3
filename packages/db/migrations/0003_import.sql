-- Import jobs run in the background on any server process (apps/server/src/platform/jobs.ts).
-- A job left 'berjalan' by a process that died is taken up again; `attempts` stops a file
-- that crashes the process every time from being retried for ever.
ALTER TABLE import_jobs ADD COLUMN attempts smallint NOT NULL DEFAULT 0;

-- The runner's poll: the few jobs waiting or left running, oldest first.
CREATE INDEX import_jobs_pending_idx ON import_jobs (created_at) WHERE status IN ('antri', 'berjalan');
