export { startEmbeddedDatabase, DataDirInUseError, type EmbeddedDatabase } from './embedded.js';
export { migrate, migrationsDir, migrationsFingerprint, listMigrations } from './migrate.js';
export { createPool, withTransaction, withDatabase, type Pool, type PoolClient, type Queryable } from './pool.js';
export { loadRegions, readRegionData } from './load-regions.js';
export { seedDemo, DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_TOTP_USERNAME, DEMO_USERS, DEMO_VILLAGES } from './seed-demo.js';
export {
  Keyring,
  KeyringError,
  BLIND,
  installKeyring,
  keyring,
  loadKeyring,
  newKeyLine,
  parseKeys,
  type KeyEntry,
  type KeySource,
} from './field-crypto.js';
export { sealPlaintextIdentities, checkKeyOpensData, SEALED_COLUMNS } from './identity-sealing.js';
export { keyUsage, rotateFiles, rotateKeys, type KeyUsage } from './key-rotation.js';
