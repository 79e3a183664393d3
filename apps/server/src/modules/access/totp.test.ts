import { DEMO_PASSWORD, DEMO_TOTP_SECRET, keyring } from '@desmigratif/db';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.js';
import { type Session, useTestApp } from '../../test/support.js';
import { totpCodeAt } from './totp.js';
import { claimTimeStep } from './totp-repository.js';

// The production rule: admins must use two-factor sign-in. Three failures lock an account here.
const t = useTestApp({ adminTotpRequired: true, loginMaxFailures: 3 });

const now = () => Date.now() / 1000;
/** The code an authenticator app shows now (or `steps` periods away). */
const codeOf = (secret: string, steps = 0) => totpCodeAt(secret, now() + steps * 30);
/** A six-digit code that is none of the codes accepted right now (±1 step). */
function wrongCodeOf(secret: string): string {
  const accepted = new Set([-1, 0, 1, 2].map((s) => codeOf(secret, s)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!accepted.has(code)) return code;
  }
}

function sessionOf(res: LightMyRequestResponse): Session {
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const { csrfToken } = res.json() as { csrfToken: string };
  return { cookie, csrfToken, request: (options) => t.app.inject({ ...options, headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) } }) };
}

const loginRequest = (payload: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { password: DEMO_PASSWORD, ...payload } });

/** Tests sign in several times within one 30-second step: forget the account's last used step. */
const forgetLastStep = (username: string) => t.pool.query(`UPDATE users SET totp_last_step = NULL WHERE username = $1`, [username]);

async function auditActions(username: string): Promise<Array<{ action: string; actor_username: string | null; after: unknown }>> {
  const { rows } = await t.pool.query(
    `SELECT a.action, a.actor_username, a.after FROM audit_log a JOIN users u ON u.id::text = a.entity_id
      WHERE u.username = $1 AND a.action LIKE 'totp%' ORDER BY a.id`,
    [username],
  );
  return rows;
}

const secretOf = (sealed: Buffer) => keyring().open(sealed);

/** Signs in an account with two-factor on, its secret read (and opened) from the database. */
async function signInWithCode(username: string): Promise<{ session: Session; secret: string }> {
  await forgetLastStep(username);
  const secret = secretOf((await t.pool.query(`SELECT totp_secret_enc FROM users WHERE username = $1`, [username])).rows[0].totp_secret_enc);
  return { session: sessionOf(await loginRequest({ username, totpCode: codeOf(secret) })), secret };
}

/** Sets two-factor up for a demo account through the routes; its secret and recovery codes. */
async function enable(session: Session): Promise<{ secret: string; codes: string[] }> {
  const setup = await session.request({ method: 'POST', url: '/api/v1/auth/totp/setup' });
  expect(setup.statusCode, setup.body).toBe(200);
  const { secret } = setup.json();
  const confirmed = await session.request({ method: 'POST', url: '/api/v1/auth/totp/confirm', payload: { code: codeOf(secret) } });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { secret, codes: confirmed.json().codes };
}

