import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { KENANGA, outbox } from '../modules/sync/sync-test-kit.js';
import { type Session, useTestApp } from '../test/support.js';
import { defaultAppSettings } from './config.js';

const t = useTestApp();
const webDist = mkdtempSync(path.join(tmpdir(), 'desmigratif-web-'));
/** Apps built on the same database as `t` with other settings (sessions are shared through it). */
const built: FastifyInstance[] = [];

async function appWith(settings: Parameters<typeof buildApp>[0]['settings']): Promise<FastifyInstance> {
  const { app } = await buildApp({ pool: t.pool, settings: { logLevel: 'silent', webDist, ...settings }, logger: false });
  built.push(app);
  return app;
}

const as = (s: Session, options: InjectOptions): InjectOptions => ({ ...options, headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, ...options.headers } });

/** The policy as a map of directive → sources. */
function directives(header: string | string[] | number | undefined): Map<string, string> {
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...sources] = d.split(/\s+/);
        return [name!, sources.join(' ')] as [string, string];
      }),
  );
}

beforeAll(() => {
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>');
});

afterAll(async () => {
  for (const app of built) await app.close();
  rmSync(webDist, { recursive: true, force: true });
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy and the other headers on API answers, the web app and its deep links', async () => {
    const app = await appWith({});
    const responses = [
      await app.inject({ method: 'GET', url: '/api/v1/auth/me' }),
      await app.inject({ method: 'GET', url: '/index.html' }),
      await app.inject({ method: 'GET', url: '/layanan/rencana', headers: { accept: 'text/html' } }),
      await app.inject({ method: 'GET', url: '/api/v1/tidak-ada' }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([401, 200, 200, 404]);
    expect(responses[2]!.body).toContain('<div id="root">');
    for (const res of responses) {
      const csp = directives(res.headers['content-security-policy']);
      expect(Object.fromEntries(csp)).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self'",
        'script-src-attr': "'none'",
        'style-src': "'self' 'unsafe-inline'",
        'img-src': "'self' data: blob:",
        'connect-src': "'self'",
        'worker-src': "'self'",
        'manifest-src': "'self'",
        'object-src': "'none'",
        'base-uri': "'self'",
        'frame-ancestors': "'none'",
        'form-action': "'self'",
      });
      // Nothing anywhere may run inline or evaluated script.
      for (const sources of csp.values()) expect(sources).not.toMatch(/unsafe-eval/);
      expect(csp.get('script-src')).not.toContain('unsafe-inline');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['permissions-policy']).toContain('camera=(self)');
      expect(res.headers['permissions-policy']).toContain('microphone=()');
      expect(res.headers['permissions-policy']).toContain('geolocation=()');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      // Plain HTTP (no TRUST_PROXY): HSTS would lock browsers out of a server without a certificate.
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('sends HSTS only behind an HTTPS proxy (TRUST_PROXY)', async () => {
    const app = await appWith({ trustProxy: true });
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('gives the Swagger UI its own policy on its routes only, still without inline script', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger-initializer.js');
    const csp = directives(res.headers['content-security-policy']);
    expect(csp.get('script-src')).toMatch(/^'self'( 'sha256-[^']+')*$/);
    expect(csp.get('object-src')).toBe("'none'");
    const api = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(directives(api.headers['content-security-policy']).get('frame-ancestors')).toBe("'none'");
  });
});

describe('rate limits (default settings)', () => {
  const anonymous = defaultAppSettings.anonymousRateLimitPerMinute;
  const perUser = defaultAppSettings.rateLimitPerMinute;

  it('are 600 per minute per account and 300 per address by default', () => {
    expect({ perUser, anonymous }).toEqual({ perUser: 600, anonymous: 300 });
  });

  it('refuse an address that is not signed in after the limit, with the Indonesian error and retry-after', async () => {
    const app = await appWith({ ...defaultAppSettings, webDist });
    const from = (remoteAddress: string) => app.inject({ method: 'GET', url: '/api/v1/auth/me', remoteAddress });
    const statuses: number[] = [];
    for (let i = 0; i < anonymous; i++) statuses.push((await from('127.0.0.2')).statusCode);
    expect(statuses.every((s) => s === 401)).toBe(true);

    const refused = await from('127.0.0.2');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^Terlalu banyak permintaan\. Coba lagi dalam \d+ detik\.$/) } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['content-security-policy']).toBeDefined();
    // Another address is not affected; neither are the web app's files nor the health check.
    expect((await from('127.0.0.3')).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/healthz', remoteAddress: '127.0.0.2' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/index.html', remoteAddress: '127.0.0.2' })).statusCode).toBe(200);
  });

  it('count a signed-in officer per account, not per address', async () => {
    const app = await appWith({ ...defaultAppSettings, webDist });
    const kenanga = await t.login('petugas.kenanga');
    const kades = await t.login('kades.kenanga');
    const me = (s: Session) => app.inject(as(s, { method: 'GET', url: '/api/v1/auth/me', remoteAddress: '127.0.0.4' }));
    const statuses: number[] = [];
    for (let i = 0; i < perUser; i++) statuses.push((await me(kenanga)).statusCode);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const refused = await me(kenanga);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    // The village head at the same village hall (same address) can still work.
    expect((await me(kades)).statusCode).toBe(200);
  });

  it('let a phone push 1,000 offline changes in batches', async () => {
    const app = await appWith({ ...defaultAppSettings, webDist });
    const s = await t.login('petugas.kenanga');
    const box = outbox();
    const mutations = Array.from({ length: 1000 }, (_, i) =>
      box.next('service.create', { villageCode: KENANGA, visitorName: `Pengunjung ${i}`, serviceType: 'bimbingan_konseling', serviceDate: '2026-02-01' }),
    );
    for (const batch of [mutations.slice(0, 500), mutations.slice(500)]) {
      const res = await app.inject(as(s, { method: 'POST', url: '/api/v1/sync/push', payload: box.body(batch) }));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().results.every((r: { status: string }) => r.status === 'applied')).toBe(true);
    }
    const { rows } = await t.pool.query(`SELECT last_seq FROM sync_clients WHERE client_id = $1`, [box.clientId]);
    expect(Number(rows[0].last_seq)).toBe(1000);
  }, 120_000);

  it('keep the stricter limit of the sign-in route', async () => {
    const app = await appWith({ ...defaultAppSettings, webDist });
    const attempt = () => app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '127.0.0.5', payload: { username: 'tidak.ada', password: 'salah-sekali' } });
    for (let i = 0; i < defaultAppSettings.loginRateLimitPerMinute; i++) expect((await attempt()).statusCode).toBe(401);
    const refused = await attempt();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
  }, 120_000);
});
