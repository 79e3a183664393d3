import type { SessionUser } from '@desmigratif/contracts';
import { getMeta, setMeta, type OfflineDb } from './db';

/**
 * Offline login (issue 5). After a successful online login the phone keeps a *verifier* of the
 * password — PBKDF2-SHA-256 with a random salt, never the password — and the user's profile,
 * so the officer can sign in again without signal. The verifier expires the number of days
 * the server names at login (its `OFFLINE_LOGIN_DAYS` setting, 14 unless changed) after the
 * last ONLINE login: after that an online login is needed again (an account disabled on the
 * server stops working offline within that time). A server setting of 0 keeps no verifier.
 */
export const OFFLINE_LOGIN_DAYS = 14;
const PBKDF2_ITERATIONS = 210_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface LoginVerifier {
  user: SessionUser;
  salt: string;
  hash: string;
  iterations: number;
  /** When the password was last checked by the server, ISO. */
  verifiedAt: string;
  /** How many days after `verifiedAt` it may be used (the server's setting at that login). */
  days?: number;
}

const keyFor = (username: string) => `login:${username.trim().toLowerCase()}`;

const toBase64 = (bytes: ArrayBuffer | Uint8Array) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return toBase64(bits);
}

export async function makeVerifier(user: SessionUser, password: string, now = new Date(), days = OFFLINE_LOGIN_DAYS): Promise<LoginVerifier> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return {
    user,
    salt: toBase64(salt),
    hash: await derive(password, salt, PBKDF2_ITERATIONS),
    iterations: PBKDF2_ITERATIONS,
    verifiedAt: now.toISOString(),
    days,
  };
}

export function isExpired(verifier: Pick<LoginVerifier, 'verifiedAt' | 'days'>, now = new Date()): boolean {
  return now.getTime() - new Date(verifier.verifiedAt).getTime() > (verifier.days ?? OFFLINE_LOGIN_DAYS) * DAY_MS;
}

/** Compares in constant time, so the time taken does not leak how much of the hash matched. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export type OfflineLoginResult = { ok: true; user: SessionUser } | { ok: false; reason: 'unknown' | 'expired' | 'wrongPassword' };

export async function checkVerifier(verifier: LoginVerifier | undefined, password: string, now = new Date()): Promise<OfflineLoginResult> {
  if (!verifier) return { ok: false, reason: 'unknown' };
  if (isExpired(verifier, now)) return { ok: false, reason: 'expired' };
  const hash = await derive(password, fromBase64(verifier.salt), verifier.iterations);
  return sameText(hash, verifier.hash) ? { ok: true, user: verifier.user } : { ok: false, reason: 'wrongPassword' };
}

export async function rememberLogin(db: OfflineDb, username: string, user: SessionUser, password: string, days = OFFLINE_LOGIN_DAYS): Promise<void> {
  // The server allows no offline sign-in: forget any verifier kept before.
  if (days <= 0) {
    await db.meta.delete(keyFor(username));
    return;
  }
  await setMeta(db, keyFor(username), await makeVerifier(user, password, new Date(), days));
}

export async function loginOffline(db: OfflineDb, username: string, password: string): Promise<OfflineLoginResult> {
  return checkVerifier(await getMeta<LoginVerifier>(db, keyFor(username)), password);
}

/** The verifier of a user by id, to resume this tab's session after an offline reload. */
export async function verifierOf(db: OfflineDb, userId: string): Promise<LoginVerifier | undefined> {
  const all = await db.meta.where('key').startsWith('login:').toArray();
  return all.map((entry) => entry.value as LoginVerifier).find((verifier) => verifier.user.id === userId);
}
