import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support.js';

const t = useTestApp({ offlineLoginDays: 3 });

describe('offline sign-in window', () => {
  it('tells the phone at login how many days it may sign in without signal (OFFLINE_LOGIN_DAYS)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'petugas.kenanga', password: 'Desmigratif#2026' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { username: 'petugas.kenanga' }, offlineLoginDays: 3 });
  });
});
