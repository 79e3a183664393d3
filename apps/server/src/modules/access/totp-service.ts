import { type Role, type SessionUser, type TotpStatus, totpRoles, type User } from '@desmigratif/contracts';
import { checkAccountAssignment, isInScope } from '@desmigratif/domain';
import { keyring, type Pool, withTransaction } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound, validationFailed } from '../../platform/errors.js';
import { verifyPassword } from './password.js';
import * as repo from './repository.js';
import { acceptTotpCode, newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpUri } from './totp.js';
import * as totpRepo from './totp-repository.js';

/**
 * Two-factor sign-in: setting it up (a pending secret, active once a code from it is confirmed),
 * recovery codes, switching it off, a manager's reset, and the second step of a login.
 * Every change is audited; the secret never leaves the server after the setup screen.
 */

type Queryable = Parameters<typeof totpRepo.findTotpState>[0];
type SecondFactorInput = { totpCode?: string | undefined; recoveryCode?: string | undefined };
export type SecondFactorUsed = { secondFactor: 'totp' } | { secondFactor: 'recovery_code'; recoveryCodesLeft: number };

/** A setup not confirmed within this time starts again (the QR code was shown long ago). */
const PENDING_MINUTES = 30;

const mayUseTotp = (role: Role) => (totpRoles as readonly Role[]).includes(role);

export const totpRoleRefusal = 'Verifikasi dua langkah hanya tersedia untuk akun koordinator kabupaten, kementerian dan admin.';

/** The routes refuse other roles already; the service keeps the rule for any other caller. */
function assertTotpRole(user: SessionUser): void {
  if (!mayUseTotp(user.role)) throw new AppError(403, 'FORBIDDEN', totpRoleRefusal);
}

const lastStepOf = (state: totpRepo.TotpRow) => (state.totp_last_step === null ? null : Number(state.totp_last_step));

async function loadState(db: Queryable, userId: string, forUpdate = false): Promise<totpRepo.TotpRow> {
  const state = await totpRepo.findTotpState(db, userId, forUpdate);
  if (!state) throw notFound('Akun');
  return state;
}

const isRequiredFor = (role: Role, adminTotpRequired: boolean) => adminTotpRequired && role === 'admin';

export async function totpStatus(pool: Pool, user: SessionUser, adminTotpRequired: boolean): Promise<TotpStatus> {
  const state = await loadState(pool, user.id);
  return {
    allowed: mayUseTotp(user.role),
    enabled: state.totp_enabled_at !== null,
    enabledAt: state.totp_enabled_at?.toISOString() ?? null,
    required: isRequiredFor(user.role, adminTotpRequired),
    recoveryCodesLeft: state.recovery_codes_left,
  };
}

