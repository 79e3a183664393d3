import type { Queryable } from '@desmigratif/db';

/** An account's two-factor state. The secrets stay sealed here; the service opens them. */
export type TotpRow = {
  totp_secret_enc: Buffer | null;
  totp_enabled_at: Date | null;
  totp_pending_secret_enc: Buffer | null;
  totp_pending_at: Date | null;
  totp_last_step: string | null;
  recovery_codes_left: number;
};

export async function findTotpState(db: Queryable, userId: string, forUpdate = false): Promise<TotpRow | undefined> {
  const { rows } = await db.query<TotpRow>(
    `SELECT totp_secret_enc, totp_enabled_at, totp_pending_secret_enc, totp_pending_at, totp_last_step,
            (SELECT count(*)::int FROM user_recovery_codes c WHERE c.user_id = u.id AND c.used_at IS NULL) AS recovery_codes_left
       FROM users u WHERE u.id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
    [userId],
  );
  return rows[0];
}

export async function setPendingSecret(db: Queryable, userId: string, sealed: Buffer): Promise<void> {
  await db.query(`UPDATE users SET totp_pending_secret_enc = $2, totp_pending_at = now() WHERE id = $1`, [userId, sealed]);
}

/** The pending secret becomes the account's, with the step of the code that confirmed it used up. */
export async function enablePendingSecret(db: Queryable, userId: string, step: number): Promise<void> {
  await db.query(
    `UPDATE users SET totp_secret_enc = totp_pending_secret_enc, totp_enabled_at = now(), totp_last_step = $2,
            totp_pending_secret_enc = NULL, totp_pending_at = NULL
      WHERE id = $1 AND totp_pending_secret_enc IS NOT NULL`,
    [userId, step],
  );
}

/**
 * Records a time step as used, only if it is later than the last one: of two requests with the
 * same code at the same moment, exactly one gets true.
 */
export async function claimTimeStep(db: Queryable, userId: string, step: number): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)`,
    [userId, step],
  );
  return rowCount === 1;
}

/** Switches two-factor off: secrets, pending setup and recovery codes all go. */
export async function clearTotp(db: Queryable, userId: string): Promise<void> {
  await db.query(
    `UPDATE users SET totp_secret_enc = NULL, totp_enabled_at = NULL, totp_pending_secret_enc = NULL, totp_pending_at = NULL,
            totp_last_step = NULL
      WHERE id = $1`,
    [userId],
  );
  await db.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [userId]);
}

export async function replaceRecoveryCodes(db: Queryable, userId: string, hashes: Buffer[]): Promise<void> {
  await db.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [userId]);
  await db.query(`INSERT INTO user_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::bytea[])`, [userId, hashes]);
}

/** Uses up one recovery code; false when it is not one of the account's or was used before. */
export async function useRecoveryCode(db: Queryable, userId: string, hash: Buffer): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE user_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
    [userId, hash],
  );
  return rowCount === 1;
}

