import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support.js';

const t = useTestApp({ loginMaxFailures: 3, loginLockMinutes: 15 });

describe('login', () => {
  it('signs in a demo officer and returns the session user with their village', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'petugas.kenanga', password: 'Desmigratif#2026' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'petugas.kenanga', role: 'petugas_desa', scopeCode: '3212162004', scopeName: 'Kenanga' });
    const cookie = res.cookies.find((c) => c.name === 'desmigratif_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.body).not.toContain('password');
  });

  it('answers a wrong password and an unknown user with the same Indonesian message', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'kades.kenanga', password: 'salah-sekali' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'tidak.ada', password: 'salah-sekali' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'Nama pengguna atau kata sandi salah.' } });
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('locks an account after repeated failures, even for the right password, and logs each attempt', async () => {
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'petugas.kroya', password } });
    expect((await attempt('salah-1')).statusCode).toBe(401);
    expect((await attempt('salah-2')).statusCode).toBe(401);
    const third = await attempt('salah-3');
    expect(third.statusCode).toBe(423);
    expect(third.json().error.message).toMatch(/^Terlalu banyak percobaan gagal\. Akun dikunci sampai pukul \d{2}\.\d{2} WIB\.$/);
    const right = await attempt('Desmigratif#2026');
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('ACCOUNT_LOCKED');
    const { rows } = await t.pool.query(
      `SELECT action, after FROM audit_log WHERE actor_username = 'petugas.kroya' ORDER BY id`,
    );
    expect(rows.map((r) => r.action)).toEqual(['login_failed', 'login_failed', 'login_failed']);
    expect(rows[2].after.lockedUntil).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // A coordinator who resets the password lifts the lock: the officer signs in with the new one.
    const coordinator = await t.login('disnaker.indramayu');
    const { rows: kroya } = await t.pool.query(`SELECT id FROM users WHERE username = 'petugas.kroya'`);
    const reset = await coordinator.request({ method: 'PATCH', url: `/api/v1/users/${kroya[0].id}`, payload: { resetPassword: 'SandiBaruKroya#1' } });
    expect(reset.json()).toMatchObject({ lockedUntil: null, mustChangePassword: true });
    expect((await attempt('SandiBaruKroya#1')).statusCode).toBe(200);
  });

  it('rejects a malformed body with field messages in Indonesian', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: '', password: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details).toEqual(
      expect.arrayContaining([
        { path: 'username', message: 'Nama pengguna wajib diisi' },
        { path: 'password', message: 'Kata sandi wajib diisi' },
      ]),
    );
  });

  it('rejects a body that is not JSON without a stack trace', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'BAD_REQUEST', message: 'Isi permintaan bukan JSON yang benar.' } });
  });
});

