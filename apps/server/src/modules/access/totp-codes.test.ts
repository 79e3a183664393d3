import { describe, expect, it } from 'vitest';
import {
  acceptTotpCode,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  recoveryCodeHash,
  timeStepAt,
  totpCodeAt,
  totpUri,
} from './totp.js';

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" (base32 below). The RFC lists
// 8-digit values; a 6-digit code is the same truncated number modulo 10^6 (its last six digits).
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_VECTORS: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP codes (RFC 6238)', () => {
  it('makes the codes of the RFC test vectors', () => {
    for (const [time, eightDigits] of RFC_VECTORS) expect(totpCodeAt(RFC_SECRET, time), `T=${time}`).toBe(eightDigits.slice(-6));
  });

  it('accepts a code one step early or late, not two', () => {
    const now = 1_700_000_015; // in the middle of a step
    const code = totpCodeAt(RFC_SECRET, now);
    expect(acceptTotpCode(RFC_SECRET, code, null, now)).toBe(timeStepAt(now));
    expect(acceptTotpCode(RFC_SECRET, code, null, now + 30)).toBe(timeStepAt(now));
    expect(acceptTotpCode(RFC_SECRET, code, null, now - 30)).toBe(timeStepAt(now));
    expect(acceptTotpCode(RFC_SECRET, code, null, now + 60)).toBeNull();
    expect(acceptTotpCode(RFC_SECRET, code, null, now - 60)).toBeNull();
  });

  it('refuses a code of a step already used, and any earlier one', () => {
    const now = 1_700_000_015;
    const step = timeStepAt(now);
    expect(acceptTotpCode(RFC_SECRET, totpCodeAt(RFC_SECRET, now), step, now)).toBeNull();
    expect(acceptTotpCode(RFC_SECRET, totpCodeAt(RFC_SECRET, now - 30), step, now)).toBeNull();
    expect(acceptTotpCode(RFC_SECRET, totpCodeAt(RFC_SECRET, now + 30), step, now)).toBe(step + 1);
  });

  it('refuses a wrong or malformed code without throwing', () => {
    const now = 1_700_000_015;
    const right = totpCodeAt(RFC_SECRET, now);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(acceptTotpCode(RFC_SECRET, wrong, null, now)).toBeNull();
    expect(acceptTotpCode(RFC_SECRET, '12345', null, now)).toBeNull();
    expect(acceptTotpCode(RFC_SECRET, 'abcdef', null, now)).toBeNull();
    // A last step ahead of the clock (the server clock went back) refuses rather than fails.
    expect(acceptTotpCode(RFC_SECRET, right, timeStepAt(now) + 10, now)).toBeNull();
  });

  it('makes a new 20-byte base32 secret each time, in an otpauth address apps read', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
    const uri = new URL(totpUri(a, 'disnaker.indramayu'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Desmigratif:disnaker.indramayu');
    expect(uri.searchParams.get('secret')).toBe(a);
    expect(uri.searchParams.get('issuer')).toBe('Desmigratif');
  });
});

describe('recovery codes', () => {
  it('makes eight different codes of 12 unambiguous characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(8);
    expect(new Set(codes).size).toBe(8);
    for (const code of codes) expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
  });

  it('reads a code as typed: case, spaces and dashes, O for 0 and I or L for 1', () => {
    expect(normalizeRecoveryCode(' AB0C-1DEF 2GH3 ')).toBe('ab0c1def2gh3');
    expect(normalizeRecoveryCode('abOc-IdeF-2gh3')).toBe('ab0c1def2gh3');
    expect(normalizeRecoveryCode('abOc-ldeF-2gh3')).toBe('ab0c1def2gh3');
  });

  it('hashes a code per account, the same however it was typed', () => {
    const id = '01900000-0000-7000-8000-000000000001';
    const other = '01900000-0000-7000-8000-000000000002';
    expect(recoveryCodeHash(id, 'ab0c-1def-2gh3').equals(recoveryCodeHash(id, 'ABOC IDEF 2GH3'))).toBe(true);
    expect(recoveryCodeHash(id, 'ab0c-1def-2gh3').equals(recoveryCodeHash(other, 'ab0c-1def-2gh3'))).toBe(false);
    expect(recoveryCodeHash(id, 'ab0c-1def-2gh3')).toHaveLength(32);
  });
});
