// `npm start`: build the web app if its sources changed, then run the server in this
// same process (so Ctrl-C reaches it and PostgreSQL stops cleanly).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { buildWebIfStale } from './build-web.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (process.env.SKIP_WEB_BUILD !== '1') buildWebIfStale();
register();
await import(path.join(root, 'apps/server/src/main.ts'));