describe('session', () => {
  it('needs the CSRF header on cookie-authenticated writes', async () => {
    const s = await t.login('kades.kenanga');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.statusCode).toBe(403);
  });

  it('logs out: the same cookie is no longer accepted', async () => {
    const s = await t.login('kades.kenanga');
    expect((await s.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    expect((await s.request({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(200);
    const after = await s.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toBe('Silakan masuk terlebih dahulu.');
  });

  it('changes the password, signs out other devices, and refuses a wrong current password', async () => {
    const phone = await t.login('koperasi.kenanga');
    const laptop = await t.login('koperasi.kenanga');
    const bad = await phone.request({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: 'bukan-ini', newPassword: 'KataSandiBaru#2026' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ path: 'currentPassword', message: 'Kata sandi lama salah' }]);
    const short = await phone.request({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: 'Desmigratif#2026', newPassword: 'pendek' } });
    expect(short.json().error.details).toEqual([{ path: 'newPassword', message: 'Kata sandi minimal 10 karakter' }]);
    const ok = await phone.request({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: 'Desmigratif#2026', newPassword: 'KataSandiBaru#2026' } });
    expect(ok.statusCode).toBe(200);
    expect((await phone.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    expect((await laptop.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    await expect(t.login('koperasi.kenanga')).rejects.toThrow(/401/);
    await t.login('koperasi.kenanga', 'KataSandiBaru#2026');
  });
});

describe('managing accounts', () => {
  const newOfficer = {
    username: 'petugas2.kenanga',
    fullName: 'Warsito',
    role: 'petugas_desa',
    scopeCode: '3212162004',
    phone: '081311110002',
    password: 'Sementara#Kenanga-88',
  };

  it('lets a regency coordinator create an officer in their regency, who must then change the password', async () => {
    const coordinator = await t.login('disnaker.indramayu');
    const res = await coordinator.request({ method: 'POST', url: '/api/v1/users', payload: newOfficer });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'petugas2.kenanga', scopeName: 'Kenanga', mustChangePassword: true, disabled: false });
    const officer = await t.login('petugas2.kenanga', 'Sementara#Kenanga-88');
    const me = await officer.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json().user.mustChangePassword).toBe(true);
  });

  it('refuses a coordinator creating accounts outside the regency or above their role', async () => {
    const coordinator = await t.login('disnaker.indramayu');
    const outside = await coordinator.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { ...newOfficer, username: 'petugas.luar', scopeCode: '3307102004' },
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.details).toEqual([{ path: 'scopeCode', message: 'Wilayah akun berada di luar wilayah Anda' }]);
    const admin = await coordinator.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { ...newOfficer, username: 'admin.palsu', role: 'admin', scopeCode: '3212' },
    });
    expect(admin.statusCode).toBe(400);
    expect(admin.json().error.details).toContainEqual({ path: 'role', message: 'Anda tidak berwenang membuat akun dengan peran ini' });
    const { rowCount } = await t.pool.query(`SELECT 1 FROM users WHERE username IN ('petugas.luar', 'admin.palsu')`);
    expect(rowCount).toBe(0);
  });

  it('refuses a village code that does not exist and a username already taken', async () => {
    const admin = await t.login('admin');
    const ghost = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { ...newOfficer, username: 'hantu', scopeCode: '3212169999' } });
    expect(ghost.json().error.details).toEqual([{ path: 'scopeCode', message: 'Kode wilayah tidak terdaftar di Kemendagri' }]);
    const taken = await admin.request({ method: 'POST', url: '/api/v1/users', payload: { ...newOfficer, username: 'petugas.kenanga' } });
    expect(taken.json().error.details).toEqual([{ path: 'username', message: 'Nama pengguna sudah dipakai' }]);
  });

  it('disables an account: its sessions end and it cannot sign in; the change is audited with before and after', async () => {
    const coordinator = await t.login('disnaker.wonosobo');
    const officer = await t.login('petugas.kuripan');
    const list = await coordinator.request({ method: 'GET', url: '/api/v1/users?q=kuripan' });
    const target = list.json().items.find((u: { username: string }) => u.username === 'petugas.kuripan');
    const res = await coordinator.request({ method: 'PATCH', url: `/api/v1/users/${target.id}`, payload: { disabled: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await officer.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'petugas.kuripan', password: 'Desmigratif#2026' } });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.message).toBe('Akun ini dinonaktifkan. Hubungi koordinator atau admin.');

    const audit = await coordinator.request({ method: 'GET', url: `/api/v1/audit?entityType=user&entityId=${target.id}` });
    const entry = audit.json().items.find((e: { action: string }) => e.action === 'update');
    expect(entry).toMatchObject({ actorUsername: 'disnaker.wonosobo', regionCode: '3307102004', before: { disabled: false }, after: { disabled: true } });
  });

  it('hides accounts of other regencies: listing filters them, direct access says not found', async () => {
    const coordinator = await t.login('disnaker.wonosobo');
    const list = await coordinator.request({ method: 'GET', url: '/api/v1/users?pageSize=200' });
    const scopes = list.json().items.map((u: { scopeCode: string }) => u.scopeCode);
    expect(scopes.length).toBeGreaterThan(0);
    expect(scopes.every((s: string) => s.startsWith('3307'))).toBe(true);
    const { rows } = await t.pool.query(`SELECT id FROM users WHERE username = 'petugas.kenanga'`);
    const direct = await coordinator.request({ method: 'GET', url: `/api/v1/users/${rows[0].id}` });
    expect(direct.statusCode).toBe(404);
    const change = await coordinator.request({ method: 'PATCH', url: `/api/v1/users/${rows[0].id}`, payload: { disabled: true } });
    expect(change.statusCode).toBe(404);
  });
});

describe('audit log', () => {
  it('is append-only in the database itself', async () => {
    await expect(t.pool.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.pool.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.pool.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('never stores a password, and filters by date in WIB', async () => {
    const admin = await t.login('admin');
    await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'mitra.kemenkop', fullName: 'Kemenkop UKM', role: 'mitra', scopeCode: '', password: 'RahasiaSekali#1' },
    });
    const { rows } = await t.pool.query(`SELECT after::text FROM audit_log WHERE entity_type = 'user' AND action = 'create'`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.after).not.toMatch(/RahasiaSekali|argon2/);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    const res = await admin.request({ method: 'GET', url: `/api/v1/audit?from=${today}&to=${today}&entityType=user` });
    expect(res.json().items.some((e: { entityType: string; action: string }) => e.action === 'create')).toBe(true);
    const past = await admin.request({ method: 'GET', url: `/api/v1/audit?to=2020-01-01` });
    expect(past.json().total).toBe(0);
    const bad = await admin.request({ method: 'GET', url: `/api/v1/audit?from=kemarin` });
    expect(bad.json().error.details).toEqual([{ path: 'from', message: 'Tanggal awal tidak valid (YYYY-MM-DD)' }]);
  });

  it('shows a village officer nothing: reading the audit log is for coordinators and admins', async () => {
    const officer = await t.login('kades.kenanga');
    const res = await officer.request({ method: 'GET', url: '/api/v1/audit' });
    expect(res.statusCode).toBe(403);
  });
});
