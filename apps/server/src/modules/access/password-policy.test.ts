import { DEMO_PASSWORD } from '@desmigratif/db';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support.js';
import { passwordWeakness } from './password-policy.js';

const t = useTestApp();
const officer = { username: 'petugas.kenanga', fullName: 'Sri Wahyuni' };

describe('password strength', () => {
  it('accepts long, uncommon passwords', () => {
    expect(passwordWeakness('Kerupuk-Mangga-Sindang-7', officer)).toBeNull();
    expect(passwordWeakness('SandiBaruKroya#1', officer)).toBeNull();
  });

  it('refuses common Indonesian words and patterns, saying why in Indonesian', () => {
    expect(passwordWeakness('indonesia123', officer)).toMatch(/^Kata sandi terlalu mudah ditebak\. .*kata yang kurang umum/);
    expect(passwordWeakness('passwordpassword', officer)).toMatch(/berulang/);
    expect(passwordWeakness('Rahasia123', officer)).toMatch(/^Kata sandi terlalu mudah ditebak\./);
  });

  it('counts the account’s own name and the program’s name as the first guesses', () => {
    expect(passwordWeakness('xx-petugas.kenanga-99', officer)).toBe('Kata sandi tidak boleh memuat nama pengguna');
    // Strong for a stranger, guessable as the program's own name.
    expect(passwordWeakness('Desmigratif2026', { username: 'tamu' })).toMatch(/^Kata sandi terlalu mudah ditebak\./);
    expect(passwordWeakness('wahyuni.sri', officer)).not.toBeNull();
    // The shared demo password would no longer be accepted for a new account: only the seed sets it.
    expect(passwordWeakness(DEMO_PASSWORD, officer)).not.toBeNull();
  });
});

describe('the policy on every route that sets a password', () => {
  const weak = 'Indonesia2026';

  it('refuses a weak password when creating an account, next to the field', async () => {
    const coordinator = await t.login('disnaker.indramayu');
    const res = await coordinator.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: { username: 'lemah.kenanga', fullName: 'Akun Lemah', role: 'petugas_desa', scopeCode: '3212162004', password: weak },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'password', message: expect.stringMatching(/^Kata sandi terlalu mudah ditebak\./) }]);
    const { rowCount } = await t.pool.query(`SELECT 1 FROM users WHERE username = 'lemah.kenanga'`);
    expect(rowCount).toBe(0);
  });

  it('refuses a weak reset by a manager and keeps the old password working', async () => {
    const coordinator = await t.login('disnaker.indramayu');
    const { rows } = await t.pool.query(`SELECT id FROM users WHERE username = 'kades.kenanga'`);
    const res = await coordinator.request({ method: 'PATCH', url: `/api/v1/users/${rows[0].id}`, payload: { resetPassword: weak } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('resetPassword');
    await t.login('kades.kenanga');
  });

  it('refuses a weak reset of an account outside the manager’s region as not found, not as weak', async () => {
    const outsider = await t.login('disnaker.wonosobo');
    const { rows } = await t.pool.query(`SELECT id FROM users WHERE username = 'kades.kenanga'`);
    const res = await outsider.request({ method: 'PATCH', url: `/api/v1/users/${rows[0].id}`, payload: { resetPassword: weak } });
    expect(res.statusCode).toBe(404);
  });

  it('refuses a weak new password of one’s own, and takes a strong one', async () => {
    const session = await t.login('petugas.kuripan');
    const weakChange = await session.request({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: DEMO_PASSWORD, newPassword: weak } });
    expect(weakChange.statusCode).toBe(400);
    expect(weakChange.json().error.details[0]).toMatchObject({ path: 'newPassword', message: expect.stringMatching(/mudah ditebak/) });
    const strong = await session.request({ method: 'POST', url: '/api/v1/auth/password', payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Kerupuk-Mangga-Sindang-7' } });
    expect(strong.statusCode, strong.body).toBe(200);
  });
});
