import type { AccountSession, Role, User } from '@desmigratif/contracts';
import type { Queryable } from '@desmigratif/db';
import { v7 as uuidv7 } from 'uuid';

export type UserRow = {
  id: string;
  username: string;
  full_name: string;
  role: Role;
  scope_code: string;
  scope_name: string | null;
  phone: string | null;
  password_hash: string;
  must_change_password: boolean;
  disabled_at: Date | null;
  failed_login_count: number;
  locked_until: Date | null;
  last_login_at: Date | null;
  created_at: Date;
  totp_enabled: boolean;
};

const userColumns = `u.id, u.username, u.full_name, u.role, u.scope_code, u.phone, u.password_hash,
  u.must_change_password, u.disabled_at, u.failed_login_count, u.locked_until, u.last_login_at, u.created_at,
  u.totp_enabled_at IS NOT NULL AS totp_enabled,
  CASE WHEN u.scope_code = '' THEN 'Indonesia' ELSE r.name END AS scope_name`;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    scopeCode: row.scope_code,
    scopeName: row.scope_name ?? row.scope_code,
    phone: row.phone,
    disabled: row.disabled_at !== null,
    mustChangePassword: row.must_change_password,
    lockedUntil: row.locked_until && row.locked_until > new Date() ? row.locked_until.toISOString() : null,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    totpEnabled: row.totp_enabled,
  };
}

export async function findUserByUsername(db: Queryable, username: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(
    `SELECT ${userColumns} FROM users u LEFT JOIN regions r ON r.code = u.scope_code WHERE u.username = $1`,
    [username],
  );
  return rows[0];
}

export async function findUserById(db: Queryable, id: string, forUpdate = false): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(
    `SELECT ${userColumns} FROM users u LEFT JOIN regions r ON r.code = u.scope_code WHERE u.id = $1
     ${forUpdate ? 'FOR UPDATE OF u' : ''}`,
    [id],
  );
  return rows[0];
}

export async function recordFailedLogin(db: Queryable, id: string, maxFailures: number, lockMinutes: number): Promise<Date | null> {
  const { rows } = await db.query<{ locked_until: Date | null }>(
    `UPDATE users SET
        failed_login_count = CASE WHEN failed_login_count + 1 >= $2 THEN 0 ELSE failed_login_count + 1 END,
        locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
      WHERE id = $1 RETURNING locked_until`,
    [id, maxFailures, lockMinutes],
  );
  return rows[0]?.locked_until ?? null;
}

export async function recordSuccessfulLogin(db: Queryable, id: string): Promise<void> {
  await db.query(`UPDATE users SET failed_login_count = 0, locked_until = NULL, last_login_at = now() WHERE id = $1`, [id]);
}

export async function insertSession(
  db: Queryable,
  s: { tokenHash: string; userId: string; csrfToken: string; ttlHours: number; ip: string; userAgent: string | null },
): Promise<void> {
  await db.query(
    `INSERT INTO sessions (id, token_hash, user_id, csrf_token, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5), $6, $7)`,
    [uuidv7(), s.tokenHash, s.userId, s.csrfToken, s.ttlHours, s.ip, s.userAgent],
  );
}

type SessionRow = {
  id: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
  current: boolean;
};

const liveSession = `revoked_at IS NULL AND expires_at > now()`;

/** The account's sessions still usable, the newest activity first; `current` marks the caller's own. */
export async function listLiveSessions(db: Queryable, userId: string, currentTokenHash: string | null): Promise<AccountSession[]> {
  const { rows } = await db.query<SessionRow>(
    `SELECT id, created_at, last_seen_at, expires_at, ip, user_agent, token_hash = $2 AS current
       FROM sessions WHERE user_id = $1 AND ${liveSession}
      ORDER BY last_seen_at DESC, created_at DESC`,
    [userId, currentTokenHash],
  );
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at.toISOString(),
    lastSeenAt: r.last_seen_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    ip: r.ip,
    userAgent: r.user_agent,
    current: r.current === true,
  }));
}

