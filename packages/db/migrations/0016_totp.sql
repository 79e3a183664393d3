-- Two-factor sign-in (TOTP, RFC 6238), issue 6. Optional for coordinators and the ministry,
-- required for admins (ADMIN_TOTP_REQUIRED). The shared secret is sealed with the keyring
-- (AES-256-GCM, packages/db/src/field-crypto.ts): a dump of the database alone cannot make codes.
ALTER TABLE users
  -- The active secret; set together with totp_enabled_at.
  ADD COLUMN totp_secret_enc bytea,
  ADD COLUMN totp_enabled_at timestamptz,
  -- A secret being set up: shown once as a QR code, active only after a code from it is confirmed.
  ADD COLUMN totp_pending_secret_enc bytea,
  ADD COLUMN totp_pending_at timestamptz,
  -- The last accepted time step (unix time / 30): a code is accepted once, never replayed.
  ADD COLUMN totp_last_step bigint,
  ADD CONSTRAINT users_totp_enabled CHECK ((totp_secret_enc IS NULL) = (totp_enabled_at IS NULL)),
  ADD CONSTRAINT users_totp_pending CHECK ((totp_pending_secret_enc IS NULL) = (totp_pending_at IS NULL));

-- One-time recovery codes for a lost phone. Only SHA-256 hashes are kept (of the account id and
-- the code: the codes are 60 random bits, so a hash cannot be searched back to its code).
CREATE TABLE user_recovery_codes (
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash  bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at    timestamptz,
  PRIMARY KEY (user_id, code_hash)
);