/** Step 1: a new secret, kept pending (sealed) until a code from it proves the app has it. */
export async function startSetup(
  pool: Pool,
  request: FastifyRequest,
  user: SessionUser,
): Promise<{ secret: string; otpauthUri: string; qrDataUrl: string }> {
  assertTotpRole(user);
  const secret = newTotpSecret();
  await withTransaction(pool, async (tx) => {
    const state = await loadState(tx, user.id, true);
    if (state.totp_enabled_at) {
      throw new AppError(409, 'TOTP_ALREADY_ENABLED', 'Verifikasi dua langkah sudah aktif. Matikan dulu bila ingin memasang di ponsel lain.');
    }
    await totpRepo.setPendingSecret(tx, user.id, keyring().seal(secret));
    await recordAudit(tx, request, { action: 'totp_setup_start', entityType: 'user', entityId: user.id, regionCode: user.scopeCode });
  });
  const otpauthUri = totpUri(secret, user.username);
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

async function issueRecoveryCodes(db: Queryable, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await totpRepo.replaceRecoveryCodes(db, userId, codes.map((c) => recoveryCodeHash(userId, c)));
  return codes;
}

/**
 * Step 2: a code from the pending secret switches two-factor on and returns the recovery codes,
 * once. Sessions on other devices (signed in with the password alone) are ended.
 */
export async function confirmSetup(pool: Pool, request: FastifyRequest, user: SessionUser, code: string): Promise<string[]> {
  assertTotpRole(user);
  return withTransaction(pool, async (tx) => {
    const state = await loadState(tx, user.id, true);
    if (state.totp_enabled_at) throw new AppError(409, 'TOTP_ALREADY_ENABLED', 'Verifikasi dua langkah sudah aktif.');
    const pendingFresh = state.totp_pending_at && Date.now() - state.totp_pending_at.getTime() < PENDING_MINUTES * 60_000;
    if (!state.totp_pending_secret_enc || !pendingFresh) {
      throw new AppError(409, 'TOTP_SETUP_NOT_STARTED', 'Mulai pemasangan lagi: kode QR belum dibuat atau sudah lebih dari 30 menit.');
    }
    const step = acceptTotpCode(keyring().open(state.totp_pending_secret_enc), code, lastStepOf(state));
    if (step === null) {
      throw new AppError(400, 'TOTP_INVALID', 'Kode salah. Pastikan jam ponsel tepat, lalu masukkan kode yang sedang tampil di aplikasi.', [
        { path: 'code', message: 'Kode salah' },
      ]);
    }
    await totpRepo.enablePendingSecret(tx, user.id, step);
    const codes = await issueRecoveryCodes(tx, user.id);
    const revoked = await repo.revokeUserSessions(tx, user.id, request.sessionId);
    await recordAudit(tx, request, {
      action: 'totp_enable',
      entityType: 'user',
      entityId: user.id,
      regionCode: user.scopeCode,
      after: { totpEnabled: true, recoveryCodes: codes.length, otherSessionsEnded: revoked },
    });
    return codes;
  });
}

/**
 * The account's own password and second factor, before switching it off or replacing the
 * recovery codes: a session left open on a shared computer is not enough.
 */
async function reauthenticate(
  tx: Queryable,
  user: SessionUser,
  state: totpRepo.TotpRow,
  input: SecondFactorInput & { password: string },
): Promise<SecondFactorUsed> {
  const row = await repo.findUserById(tx, user.id);
  if (!row || !(await verifyPassword(row.password_hash, input.password))) {
    throw validationFailed([{ path: 'password', message: 'Kata sandi salah' }], 'Kata sandi salah.');
  }
  const used = await useSecondFactor(tx, user.id, state, input);
  if (!used) {
    const path = input.totpCode !== undefined ? 'totpCode' : 'recoveryCode';
    throw new AppError(400, 'TOTP_INVALID', 'Kode verifikasi salah atau sudah dipakai.', [{ path, message: 'Kode salah atau sudah dipakai' }]);
  }
  return used;
}

/** Checks and uses up a code from the app (its time step) or a recovery code; null when neither holds. */
async function useSecondFactor(db: Queryable, userId: string, state: totpRepo.TotpRow, input: SecondFactorInput): Promise<SecondFactorUsed | null> {
  if (input.totpCode !== undefined) {
    if (!state.totp_secret_enc) return null;
    const step = acceptTotpCode(keyring().open(state.totp_secret_enc), input.totpCode, lastStepOf(state));
    return step !== null && (await totpRepo.claimTimeStep(db, userId, step)) ? { secondFactor: 'totp' } : null;
  }
  if (input.recoveryCode !== undefined && (await totpRepo.useRecoveryCode(db, userId, recoveryCodeHash(userId, input.recoveryCode)))) {
    return { secondFactor: 'recovery_code', recoveryCodesLeft: state.recovery_codes_left - 1 };
  }
  return null;
}

const notEnabled = () => new AppError(409, 'TOTP_NOT_ENABLED', 'Verifikasi dua langkah belum aktif untuk akun ini.');

export async function disable(
  pool: Pool,
  request: FastifyRequest,
  user: SessionUser,
  input: SecondFactorInput & { password: string },
  adminTotpRequired: boolean,
): Promise<void> {
  await withTransaction(pool, async (tx) => {
    const state = await loadState(tx, user.id, true);
    if (!state.totp_enabled_at) throw notEnabled();
    if (isRequiredFor(user.role, adminTotpRequired)) {
      throw new AppError(409, 'TOTP_REQUIRED_FOR_ROLE', 'Akun admin wajib memakai verifikasi dua langkah; tidak dapat dimatikan.');
    }
    const used = await reauthenticate(tx, user, state, input);
    await totpRepo.clearTotp(tx, user.id);
    await recordAudit(tx, request, {
      action: 'totp_disable',
      entityType: 'user',
      entityId: user.id,
      regionCode: user.scopeCode,
      before: { totpEnabled: true },
      after: { totpEnabled: false, confirmedWith: used.secondFactor },
    });
  });
}

/** New recovery codes (the old ones stop working), shown once. */
export async function regenerateRecoveryCodes(
  pool: Pool,
  request: FastifyRequest,
  user: SessionUser,
  input: SecondFactorInput & { password: string },
): Promise<string[]> {
  return withTransaction(pool, async (tx) => {
    const state = await loadState(tx, user.id, true);
    if (!state.totp_enabled_at) throw notEnabled();
    const used = await reauthenticate(tx, user, state, input);
    const codes = await issueRecoveryCodes(tx, user.id);
    await recordAudit(tx, request, {
      action: 'totp_recovery_codes',
      entityType: 'user',
      entityId: user.id,
      regionCode: user.scopeCode,
      after: { recoveryCodes: codes.length, confirmedWith: used.secondFactor },
    });
    return codes;
  });
}

/**
 * A manager switches off the two-factor sign-in of an account in their scope whose phone and
 * recovery codes are lost; the account is signed out everywhere and sets it up again. Not for
 * the manager's own account (that goes through the password and a code).
 */
export async function resetForAccount(pool: Pool, request: FastifyRequest, actor: SessionUser, id: string): Promise<User> {
  if (id === actor.id) {
    throw new AppError(403, 'FORBIDDEN', 'Matikan verifikasi dua langkah akun Anda sendiri dari halaman Keamanan akun.');
  }
  return withTransaction(pool, async (tx) => {
    const row = await repo.findUserById(tx, id, true);
    if (!row || !isInScope(actor.scopeCode, row.scope_code) || checkAccountAssignment(actor, { role: row.role, scopeCode: row.scope_code }).length) {
      // Outside the manager's scope or above their role: as if it did not exist.
      throw notFound('Akun');
    }
    if (!row.totp_enabled) throw notEnabled();
    await totpRepo.clearTotp(tx, id);
    const revoked = await repo.revokeUserSessions(tx, id, null);
    await recordAudit(tx, request, {
      action: 'totp_reset',
      entityType: 'user',
      entityId: id,
      regionCode: row.scope_code,
      before: { totpEnabled: true },
      after: { totpEnabled: false, sessionsEnded: revoked },
    });
    return repo.toUser((await repo.findUserById(tx, id))!);
  });
}

/**
 * The second step of a login for an account with two-factor sign-in, after the password was
 * right. Nothing sent: 401 TOTP_REQUIRED (not a failed attempt — the web asks for the code).
 * A wrong, old or replayed code is a failed attempt (`fail` counts it towards the lock-out).
 */
export async function checkLoginSecondFactor(
  pool: Pool,
  userId: string,
  input: SecondFactorInput,
  fail: (error: AppError, reason: string) => Promise<never>,
): Promise<SecondFactorUsed> {
  if (input.totpCode === undefined && input.recoveryCode === undefined) {
    throw new AppError(401, 'TOTP_REQUIRED', 'Masukkan kode 6 angka dari aplikasi autentikator.');
  }
  const state = await loadState(pool, userId);
  const used = await useSecondFactor(pool, userId, state, input);
  if (used) return used;
  return input.totpCode !== undefined
    ? fail(new AppError(401, 'TOTP_INVALID', 'Kode verifikasi salah atau sudah dipakai. Masukkan kode terbaru dari aplikasi autentikator.'), 'totp')
    : fail(new AppError(401, 'TOTP_INVALID', 'Kode pemulihan salah atau sudah pernah dipakai.'), 'recovery_code');
}
