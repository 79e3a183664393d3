import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppSettings } from './config.js';
import { AppError } from './errors.js';

/**
 * The browser may load nothing from anywhere but this server. Scripts only from our own files
 * (no inline script, no eval), so an injected `<script>` or event handler attribute never runs.
 * Styles allow 'unsafe-inline': Mantine injects `<style>` tags and sets CSS variables through
 * style attributes at run time; a style cannot run code, so this is the accepted trade-off.
 * Images also from data: (QR codes rendered as data URLs) and blob: (camera previews of
 * document scans). The Swagger UI at /api/docs sends its own policy on its routes
 * (`staticCSP` in openapi.ts: hashes for its inline scripts).
 */
export const contentSecurityPolicy = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  // Behind plain HTTP (a village laptop on the local network) upgrading would break every load.
  upgradeInsecureRequests: null,
} as const;

/**
 * Powerful browser features this app never uses are switched off for every origin, so an
 * injected frame or script cannot ask for them; the camera (scanning documents) only for
 * the app itself. Only features Chromium knows: an unknown one is logged as an error on
 * every page.
 */
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'display-capture=()',
].join(', ');

/**
 * Security headers on every response. HSTS only when the server sits behind an HTTPS proxy
 * (`TRUST_PROXY`): sent over plain HTTP it would make browsers refuse a server that has no
 * certificate (the village-laptop setup).
 */
async function installHeaders(app: FastifyInstance, settings: AppSettings): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { directives: contentSecurityPolicy },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: settings.trustProxy ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // Cross-origin isolation would block nothing we load but costs compatibility with older
    // Android WebViews; the defaults for the other headers (nosniff, frame-options, …) stay.
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
}

/** Requests outside the API (the web app's files, /healthz, /metrics) cost nothing to answer and are not counted. */
const isApi = (request: FastifyRequest) => request.url.startsWith('/api/');

/** Signed-in callers are counted per account (a village hall shares one address), others per address. */
export function rateLimitKey(request: FastifyRequest): string {
  return request.user ? `user:${request.user.id}` : `ip:${request.ip}`;
}

/**
 * One limit on every API route, per account when signed in and per address otherwise. Routes
 * with their own `config.rateLimit` (login, public pages, duplicate suggestions) keep their
 * stricter limit instead. The hook runs on request, after the session hook (instance hooks run
 * before route hooks), so the account is already known and nothing is parsed for a refused
 * request. A refusal is the standard error shape with `retry-after`.
 */
async function installRateLimits(app: FastifyInstance, settings: AppSettings): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    timeWindow: '1 minute',
    max: (_request, key) => (key.startsWith('user:') ? settings.rateLimitPerMinute : settings.anonymousRateLimitPerMinute),
    keyGenerator: rateLimitKey,
    allowList: (request) => !isApi(request),
    errorResponseBuilder: (_request, context) =>
      new AppError(429, 'RATE_LIMITED', `Terlalu banyak permintaan. Coba lagi dalam ${Math.max(1, Math.ceil(context.ttl / 1000))} detik.`),
  });
}

/** Security headers and rate limits; installed before any route so that every route gets both. */
export async function installAppSecurity(app: FastifyInstance, settings: AppSettings): Promise<void> {
  await installHeaders(app, settings);
  await installRateLimits(app, settings);
}
