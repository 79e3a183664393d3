import {
  errorResponseSchema,
  okSchema,
  recoveryCodesResponseSchema,
  totpConfirmRequestSchema,
  totpReauthRequestSchema,
  totpRoles,
  totpSetupResponseSchema,
  totpStatusSchema,
  userSchema,
  uuidSchema,
} from '@desmigratif/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/access-control.js';
import { rateLimitKey } from '../../platform/app-security.js';
import type { AppContext } from '../../platform/context.js';
import * as totp from './totp-service.js';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  429: errorResponseSchema,
};

/** Two-factor sign-in (TOTP) of the caller's own account, and a manager's reset of another's. */
export const totpRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { pool, settings }) => {
  // The setup routes stay open to an admin who must set it up before anything else.
  const own = { roles: totpRoles, scope: 'none', duringTotpSetup: true, deniedMessage: totp.totpRoleRefusal } as const;
  // A code is 1 in a million: guessing is slowed per account, as the login is per address.
  const guessLimit = { max: settings.loginRateLimitPerMinute, timeWindow: '1 minute', keyGenerator: rateLimitKey };

  app.get(
    '/auth/totp',
    {
      config: { access: { roles: 'authenticated', scope: 'none', duringTotpSetup: true } },
      schema: { tags: ['akses'], summary: 'Status verifikasi dua langkah akun sendiri', response: { 200: totpStatusSchema, ...errors } },
    },
    async (request) => totp.totpStatus(pool, requireUser(request), settings.adminTotpRequired),
  );

  app.post(
    '/auth/totp/setup',
    {
      config: { access: own },
      schema: {
        tags: ['akses'],
        summary: 'Mulai memasang verifikasi dua langkah: kode QR dan kunci rahasia untuk aplikasi autentikator',
        response: { 200: totpSetupResponseSchema, ...errors },
      },
    },
    async (request) => totp.startSetup(pool, request, requireUser(request)),
  );

  app.post(
    '/auth/totp/confirm',
    {
      config: { access: own, rateLimit: guessLimit },
      schema: {
        tags: ['akses'],
        summary: 'Aktifkan verifikasi dua langkah dengan kode dari aplikasi; kode pemulihan ditampilkan sekali',
        body: totpConfirmRequestSchema,
        response: { 200: recoveryCodesResponseSchema, ...errors },
      },
    },
    async (request) => ({ codes: await totp.confirmSetup(pool, request, requireUser(request), request.body.code) }),
  );

  app.post(
    '/auth/totp/disable',
    {
      config: { access: own, rateLimit: guessLimit },
      schema: {
        tags: ['akses'],
        summary: 'Matikan verifikasi dua langkah (kata sandi dan kode)',
        body: totpReauthRequestSchema,
        response: { 200: okSchema, ...errors },
      },
    },
    async (request) => {
      await totp.disable(pool, request, requireUser(request), request.body, settings.adminTotpRequired);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/totp/recovery-codes',
    {
      config: { access: own, rateLimit: guessLimit },
      schema: {
        tags: ['akses'],
        summary: 'Buat kode pemulihan baru (kata sandi dan kode); yang lama tidak berlaku lagi',
        body: totpReauthRequestSchema,
        response: { 200: recoveryCodesResponseSchema, ...errors },
      },
    },
    async (request) => ({ codes: await totp.regenerateRecoveryCodes(pool, request, requireUser(request), request.body) }),
  );

  app.post(
    '/users/:id/totp/reset',
    {
      config: { access: { roles: ['admin'], scope: 'record' } },
      schema: {
        tags: ['akses'],
        summary: 'Matikan verifikasi dua langkah akun lain (ponsel dan kode pemulihan hilang)',
        params: z.object({ id: uuidSchema }),
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) => totp.resetForAccount(pool, request, requireUser(request), request.params.id),
  );
};