describe('who may use two-factor sign-in', () => {
  it('refuses village roles and partner ministries, in Indonesian', async () => {
    for (const username of ['petugas.kenanga', 'kades.kenanga', 'mitra.kemenkes']) {
      const session = await t.login(username);
      const status = await session.request({ method: 'GET', url: '/api/v1/auth/totp' });
      expect(status.json()).toEqual({ allowed: false, enabled: false, enabledAt: null, required: false, recoveryCodesLeft: 0 });
      const setup = await session.request({ method: 'POST', url: '/api/v1/auth/totp/setup' });
      expect(setup.statusCode, username).toBe(403);
      expect(setup.json().error.message).toBe('Verifikasi dua langkah hanya tersedia untuk akun koordinator kabupaten, kementerian dan admin.');
    }
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM users WHERE totp_pending_secret_enc IS NOT NULL`);
    expect(rows[0].n).toBe(0);
  });
});

describe('setting it up', () => {
  it('shows a QR code and the secret, keeps it sealed, and switches on only with a right code', async () => {
    const session = await t.login('kemnaker');
    const other = await t.login('kemnaker');
    const setup = await session.request({ method: 'POST', url: '/api/v1/auth/totp/setup' });
    expect(setup.statusCode, setup.body).toBe(200);
    const { secret, otpauthUri, qrDataUrl } = setup.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toBe(`otpauth://totp/Desmigratif:kemnaker?secret=${secret}&issuer=Desmigratif`);
    expect(qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qrDataUrl.split(',')[1], 'base64').toString()).toContain('<svg');

    // Not on yet: signing in still needs the password only.
    expect((await loginRequest({ username: 'kemnaker' })).statusCode).toBe(200);
    const pending = await t.pool.query(`SELECT totp_pending_secret_enc, totp_secret_enc FROM users WHERE username = 'kemnaker'`);
    expect(pending.rows[0].totp_secret_enc).toBeNull();
    expect(pending.rows[0].totp_pending_secret_enc.toString('latin1')).not.toContain(secret);
    expect(keyring().open(pending.rows[0].totp_pending_secret_enc)).toBe(secret);

    const wrong = await session.request({ method: 'POST', url: '/api/v1/auth/totp/confirm', payload: { code: wrongCodeOf(secret) } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('TOTP_INVALID');
    const malformed = await session.request({ method: 'POST', url: '/api/v1/auth/totp/confirm', payload: { code: '12ab56' } });
    expect(malformed.json().error.details).toEqual([{ path: 'code', message: 'Kode harus 6 angka dari aplikasi autentikator' }]);

    const confirmed = await session.request({ method: 'POST', url: '/api/v1/auth/totp/confirm', payload: { code: codeOf(secret) } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { codes } = confirmed.json();
    expect(codes).toHaveLength(8);

    // The secret and the recovery codes are nowhere in plain text.
    const stored = await t.pool.query(
      `SELECT u.totp_secret_enc, u.totp_pending_secret_enc, u.totp_enabled_at, c.code_hash
         FROM users u JOIN user_recovery_codes c ON c.user_id = u.id WHERE u.username = 'kemnaker'`,
    );
    expect(stored.rows).toHaveLength(8);
    const sealed: Buffer = stored.rows[0].totp_secret_enc;
    expect(sealed.toString('latin1')).not.toContain(secret);
    expect(sealed.toString('latin1')).not.toContain(Buffer.from(secret, 'ascii').toString('hex'));
    expect(keyring().open(sealed)).toBe(secret);
    expect(stored.rows[0].totp_pending_secret_enc).toBeNull();
    const dump = JSON.stringify(stored.rows.map((r) => (r.code_hash as Buffer).toString('latin1') + (r.code_hash as Buffer).toString('hex')));
    for (const code of codes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replace(/-/g, ''));
    }

    // Enabling ends the sessions signed in with the password alone elsewhere; this one stays.
    expect((await other.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await session.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    const status = (await session.request({ method: 'GET', url: '/api/v1/auth/totp' })).json();
    expect(status).toMatchObject({ allowed: true, enabled: true, required: false, recoveryCodesLeft: 8 });

    const again = await session.request({ method: 'POST', url: '/api/v1/auth/totp/setup' });
    expect(again.statusCode).toBe(409);
    expect(await auditActions('kemnaker')).toEqual([
      { action: 'totp_setup_start', actor_username: 'kemnaker', after: null },
      { action: 'totp_enable', actor_username: 'kemnaker', after: { totpEnabled: true, recoveryCodes: 8, otherSessionsEnded: 2 } },
    ]);
  });

  it('refuses to confirm without a setup started', async () => {
    const session = await t.login('disnaker.wonosobo');
    const res = await session.request({ method: 'POST', url: '/api/v1/auth/totp/confirm', payload: { code: '123456' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('TOTP_SETUP_NOT_STARTED');
  });
});

describe('signing in with two-factor', () => {
  it('asks for the code, counts a wrong one as a failed attempt, and takes each code once', async () => {
    const { secret } = await enable(await t.login('disnaker.indramayu'));
    await forgetLastStep('disnaker.indramayu');

    const noCode = await loginRequest({ username: 'disnaker.indramayu' });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error).toMatchObject({ code: 'TOTP_REQUIRED', message: 'Masukkan kode 6 angka dari aplikasi autentikator.' });
    expect(noCode.cookies).toHaveLength(0);
    // A wrong password stays a wrong password: the code is asked only after the password is right.
    const badPassword = await loginRequest({ username: 'disnaker.indramayu', password: 'salah-sekali' });
    expect(badPassword.json().error.code).toBe('INVALID_CREDENTIALS');

    const wrong = await loginRequest({ username: 'disnaker.indramayu', totpCode: wrongCodeOf(secret) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('TOTP_INVALID');
    const failures = await t.pool.query(`SELECT failed_login_count FROM users WHERE username = 'disnaker.indramayu'`);
    expect(failures.rows[0].failed_login_count).toBe(2);

    const code = codeOf(secret);
    const ok = await loginRequest({ username: 'disnaker.indramayu', totpCode: code });
    expect(ok.statusCode, ok.body).toBe(200);
    // No verifier for offline sign-in: the phone could only check the password.
    expect(ok.json().offlineLoginDays).toBe(0);
    expect(ok.json().user.totpSetupRequired).toBe(false);

    const replay = await loginRequest({ username: 'disnaker.indramayu', totpCode: code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('TOTP_INVALID');
    // The next step's code (a phone clock a little ahead) is still taken.
    const next = await loginRequest({ username: 'disnaker.indramayu', totpCode: codeOf(secret, 1) });
    expect(next.statusCode, next.body).toBe(200);

    const { rows } = await t.pool.query(
      `SELECT action, after FROM audit_log WHERE entity_id = (SELECT id::text FROM users WHERE username = 'disnaker.indramayu')
          AND action IN ('login', 'login_failed') ORDER BY id`,
    );
    expect(rows.slice(-5).map((r) => [r.action, r.after?.reason ?? r.after?.secondFactor])).toEqual([
      ['login_failed', 'password'],
      ['login_failed', 'totp'],
      ['login', 'totp'],
      ['login_failed', 'totp'],
      ['login', 'totp'],
    ]);
  });

  it('takes a code once even when two sign-ins send it at the same moment', async () => {
    const { secret } = await signInWithCode('disnaker.indramayu');
    await forgetLastStep('disnaker.indramayu');
    const code = codeOf(secret);
    const answers = await Promise.all([1, 2, 3].map(() => loginRequest({ username: 'disnaker.indramayu', totpCode: code })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401, 401]);
    await t.pool.query(`UPDATE users SET failed_login_count = 0 WHERE username = 'disnaker.indramayu'`);
    // What makes that hold when both requests checked the code before either used it: the step
    // is claimed by one conditional UPDATE, which only a later step passes.
    const { rows } = await t.pool.query(`SELECT id, totp_last_step FROM users WHERE username = 'disnaker.indramayu'`);
    const step = Number(rows[0].totp_last_step) + 10;
    const claims = await Promise.all([claimTimeStep(t.pool, rows[0].id, step), claimTimeStep(t.pool, rows[0].id, step)]);
    expect(claims.sort()).toEqual([false, true]);
    expect(await claimTimeStep(t.pool, rows[0].id, step - 1)).toBe(false);
    expect(await claimTimeStep(t.pool, rows[0].id, step + 1)).toBe(true);
    await forgetLastStep('disnaker.indramayu');
  });

  it('locks the account after too many wrong codes', async () => {
    const { secret } = await enable(await t.login('disnaker.wonosobo'));
    for (let i = 0; i < 2; i++) expect((await loginRequest({ username: 'disnaker.wonosobo', totpCode: wrongCodeOf(secret) })).statusCode).toBe(401);
    const third = await loginRequest({ username: 'disnaker.wonosobo', totpCode: wrongCodeOf(secret) });
    expect(third.statusCode).toBe(423);
    expect(third.json().error.code).toBe('ACCOUNT_LOCKED');
    // Locked: even the right code waits.
    expect((await loginRequest({ username: 'disnaker.wonosobo', totpCode: codeOf(secret) })).statusCode).toBe(423);
    await t.pool.query(`UPDATE users SET locked_until = NULL, failed_login_count = 0 WHERE username = 'disnaker.wonosobo'`);
  });

  it('takes a recovery code instead, once', async () => {
    const { rows } = await t.pool.query(`SELECT totp_enabled_at FROM users WHERE username = 'disnaker.indramayu'`);
    expect(rows[0].totp_enabled_at).not.toBeNull();
    // Codes from a fresh set, so this test does not depend on the one above.
    const { session, secret } = await signInWithCode('disnaker.indramayu');
    const fresh = await session.request({
      method: 'POST',
      url: '/api/v1/auth/totp/recovery-codes',
      payload: { password: DEMO_PASSWORD, totpCode: codeOf(secret, 1) },
    });
    expect(fresh.statusCode, fresh.body).toBe(200);
    const codes: string[] = fresh.json().codes;

    const first = await loginRequest({ username: 'disnaker.indramayu', recoveryCode: codes[0]!.toUpperCase() });
    expect(first.statusCode, first.body).toBe(200);
    const again = await loginRequest({ username: 'disnaker.indramayu', recoveryCode: codes[0]! });
    expect(again.statusCode).toBe(401);
    expect(again.json().error).toMatchObject({ code: 'TOTP_INVALID', message: 'Kode pemulihan salah atau sudah pernah dipakai.' });
    const status = (await session.request({ method: 'GET', url: '/api/v1/auth/totp' })).json();
    expect(status.recoveryCodesLeft).toBe(7);
    const { rows: audit } = await t.pool.query(
      `SELECT after FROM audit_log WHERE action = 'login' AND actor_username = 'disnaker.indramayu' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit[0].after).toEqual({ secondFactor: 'recovery_code', recoveryCodesLeft: 7 });
  });
});

describe('recovery codes and switching off', () => {
  it('replaces the recovery codes only with the password and a code; the old ones stop working', async () => {
    // Two-factor is on for this coordinator since the lock-out test.
    const { session, secret } = await signInWithCode('disnaker.wonosobo');
    const badPassword = await session.request({
      method: 'POST',
      url: '/api/v1/auth/totp/recovery-codes',
      payload: { password: 'bukan-sandinya', totpCode: codeOf(secret, 1) },
    });
    expect(badPassword.statusCode).toBe(400);
    expect(badPassword.json().error.details).toEqual([{ path: 'password', message: 'Kata sandi salah' }]);
    const noCode = await session.request({ method: 'POST', url: '/api/v1/auth/totp/recovery-codes', payload: { password: DEMO_PASSWORD } });
    expect(noCode.statusCode).toBe(400);
    const first = await session.request({ method: 'POST', url: '/api/v1/auth/totp/recovery-codes', payload: { password: DEMO_PASSWORD, totpCode: codeOf(secret, 1) } });
    expect(first.statusCode, first.body).toBe(200);
    const old: string[] = first.json().codes;
    // The phone lost: a recovery code proves the second factor, and is used up doing so.
    const fresh = await session.request({ method: 'POST', url: '/api/v1/auth/totp/recovery-codes', payload: { password: DEMO_PASSWORD, recoveryCode: old[1]! } });
    expect(fresh.statusCode, fresh.body).toBe(200);
    const codes: string[] = fresh.json().codes;
    expect(codes).toHaveLength(8);
    expect(codes.some((c) => old.includes(c))).toBe(false);
    expect((await loginRequest({ username: 'disnaker.wonosobo', recoveryCode: old[2]! })).json().error.code).toBe('TOTP_INVALID');
    expect((await loginRequest({ username: 'disnaker.wonosobo', recoveryCode: codes[2]! })).statusCode).toBe(200);
    const audit = (await auditActions('disnaker.wonosobo')).filter((a) => a.action === 'totp_recovery_codes');
    expect(audit.map((a) => a.after)).toEqual([
      { recoveryCodes: 8, confirmedWith: 'totp' },
      { recoveryCodes: 8, confirmedWith: 'recovery_code' },
    ]);
  });

  it('switches off with the password and a code, after which the password alone signs in', async () => {
    const { session, secret } = await signInWithCode('disnaker.wonosobo');
    const wrong = await session.request({ method: 'POST', url: '/api/v1/auth/totp/disable', payload: { password: DEMO_PASSWORD, totpCode: wrongCodeOf(secret) } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('TOTP_INVALID');
    const off = await session.request({ method: 'POST', url: '/api/v1/auth/totp/disable', payload: { password: DEMO_PASSWORD, totpCode: codeOf(secret, 1) } });
    expect(off.statusCode, off.body).toBe(200);
    expect((await loginRequest({ username: 'disnaker.wonosobo' })).statusCode).toBe(200);
    const { rows } = await t.pool.query(
      `SELECT totp_secret_enc, totp_enabled_at, totp_last_step, (SELECT count(*)::int FROM user_recovery_codes c WHERE c.user_id = u.id) AS codes
         FROM users u WHERE username = 'disnaker.wonosobo'`,
    );
    expect(rows[0]).toEqual({ totp_secret_enc: null, totp_enabled_at: null, totp_last_step: null, codes: 0 });
    const actions = (await auditActions('disnaker.wonosobo')).map((a) => a.action);
    expect(actions).toEqual(['totp_setup_start', 'totp_enable', 'totp_recovery_codes', 'totp_recovery_codes', 'totp_disable']);
  });
});

describe('admins', () => {
  it('sign the demo admin in with the documented demo secret, never without a code', async () => {
    const noCode = await loginRequest({ username: 'admin' });
    expect(noCode.json().error.code).toBe('TOTP_REQUIRED');
    await forgetLastStep('admin');
    const res = await loginRequest({ username: 'admin', totpCode: codeOf(DEMO_TOTP_SECRET) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.totpSetupRequired).toBe(false);
    // Required for admins: it cannot be switched off.
    const session = sessionOf(res);
    const off = await session.request({ method: 'POST', url: '/api/v1/auth/totp/disable', payload: { password: DEMO_PASSWORD, totpCode: codeOf(DEMO_TOTP_SECRET, 1) } });
    expect(off.statusCode).toBe(409);
    expect(off.json().error.code).toBe('TOTP_REQUIRED_FOR_ROLE');
  });

  it('lets a new admin without two-factor reach only its setup until it is on', async () => {
    const admin = await t.login('admin');
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'admin.jateng', fullName: 'Admin Jawa Tengah', role: 'admin', scopeCode: '33', password: 'AdminJateng#2026-baru' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await loginRequest({ username: 'admin.jateng', password: 'AdminJateng#2026-baru' });
    const session = sessionOf(res);
    expect(res.json().user).toMatchObject({ totpSetupRequired: true, mustChangePassword: true });
    expect(res.json().offlineLoginDays).toBe(0);

    for (const url of ['/api/v1/users', '/api/v1/audit', '/api/v1/program/villages', '/api/v1/auth/sessions']) {
      const blocked = await session.request({ method: 'GET', url });
      expect(blocked.statusCode, url).toBe(403);
      expect(blocked.json().error).toEqual({
        code: 'TOTP_SETUP_REQUIRED',
        message: 'Akun admin wajib memakai verifikasi dua langkah. Aktifkan dulu di halaman Keamanan akun.',
      });
    }
    expect((await session.request({ method: 'GET', url: '/api/v1/auth/me' })).json().user.totpSetupRequired).toBe(true);
    expect((await session.request({ method: 'GET', url: '/api/v1/auth/totp' })).json()).toMatchObject({ required: true, enabled: false });
    // The temporary password is changed first, then two-factor is set up.
    const changed = await session.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'AdminJateng#2026-baru', newPassword: 'Semarang-Lawang-Sewu#88' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    await enable(session);
    expect((await session.request({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(200);
    expect((await session.request({ method: 'GET', url: '/api/v1/auth/me' })).json().user.totpSetupRequired).toBe(false);
  });

  it('requires it of admins unless ADMIN_TOTP_REQUIRED switches it off', () => {
    expect(loadConfig({}).adminTotpRequired).toBe(true);
    expect(loadConfig({ ADMIN_TOTP_REQUIRED: '0' }).adminTotpRequired).toBe(false);
  });
});

describe('a manager’s reset', () => {
  it('lets an admin switch off another account’s two-factor in scope, signing it out, audited', async () => {
    const { session: coordinator } = await signInWithCode('disnaker.indramayu');
    const { rows } = await t.pool.query(`SELECT id FROM users WHERE username = 'disnaker.indramayu'`);
    const id = rows[0].id;
    // A coordinator may not; nor may a province admin for a regency in another province.
    expect((await coordinator.request({ method: 'POST', url: `/api/v1/users/${id}/totp/reset` })).statusCode).toBe(403);
    const admin = await t.login('admin');
    const made = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'admin.sumut', fullName: 'Admin Sumatera Utara', role: 'admin', scopeCode: '12', password: 'AdminSumut#2026-baru' },
    });
    expect(made.statusCode, made.body).toBe(201);
    const province = sessionOf(await loginRequest({ username: 'admin.sumut', password: 'AdminSumut#2026-baru' }));
    await enable(province);
    const outside = await province.request({ method: 'POST', url: `/api/v1/users/${id}/totp/reset` });
    expect(outside.statusCode).toBe(404);
    expect((await t.pool.query(`SELECT totp_enabled_at FROM users WHERE id = $1`, [id])).rows[0].totp_enabled_at).not.toBeNull();
    // Not one's own account (that needs the password and a code).
    const own = await admin.request({ method: 'POST', url: `/api/v1/users/${(await t.pool.query(`SELECT id FROM users WHERE username = 'admin'`)).rows[0].id}/totp/reset` });
    expect(own.statusCode).toBe(403);

    const reset = await admin.request({ method: 'POST', url: `/api/v1/users/${id}/totp/reset` });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toMatchObject({ username: 'disnaker.indramayu', totpEnabled: false });
    expect((await coordinator.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await loginRequest({ username: 'disnaker.indramayu' })).statusCode).toBe(200);
    const again = await admin.request({ method: 'POST', url: `/api/v1/users/${id}/totp/reset` });
    expect(again.statusCode).toBe(409);
    const audit = (await auditActions('disnaker.indramayu')).at(-1);
    expect(audit).toEqual({ action: 'totp_reset', actor_username: 'admin', after: { totpEnabled: false, sessionsEnded: expect.any(Number) } });
  });

  it('shows in the account list who uses two-factor', async () => {
    const admin = await t.login('admin');
    const list = await admin.request({ method: 'GET', url: '/api/v1/users?pageSize=100' });
    const byName = Object.fromEntries((list.json().items as Array<{ username: string; totpEnabled: boolean }>).map((u) => [u.username, u.totpEnabled]));
    expect(byName).toMatchObject({ admin: true, 'petugas.kenanga': false, kemnaker: true });
  });
});
