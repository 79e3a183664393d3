-- Follow-ups of the service log: a visit with a follow-up date stays on the officer's
-- home until someone marks it done (who and when are kept; the visit itself is unchanged).
ALTER TABLE migration_services
  ADD COLUMN follow_up_done_at timestamptz,
  ADD COLUMN follow_up_done_by uuid REFERENCES users (id);

-- The officer's home asks "what follow-ups are due by today in my village".
CREATE INDEX migration_services_follow_up_due_idx
  ON migration_services (village_code, follow_up_date)
  WHERE follow_up_date IS NOT NULL AND follow_up_done_at IS NULL;
