import type { AccountSession, CreateUserRequest, Role, SessionUser, User } from '@desmigratif/contracts';
import { checkAccountAssignment, isInScope } from '@desmigratif/domain';
import { type Pool, withTransaction } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit.js';
import { clientInfo, hashToken, newToken, toSessionUser } from '../../platform/auth.js';
import { AppError, notFound, validationFailed } from '../../platform/errors.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.js';
import { assertStrongPassword } from './password-policy.js';
import * as repo from './repository.js';
import { checkLoginSecondFactor } from './totp-service.js';

export type LoginSettings = { sessionTtlHours: number; loginMaxFailures: number; loginLockMinutes: number; adminTotpRequired: boolean };

const timeFormat = new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Jakarta' });

const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'Nama pengguna atau kata sandi salah.');

export async function login(
  pool: Pool,
  request: FastifyRequest,
  input: { username: string; password: string; totpCode?: string | undefined; recoveryCode?: string | undefined },
  settings: LoginSettings,
): Promise<{ user: SessionUser; token: string; csrfToken: string; offlineAllowed: boolean }> {
  const row = await repo.findUserByUsername(pool, input.username);
  if (!row) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw invalidCredentials();
  }
  if (row.locked_until && row.locked_until > new Date()) {
    throw new AppError(
      423,
      'ACCOUNT_LOCKED',
      `Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi setelah pukul ${timeFormat.format(row.locked_until)} WIB.`,
    );
  }
  const ok = await verifyPassword(row.password_hash, input.password);
  const audit = { entityType: 'user', entityId: row.id, regionCode: row.scope_code };
  /** Counts a failed attempt towards the lock-out, audits it, and throws what the person sees. */
  const fail = async (error: AppError, reason: string): Promise<never> => {
    const lockedUntil = await withTransaction(pool, async (tx) => {
      const until = await repo.recordFailedLogin(tx, row.id, settings.loginMaxFailures, settings.loginLockMinutes);
      await recordAudit(tx, request, {
        ...audit,
        action: 'login_failed',
        actor: { id: row.id, username: row.username },
        after: { reason, lockedUntil: until },
      });
      return until;
    });
    if (lockedUntil && lockedUntil > new Date()) {
      throw new AppError(
        423,
        'ACCOUNT_LOCKED',
        `Terlalu banyak percobaan gagal. Akun dikunci sampai pukul ${timeFormat.format(lockedUntil)} WIB.`,
      );
    }
    throw error;
  };
  if (!ok) return fail(invalidCredentials(), 'password');
  if (row.disabled_at) throw new AppError(403, 'ACCOUNT_DISABLED', 'Akun ini dinonaktifkan. Hubungi koordinator atau admin.');
  const secondFactor = row.totp_enabled ? await checkLoginSecondFactor(pool, row.id, input, fail) : null;

  const token = newToken();
  const csrfToken = newToken();
  await withTransaction(pool, async (tx) => {
    await repo.recordSuccessfulLogin(tx, row.id);
    await repo.insertSession(tx, {
      tokenHash: hashToken(token),
      userId: row.id,
      csrfToken,
      ttlHours: settings.sessionTtlHours,
      ...clientInfo(request),
    });
    await recordAudit(tx, request, {
      ...audit,
      action: 'login',
      actor: { id: row.id, username: row.username },
      ...(secondFactor ? { after: secondFactor } : {}),
    });
  });
  const user = toSessionUser(row, settings.adminTotpRequired);
  // Offline sign-in checks only the password: an account with a second factor (or one that must
  // set it up) gets no verifier on the phone — such accounts do not work offline in villages.
  return { user, token, csrfToken, offlineAllowed: !row.totp_enabled && !user.totpSetupRequired };
}

export async function logout(pool: Pool, request: FastifyRequest): Promise<void> {
  if (!request.sessionId) return;
  await repo.revokeSession(pool, request.sessionId);
}

