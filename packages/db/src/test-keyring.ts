import { createHash } from 'node:crypto';
import { Keyring, parseKeys } from './field-crypto.js';

/**
 * The fixed key of test databases, benchmarks and crash-test servers: the test template is
 * built once and cloned per file, so every process that reads it must hold the same key.
 * Never used by `npm start` (which makes a random key file) or a deployment.
 */
export const TEST_KEY_LINES = `test ${createHash('sha256').update('desmigratif test key, not secret').digest('base64')}`;

export function testKeyring(): Keyring {
  return new Keyring(parseKeys(TEST_KEY_LINES));
}
