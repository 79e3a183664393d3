import {
  changePasswordRequestSchema,
  createUserRequestSchema,
  errorResponseSchema,
  listSessionsResponseSchema,
  listAuditQuerySchema,
  listAuditResponseSchema,
  listUsersQuerySchema,
  listUsersResponseSchema,
  loginRequestSchema,
  loginResponseSchema,
  meResponseSchema,
  okSchema,
  revokedSessionsResponseSchema,
  updateUserRequestSchema,
  userSchema,
  uuidSchema,
} from '@desmigratif/contracts';
import { accountManagerRoles } from '@desmigratif/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestScope, requireUser } from '../../platform/access-control.js';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth.js';
import type { AppContext } from '../../platform/context.js';
import { listAudit } from './audit-repository.js';
import * as service from './service.js';
import { totpRoutes } from './totp-routes.js';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

export const accessRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { pool, settings }) => {
  app.post(
    '/auth/login',
    {
      config: {
        access: { roles: 'public', scope: 'none', csrf: false },
        // Per address and username: slows password guessing without locking out a village
        // hall whose officers all sign in from one shared connection.
        rateLimit: {
          max: settings.loginRateLimitPerMinute,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (request) => `${request.ip}:${(request.body as { username?: string } | undefined)?.username ?? ''}`,
        },
      },
      schema: {
        tags: ['akses'],
        summary: 'Masuk dengan nama pengguna dan kata sandi (dan kode verifikasi dua langkah bila aktif)',
        description:
          'Akun dengan verifikasi dua langkah tanpa `totpCode`/`recoveryCode` mendapat 401 `TOTP_REQUIRED`; ' +
          'kode salah atau sudah dipakai mendapat 401 `TOTP_INVALID` dan dihitung sebagai percobaan gagal.',
        body: loginRequestSchema,
        response: { 200: loginResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 423: errorResponseSchema, 429: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const { user, token, csrfToken, offlineAllowed } = await service.login(pool, request, request.body, settings);
      setSessionCookie(reply, token, settings.sessionTtlHours);
      return { user, csrfToken, offlineLoginDays: offlineAllowed ? settings.offlineLoginDays : 0 };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: { roles: 'authenticated', scope: 'none', duringTotpSetup: true } },
      schema: { tags: ['akses'], summary: 'Keluar dari sesi ini', response: { 200: okSchema, ...errors } },
    },
    async (request, reply) => {
      await service.logout(pool, request);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: { roles: 'authenticated', scope: 'none', duringTotpSetup: true } },
      schema: { tags: ['akses'], summary: 'Pengguna yang sedang masuk', response: { 200: meResponseSchema, ...errors } },
    },
    async (request) => ({ user: requireUser(request), csrfToken: request.csrfToken! }),
  );

  app.post(
    '/auth/password',
    {
      // A new admin changes the temporary password first, then sets up two-factor sign-in.
      config: { access: { roles: 'authenticated', scope: 'none', duringTotpSetup: true } },
      schema: {
        tags: ['akses'],
        summary: 'Ganti kata sandi sendiri',
        body: changePasswordRequestSchema,
        response: { 200: okSchema, ...errors },
      },
    },
    async (request) => {
      await service.changePassword(pool, request, requireUser(request), request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/sessions',
    {
      config: { access: { roles: 'authenticated', scope: 'none' } },
      schema: { tags: ['akses'], summary: 'Sesi aktif akun sendiri', response: { 200: listSessionsResponseSchema, ...errors } },
    },
    async (request) => ({ items: await service.listSessions(pool, request, requireUser(request)) }),
  );

  app.delete(
    '/auth/sessions/:id',
    {
      config: { access: { roles: 'authenticated', scope: 'none' } },
      schema: {
        tags: ['akses'],
        summary: 'Akhiri satu sesi akun sendiri',
        params: z.object({ id: uuidSchema }),
        response: { 200: okSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { current } = await service.revokeSession(pool, request, requireUser(request), request.params.id);
      if (current) clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/sessions/revoke-others',
    {
      config: { access: { roles: 'authenticated', scope: 'none' } },
      schema: { tags: ['akses'], summary: 'Keluar dari semua perangkat lain', response: { 200: revokedSessionsResponseSchema, ...errors } },
    },
    async (request) => ({ revoked: await service.revokeOtherSessions(pool, request, requireUser(request)) }),
  );

  app.get(
    '/users',
    {
      config: { access: { roles: accountManagerRoles, scope: 'filtered' } },
      schema: {
        tags: ['akses'],
        summary: 'Daftar akun dalam wilayah Anda',
        querystring: listUsersQuerySchema,
        response: { 200: listUsersResponseSchema, ...errors },
      },
    },
    async (request) => {
      const { scopeCode, ...query } = request.query;
      return service.listUsers(pool, requestScope(request, scopeCode), query);
    },
  );

  app.post(
    '/users',
    {
      config: { access: { roles: accountManagerRoles, scope: 'record' } },
      schema: {
        tags: ['akses'],
        summary: 'Buat akun baru di dalam wilayah Anda',
        body: createUserRequestSchema,
        response: { 201: userSchema, ...errors },
      },
    },
    async (request, reply) => {
      const user = await service.createUser(pool, request, requireUser(request), request.body);
      return reply.status(201).send(user);
    },
  );

  app.get(
    '/users/:id',
    {
      config: { access: { roles: accountManagerRoles, scope: 'record' } },
      schema: { tags: ['akses'], summary: 'Satu akun', params: z.object({ id: uuidSchema }), response: { 200: userSchema, ...errors } },
    },
    async (request) => service.getUser(pool, requireUser(request), request.params.id),
  );

  app.patch(
    '/users/:id',
    {
      config: { access: { roles: accountManagerRoles, scope: 'record' } },
      schema: {
        tags: ['akses'],
        summary: 'Ubah, nonaktifkan atau atur ulang kata sandi akun',
        params: z.object({ id: uuidSchema }),
        body: updateUserRequestSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) => service.updateUser(pool, request, requireUser(request), request.params.id, request.body),
  );

  app.post(
    '/users/:id/sessions/revoke',
    {
      config: { access: { roles: accountManagerRoles, scope: 'record' } },
      schema: {
        tags: ['akses'],
        summary: 'Keluarkan akun dari semua perangkat',
        params: z.object({ id: uuidSchema }),
        response: { 200: revokedSessionsResponseSchema, ...errors },
      },
    },
    async (request) => ({ revoked: await service.revokeManagedUserSessions(pool, request, requireUser(request), request.params.id) }),
  );

  await app.register(totpRoutes, { pool, settings });

  app.get(
    '/audit',
    {
      config: { access: { roles: accountManagerRoles, scope: 'filtered' } },
      schema: {
        tags: ['akses'],
        summary: 'Jejak audit perubahan data dalam wilayah Anda',
        querystring: listAuditQuerySchema,
        response: { 200: listAuditResponseSchema, ...errors },
      },
    },
    async (request) => {
      const result = await listAudit(pool, { scope: requestScope(request), ...request.query });
      return { ...result, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
};