/** Ends one live session of the account; undefined when it has none by that id. */
export async function revokeOwnSession(
  db: Queryable,
  userId: string,
  id: string,
): Promise<{ tokenHash: string; ip: string | null; userAgent: string | null; createdAt: string } | undefined> {
  const { rows } = await db.query<{ token_hash: string; ip: string | null; user_agent: string | null; created_at: Date }>(
    `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND id = $2 AND ${liveSession}
     RETURNING token_hash, ip, user_agent, created_at`,
    [userId, id],
  );
  const row = rows[0];
  return row && { tokenHash: row.token_hash, ip: row.ip, userAgent: row.user_agent, createdAt: row.created_at.toISOString() };
}

export async function revokeSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [tokenHash]);
}

/** Ends every live session of the account but the one given; returns how many were ended. */
export async function revokeUserSessions(db: Queryable, userId: string, exceptTokenHash: string | null): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND ${liveSession} AND token_hash IS DISTINCT FROM $2`,
    [userId, exceptTokenHash],
  );
  return rowCount ?? 0;
}

export async function setPassword(db: Queryable, id: string, passwordHash: string, mustChange: boolean): Promise<void> {
  await db.query(`UPDATE users SET password_hash = $2, must_change_password = $3 WHERE id = $1`, [id, passwordHash, mustChange]);
}

export async function insertUser(
  db: Queryable,
  u: { id: string; username: string; fullName: string; role: Role; scopeCode: string; phone: string | null; passwordHash: string; createdBy: string },
): Promise<void> {
  await db.query(
    `INSERT INTO users (id, username, full_name, role, scope_code, phone, password_hash, must_change_password, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8)`,
    [u.id, u.username, u.fullName, u.role, u.scopeCode, u.phone, u.passwordHash, u.createdBy],
  );
}

export async function updateUserFields(
  db: Queryable,
  id: string,
  fields: { fullName?: string; phone?: string | null; disabled?: boolean },
): Promise<void> {
  await db.query(
    `UPDATE users SET
        full_name = COALESCE($2, full_name),
        phone = CASE WHEN $3::boolean THEN $4 ELSE phone END,
        disabled_at = CASE WHEN $5::boolean IS NULL THEN disabled_at WHEN $5 THEN COALESCE(disabled_at, now()) ELSE NULL END
      WHERE id = $1`,
    [id, fields.fullName ?? null, fields.phone !== undefined, fields.phone ?? null, fields.disabled ?? null],
  );
}

export async function listUsers(
  db: Queryable,
  f: { scope: string; q?: string; role?: Role; page: number; pageSize: number },
): Promise<{ rows: UserRow[]; total: number }> {
  const where = [`u.scope_code LIKE $1 || '%'`];
  const params: unknown[] = [f.scope];
  if (f.q) {
    params.push(`%${f.q.toLowerCase()}%`);
    where.push(`(u.username LIKE $${params.length} OR lower(u.full_name) LIKE $${params.length})`);
  }
  if (f.role) {
    params.push(f.role);
    where.push(`u.role = $${params.length}`);
  }
  const whereSql = where.join(' AND ');
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users u WHERE ${whereSql}`, params);
  params.push(f.pageSize, (f.page - 1) * f.pageSize);
  const { rows } = await db.query<UserRow>(
    `SELECT ${userColumns} FROM users u LEFT JOIN regions r ON r.code = u.scope_code
      WHERE ${whereSql} ORDER BY u.scope_code, u.username LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { rows, total: total.rows[0]?.n ?? 0 };
}

/** An admin's reset or re-enable also lifts a lock-out: the person is known again. */
export async function clearLockout(db: Queryable, id: string): Promise<void> {
  await db.query(`UPDATE users SET failed_login_count = 0, locked_until = NULL WHERE id = $1`, [id]);
}
