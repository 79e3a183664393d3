import { createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * What an authenticator app does (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits), written
 * here on its own rather than borrowed from the server, so the journeys check the server against
 * an independent implementation. The demo admin's secret is printed at start-up (seed-demo.ts).
 */
export const DEMO_TOTP_SECRET = 'DESMIGRATIFDEMOADMINTOTPSECRET23';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`Not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export const timeStep = (epochSeconds = Date.now() / 1000) => Math.floor(epochSeconds / 30);

/** The six-digit code of a base32 secret at a time step. */
export function totpCode(secret: string, step = timeStep()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0x0f;
  const number = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(number).padStart(6, '0');
}

/**
 * The steps already used, per secret, kept in a file: each journey file runs in its own module
 * context, and two of them may sign the demo admin in within the same 30 seconds. Steps from
 * an earlier run lie in the past and never cause a wait.
 */
const usedStepsFile = path.join(tmpdir(), 'desmigratif-e2e-totp-steps.json');

function readUsedSteps(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(usedStepsFile, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * A code not used before for that secret: the server takes each code once, so a second sign-in
 * within the same 30 seconds waits for the next step, as a person would.
 */
export async function freshTotpCode(secret: string): Promise<string> {
  let step = timeStep();
  const last = readUsedSteps()[secret];
  if (last !== undefined && step <= last) {
    await new Promise((resolve) => setTimeout(resolve, ((last + 1) * 30 - Date.now() / 1000) * 1000 + 200));
    step = timeStep();
  }
  writeFileSync(usedStepsFile, JSON.stringify({ ...readUsedSteps(), [secret]: step }));
  return totpCode(secret, step);
}
