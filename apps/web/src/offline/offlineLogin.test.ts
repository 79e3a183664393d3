// @vitest-environment node
import 'fake-indexeddb/auto';
import type { SessionUser } from '@desmigratif/contracts';
import { describe, expect, it } from 'vitest';
import { checkVerifier, isExpired, loginOffline, makeVerifier, OFFLINE_LOGIN_DAYS, rememberLogin, verifierOf } from './offlineLogin';
import { useFreshDb } from './test-support';

const freshDb = useFreshDb();
const user: SessionUser = {
  id: '0195d3a0-0000-7000-8000-00000000000a',
  username: 'petugas.kenanga',
  fullName: 'Petugas Kenanga',
  role: 'petugas_desa',
  scopeCode: '3212162004',
  scopeName: 'Kenanga',
  mustChangePassword: false,
};
const password = 'Desmigratif#2026';
const day = 24 * 60 * 60 * 1000;

describe('offline login', () => {
  it('keeps a salted hash, never the password', async () => {
    const db = freshDb();
    await rememberLogin(db, 'Petugas.Kenanga ', user, password);
    const stored = JSON.stringify(await db.meta.toArray());
    expect(stored).not.toContain(password);
    const again = await makeVerifier(user, password);
    expect(again.salt).not.toBe((await verifierOf(db, user.id))?.salt);
  });

  it('lets the officer in with the right password and refuses a wrong one or an unknown name', async () => {
    const db = freshDb();
    await rememberLogin(db, 'petugas.kenanga', user, password);
    expect(await loginOffline(db, 'PETUGAS.KENANGA', password)).toEqual({ ok: true, user });
    expect(await loginOffline(db, 'petugas.kenanga', 'salah-sandi-123')).toEqual({ ok: false, reason: 'wrongPassword' });
    expect(await loginOffline(db, 'petugas.kuripan', password)).toEqual({ ok: false, reason: 'unknown' });
  });

  it(`expires ${OFFLINE_LOGIN_DAYS} days after the last online login`, async () => {
    const verifiedAt = new Date('2026-11-01T08:00:00Z');
    const verifier = await makeVerifier(user, password, verifiedAt);
    const justInside = new Date(verifiedAt.getTime() + OFFLINE_LOGIN_DAYS * day - 1000);
    const justAfter = new Date(verifiedAt.getTime() + OFFLINE_LOGIN_DAYS * day + 1000);
    expect(isExpired(verifier, justInside)).toBe(false);
    expect(isExpired(verifier, justAfter)).toBe(true);
    expect(await checkVerifier(verifier, password, justAfter)).toEqual({ ok: false, reason: 'expired' });
    expect((await checkVerifier(verifier, password, justInside)).ok).toBe(true);
  });

  it('follows the number of days the server set at login, and keeps nothing when it allows none', async () => {
    const verifiedAt = new Date('2026-11-01T08:00:00Z');
    const threeDays = await makeVerifier(user, password, verifiedAt, 3);
    expect(isExpired(threeDays, new Date(verifiedAt.getTime() + 3 * day - 1000))).toBe(false);
    expect(isExpired(threeDays, new Date(verifiedAt.getTime() + 3 * day + 1000))).toBe(true);

    const db = freshDb();
    await rememberLogin(db, 'petugas.kenanga', user, password, 7);
    expect((await verifierOf(db, user.id))?.days).toBe(7);
    await rememberLogin(db, 'petugas.kenanga', user, password, 0);
    expect(await verifierOf(db, user.id)).toBeUndefined();
    expect(await loginOffline(db, 'petugas.kenanga', password)).toEqual({ ok: false, reason: 'unknown' });
  });
});
