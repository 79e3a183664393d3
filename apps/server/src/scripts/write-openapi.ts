// Writes openapi.json from the routes' Zod schemas: `npm run openapi` after changing a route.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPool } from '@desmigratif/db';
import { buildApp } from '../app.js';
import { openApiDocument } from '../platform/openapi.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../openapi.json');
// The document needs the routes, not a database: the pool never connects.
const pool = createPool('postgres://unused@127.0.0.1:1/unused');
const { app } = await buildApp({ pool, logger: false, settings: { webDist: '/nonexistent' } });
writeFileSync(target, openApiDocument(app));
await app.close();
await pool.end();
console.log(`openapi.json ditulis: ${target}`);
