import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/support.js';
import { openApiDocument } from './openapi.js';

const t = useTestApp();
const committed = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../openapi.json');

describe('OpenAPI document', () => {
  it('matches the committed openapi.json (run `npm run openapi` after changing a route)', () => {
    expect(openApiDocument(t.app)).toBe(readFileSync(committed, 'utf8'));
  });

  it('is served at /api/docs/json with every /api/v1 route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const route of t.routes) {
      const openApiPath = route.url.replace(/:(\w+)/g, '{$1}');
      expect(paths, route.url).toContain(openApiPath);
    }
  });

  it('serves /healthz and a JSON 404 for an unknown API path', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok', database: 'ok' });
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/tidak-ada' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Alamat GET /api/v1/tidak-ada tidak ada.' } });
  });
});
