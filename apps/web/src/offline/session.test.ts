// @vitest-environment node
import 'fake-indexeddb/auto';
import type { SessionUser } from '@desmigratif/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { offlineDb } from './db';
import { rememberLogin } from './offlineLogin';
import { offlineLogin, resumeOffline } from './session';
import { afterSessionCheck, forgetTabUser, isStaleServerSession } from './tabSession';

/** Browser storage for node: a Map behind the Storage methods the module uses. */
function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
    clear: () => values.clear(),
    key: () => null,
    get length() {
      return values.size;
    },
  };
}

const officer = (id: string, username: string): SessionUser => ({
  id,
  username,
  fullName: username,
  role: 'petugas_desa',
  scopeCode: '3212162004',
  scopeName: 'Kenanga',
  mustChangePassword: false,
});
const siti = officer('0195d3a0-0000-7000-8000-0000000000a1', 'petugas.kenanga');
const budi = officer('0195d3a0-0000-7000-8000-0000000000b2', 'kades.kenanga');
const password = 'Desmigratif#2026';

beforeEach(async () => {
  vi.stubGlobal('sessionStorage', memoryStorage());
  vi.stubGlobal('localStorage', memoryStorage());
  await offlineDb().meta.clear();
  await rememberLogin(offlineDb(), siti.username, siti, password);
  await rememberLogin(offlineDb(), budi.username, budi, password);
});

afterEach(() => vi.unstubAllGlobals());

describe('the session on a shared phone without signal', () => {
  it('resumes this tab’s officer after a reload, and nobody in a new tab', async () => {
    afterSessionCheck(siti);
    expect(await resumeOffline()).toEqual(siti);
    vi.stubGlobal('sessionStorage', memoryStorage());
    expect(await resumeOffline()).toBeNull();
  });

  it('ends the server session of an officer who signed out without signal', () => {
    afterSessionCheck(siti);
    forgetTabUser(false);
    expect(isStaleServerSession(siti.id)).toBe(true);
  });

  it('gives the session back to the same officer signing in again offline', async () => {
    afterSessionCheck(siti);
    forgetTabUser(false);
    await offlineLogin(siti.username, password);
    expect(isStaleServerSession(siti.id)).toBe(false);
  });

  it('never hands the first officer’s server session to a second one who signed in offline', async () => {
    afterSessionCheck(siti);
    forgetTabUser(false);
    await offlineLogin(budi.username, password);
    expect(isStaleServerSession(siti.id)).toBe(true);
    expect(isStaleServerSession(budi.id)).toBe(false);
  });

  it('refuses a wrong password offline', async () => {
    await expect(offlineLogin(siti.username, 'bukan-kata-sandinya')).rejects.toMatchObject({ code: 'OFFLINE_LOGIN_FAILED' });
  });
});