export async function listSessions(pool: Pool, request: FastifyRequest, user: SessionUser): Promise<AccountSession[]> {
  return repo.listLiveSessions(pool, user.id, request.sessionId);
}

/**
 * Ends one of the caller's own sessions (a lost phone, a shared computer). Another
 * account's session id answers 404 as if it did not exist. Tells whether it was the
 * session making the request, so the route can clear that browser's cookie too.
 */
export async function revokeSession(pool: Pool, request: FastifyRequest, user: SessionUser, id: string): Promise<{ current: boolean }> {
  return withTransaction(pool, async (tx) => {
    const ended = await repo.revokeOwnSession(tx, user.id, id);
    if (!ended) throw notFound('Sesi');
    await recordAudit(tx, request, {
      action: 'revoke_session',
      entityType: 'session',
      entityId: id,
      regionCode: user.scopeCode,
      before: { userId: user.id, ip: ended.ip, userAgent: ended.userAgent, createdAt: ended.createdAt },
    });
    return { current: ended.tokenHash === request.sessionId };
  });
}

/** "Keluar dari semua perangkat lain": every session of the caller except this one. */
export async function revokeOtherSessions(pool: Pool, request: FastifyRequest, user: SessionUser): Promise<number> {
  return withTransaction(pool, async (tx) => {
    const revoked = await repo.revokeUserSessions(tx, user.id, request.sessionId);
    await recordAudit(tx, request, {
      action: 'revoke_other_sessions',
      entityType: 'user',
      entityId: user.id,
      regionCode: user.scopeCode,
      after: { revoked },
    });
    return revoked;
  });
}

export async function changePassword(
  pool: Pool,
  request: FastifyRequest,
  user: SessionUser,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const row = await repo.findUserById(pool, user.id);
  if (!row) throw notFound('Akun');
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw validationFailed([{ path: 'currentPassword', message: 'Kata sandi lama salah' }], 'Kata sandi lama salah.');
  }
  if (input.currentPassword === input.newPassword) {
    throw validationFailed([{ path: 'newPassword', message: 'Kata sandi baru harus berbeda dari yang lama' }]);
  }
  assertStrongPassword('newPassword', input.newPassword, user);
  const passwordHash = await hashPassword(input.newPassword);
  await withTransaction(pool, async (tx) => {
    await repo.setPassword(tx, user.id, passwordHash, false);
    // Other devices signed in with the old password are signed out.
    await repo.revokeUserSessions(tx, user.id, request.sessionId);
    await recordAudit(tx, request, {
      action: 'change_password',
      entityType: 'user',
      entityId: user.id,
      regionCode: user.scopeCode,
    });
  });
}

async function assertRegionExists(pool: Pool, code: string): Promise<void> {
  if (code === '') return;
  const { rowCount } = await pool.query('SELECT 1 FROM regions WHERE code = $1', [code]);
  if (!rowCount) throw validationFailed([{ path: 'scopeCode', message: 'Kode wilayah tidak terdaftar di Kemendagri' }]);
}

export async function createUser(pool: Pool, request: FastifyRequest, actor: SessionUser, input: CreateUserRequest): Promise<User> {
  const violations = checkAccountAssignment(actor, { role: input.role, scopeCode: input.scopeCode });
  const details = violations.map((v) => ({ path: v.field, message: v.message }));
  if (!isInScope(actor.scopeCode, input.scopeCode)) {
    throw new AppError(403, 'OUT_OF_SCOPE', 'Wilayah akun berada di luar wilayah Anda.', details);
  }
  if (violations.length) throw validationFailed(details);
  await assertRegionExists(pool, input.scopeCode);
  if (await repo.findUserByUsername(pool, input.username)) {
    throw validationFailed([{ path: 'username', message: 'Nama pengguna sudah dipakai' }]);
  }
  assertStrongPassword('password', input.password, input);
  const id = uuidv7();
  const passwordHash = await hashPassword(input.password);
  return withTransaction(pool, async (tx) => {
    await repo.insertUser(tx, {
      id,
      username: input.username,
      fullName: input.fullName,
      role: input.role,
      scopeCode: input.scopeCode,
      phone: input.phone ?? null,
      passwordHash,
      createdBy: actor.id,
    });
    const created = repo.toUser((await repo.findUserById(tx, id))!);
    await recordAudit(tx, request, { action: 'create', entityType: 'user', entityId: id, regionCode: input.scopeCode, after: created });
    return created;
  });
}

