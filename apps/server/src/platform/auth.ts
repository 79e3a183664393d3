import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SessionUser } from '@desmigratif/contracts';
import type { Pool } from '@desmigratif/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

export const SESSION_COOKIE = 'desmigratif_session';
export const CSRF_HEADER = 'x-csrf-token';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

type SessionRow = {
  token_hash: string;
  csrf_token: string;
  last_seen_at: Date;
  id: string;
  username: string;
  full_name: string;
  role: SessionUser['role'];
  scope_code: string;
  scope_name: string | null;
  must_change_password: boolean;
  totp_enabled: boolean;
};

/**
 * The signed-in user as the routes see it. `adminTotpRequired` (ADMIN_TOTP_REQUIRED) marks an
 * admin without two-factor sign-in: such a session reaches only the routes that let it set it up.
 */
export function toSessionUser(row: Omit<SessionRow, 'token_hash' | 'csrf_token' | 'last_seen_at'>, adminTotpRequired: boolean): SessionUser {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    scopeCode: row.scope_code,
    scopeName: row.scope_name ?? 'Indonesia',
    mustChangePassword: row.must_change_password,
    totpSetupRequired: adminTotpRequired && row.role === 'admin' && !row.totp_enabled,
  };
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Loads the signed-in user from the session cookie on every request, and demands the
 * session's CSRF token in a header on cookie-authenticated writes (synchronizer token:
 * a page on another site can make the browser send the cookie, never read the token).
 */
export function installSessions(app: FastifyInstance, pool: Pool, sessionTtlHours: number, adminTotpRequired = true): void {
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const tokenHash = hashToken(token);
    const { rows } = await pool.query<SessionRow>(
      `SELECT s.token_hash, s.csrf_token, s.last_seen_at, u.id, u.username, u.full_name, u.role, u.scope_code,
              u.must_change_password, u.totp_enabled_at IS NOT NULL AS totp_enabled, r.name AS scope_name
         FROM sessions s
         JOIN users u ON u.id = s.user_id
         LEFT JOIN regions r ON r.code = u.scope_code
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return;
    request.user = toSessionUser(row, adminTotpRequired);
    request.sessionId = row.token_hash;
    request.csrfToken = row.csrf_token;
    // Sliding expiry, written at most once a minute per session.
    if (Date.now() - row.last_seen_at.getTime() > 60_000) {
      await pool.query(
        `UPDATE sessions SET last_seen_at = now(), expires_at = now() + make_interval(hours => $2) WHERE token_hash = $1`,
        [tokenHash, sessionTtlHours],
      );
    }

    const csrfRequired = request.routeOptions.config.access?.csrf !== false;
    if (WRITE_METHODS.has(request.method) && csrfRequired) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, row.csrf_token)) {
        throw new AppError(403, 'CSRF_INVALID', 'Sesi formulir tidak valid. Muat ulang halaman lalu coba lagi.');
      }
    }

    const access = request.routeOptions.config.access;
    if (request.user.totpSetupRequired && access && access.roles !== 'public' && !access.duringTotpSetup) {
      throw new AppError(
        403,
        'TOTP_SETUP_REQUIRED',
        'Akun admin wajib memakai verifikasi dua langkah. Aktifkan dulu di halaman Keamanan akun.',
      );
    }
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, ttlHours: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    maxAge: Math.round(ttlHours * 3600),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function clientInfo(request: FastifyRequest): { ip: string; userAgent: string | null } {
  return { ip: request.ip, userAgent: request.headers['user-agent']?.slice(0, 300) ?? null };
}
