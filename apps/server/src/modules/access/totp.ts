import { createHash, randomInt } from 'node:crypto';
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';

/**
 * Time-based one-time codes (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps — what every
 * authenticator app expects) through `otplib`, and the one-time recovery codes kept beside them.
 */

export const TOTP_ISSUER = 'Desmigratif';
const PERIOD = 30;

/** A new random shared secret, base32 (20 bytes: RFC 4226's recommended length). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The `otpauth://` address an authenticator app reads from the QR code. */
export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

/** The time step a moment falls in (unix seconds / 30). */
export function timeStepAt(epochSeconds: number): number {
  return Math.floor(epochSeconds / PERIOD);
}

/** The code an authenticator shows at a moment; for tests, the demo and the e2e journeys. */
export function totpCodeAt(secret: string, epochSeconds = Date.now() / 1000): string {
  return generateSync({ secret, epoch: Math.floor(epochSeconds) });
}

/**
 * The time step of a code that is right now, or one step before or after (a phone clock a
 * little off), and later than the last step this account already used — a code seen once
 * (over a shoulder, in a proxy log) cannot be used again. Null when the code is not accepted.
 */
export function acceptTotpCode(secret: string, code: string, lastStep: number | null, epochSeconds = Date.now() / 1000): number | null {
  try {
    const result = verifySync({
      secret,
      token: code,
      epoch: Math.floor(epochSeconds),
      epochTolerance: PERIOD,
      ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
    });
    // The TOTP result carries its time step (the HOTP one of the shared type does not).
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    // A malformed code, or a last step ahead of the clock (the server's clock went back).
    return null;
  }
}

// Crockford's base32 alphabet: no I, L, O or U, so a code read aloud or copied by hand survives.
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const RECOVERY_CODE_COUNT = 8;

/** Eight codes of 12 characters (60 random bits each), shown as `xxxx-xxxx-xxxx`. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** A code as typed (any case, spaces or dashes, O for 0, I or L for 1) in its stored form. */
export function normalizeRecoveryCode(input: string): string {
  return input
    .toLowerCase()
    .replace(/[^0-9a-z]/g, '')
    .replace(/o/g, '0')
    .replace(/[il]/g, '1');
}

/**
 * What is stored for a recovery code: SHA-256 of the account id and the code. The codes carry
 * 60 random bits, so no dictionary reaches them; the id keeps equal codes of two accounts apart.
 */
export function recoveryCodeHash(userId: string, code: string): Buffer {
  return createHash('sha256').update(`${userId}:${normalizeRecoveryCode(code)}`).digest();
}