/** Loads a user the actor may manage: outside their scope it does not exist for them. */
async function loadManagedUser(db: Pool | Parameters<typeof repo.findUserById>[0], actor: SessionUser, id: string, forUpdate = false) {
  const row = await repo.findUserById(db, id, forUpdate);
  if (!row || !isInScope(actor.scopeCode, row.scope_code)) throw notFound('Akun');
  return row;
}

export async function getUser(pool: Pool, actor: SessionUser, id: string): Promise<User> {
  return repo.toUser(await loadManagedUser(pool, actor, id));
}

export async function updateUser(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  id: string,
  input: { fullName?: string; phone?: string | null; disabled?: boolean; resetPassword?: string },
): Promise<User> {
  let passwordHash: string | null = null;
  if (input.resetPassword) {
    // Checked and hashed before the row lock is taken; the lock re-reads the account below.
    assertStrongPassword('resetPassword', input.resetPassword, await loadManagedUser(pool, actor, id).then(repo.toUser));
    passwordHash = await hashPassword(input.resetPassword);
  }
  return withTransaction(pool, async (tx) => {
    const row = await loadManagedUser(tx, actor, id, true);
    const violations = checkAccountAssignment(actor, { role: row.role, scopeCode: row.scope_code });
    if (violations.length) throw new AppError(403, 'FORBIDDEN', 'Anda tidak berwenang mengubah akun ini.');
    if (id === actor.id && input.disabled) {
      throw validationFailed([{ path: 'disabled', message: 'Anda tidak dapat menonaktifkan akun Anda sendiri' }]);
    }
    const before = repo.toUser(row);
    await repo.updateUserFields(tx, id, input);
    if (passwordHash) {
      await repo.setPassword(tx, id, passwordHash, true);
      await repo.revokeUserSessions(tx, id, null);
    }
    if (input.disabled) await repo.revokeUserSessions(tx, id, null);
    if (passwordHash || input.disabled === false) await repo.clearLockout(tx, id);
    const after = repo.toUser((await repo.findUserById(tx, id))!);
    await recordAudit(tx, request, {
      action: passwordHash ? 'update_reset_password' : 'update',
      entityType: 'user',
      entityId: id,
      regionCode: row.scope_code,
      before,
      after,
    });
    return after;
  });
}

/**
 * A manager signs an account in their scope out everywhere (a stolen phone reported to the
 * district office) without disabling it. Their own account keeps the session they use.
 */
export async function revokeManagedUserSessions(pool: Pool, request: FastifyRequest, actor: SessionUser, id: string): Promise<number> {
  return withTransaction(pool, async (tx) => {
    const row = await loadManagedUser(tx, actor, id, true);
    if (checkAccountAssignment(actor, { role: row.role, scopeCode: row.scope_code }).length) {
      throw new AppError(403, 'FORBIDDEN', 'Anda tidak berwenang mengubah akun ini.');
    }
    const revoked = await repo.revokeUserSessions(tx, id, id === actor.id ? request.sessionId : null);
    await recordAudit(tx, request, {
      action: 'revoke_sessions',
      entityType: 'user',
      entityId: id,
      regionCode: row.scope_code,
      after: { revoked },
    });
    return revoked;
  });
}

export async function listUsers(
  pool: Pool,
  scope: string,
  query: { q?: string; role?: Role; page: number; pageSize: number },
): Promise<{ items: User[]; total: number; page: number; pageSize: number }> {
  const { rows, total } = await repo.listUsers(pool, { scope, ...query });
  return { items: rows.map(repo.toUser), total, page: query.page, pageSize: query.pageSize };
}
