export { startEmbeddedDatabase, DataDirInUseError, type EmbeddedDatabase } from './embedded.js';
export { migrate, migrationsDir, migrationsFingerprint, listMigrations } from './migrate.js';
export { createPool, withTransaction, withDatabase, type Pool, type PoolClient, type Queryable } from './pool.js';
export { loadRegions, readRegionData } from './load-regions.js';
export { seedDemo, DEMO_PASSWORD, DEMO_USERS, DEMO_VILLAGES } from './seed-demo.js';
