import { z } from 'zod';
import { recoveryCodeSchema, totpCodeSchema } from './access-totp.js';
import { pageQuerySchema, scopeCodeSchema, uuidSchema } from './common.js';

export const roles = [
  'petugas_desa',
  'kepala_desa',
  'pengurus_koperasi',
  'koordinator_kabupaten',
  'kementerian',
  'mitra',
  'admin',
] as const;
export const roleSchema = z.enum(roles, { message: 'Peran tidak dikenal' });
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  petugas_desa: 'Petugas Desmigratif',
  kepala_desa: 'Kepala Desa (Penanggung Jawab)',
  pengurus_koperasi: 'Pengurus Koperasi',
  koordinator_kabupaten: 'Koordinator Dinas Kabupaten',
  kementerian: 'Kementerian Ketenagakerjaan',
  mitra: 'Kementerian Mitra',
  admin: 'Administrator',
};

/** Which scope length a role's account must have. */
export const roleScopeLevels: Record<Role, readonly number[]> = {
  petugas_desa: [10],
  kepala_desa: [10],
  pengurus_koperasi: [10],
  koordinator_kabupaten: [4],
  kementerian: [0],
  mitra: [0],
  admin: [0, 2, 4],
};

export const userSchema = z.object({
  id: uuidSchema,
  username: z.string(),
  fullName: z.string(),
  role: roleSchema,
  scopeCode: z.string(),
  scopeName: z.string(),
  phone: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  /** Two-factor sign-in (TOTP) is on for this account. */
  totpEnabled: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

export const sessionUserSchema = userSchema.pick({
  id: true,
  username: true,
  fullName: true,
  role: true,
  scopeCode: true,
  scopeName: true,
  mustChangePassword: true,
}).extend({
  /**
   * An admin without two-factor sign-in while the server requires it: this session reaches only
   * the two-factor setup, /auth/me, the password change and sign-out (403 TOTP_SETUP_REQUIRED).
   * Absent on a session resumed offline.
   */
  totpSetupRequired: z.boolean().optional(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, {
    message: 'Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung',
  });

export const passwordSchema = z
  .string()
  .min(10, { message: 'Kata sandi minimal 10 karakter' })
  .max(200, { message: 'Kata sandi maksimal 200 karakter' });

export const loginRequestSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, { message: 'Nama pengguna wajib diisi' }).max(100),
  password: z.string().min(1, { message: 'Kata sandi wajib diisi' }).max(200),
  /** The authenticator's code, for an account with two-factor sign-in (else 401 TOTP_REQUIRED). */
  totpCode: totpCodeSchema.optional(),
  /** Or one of its one-time recovery codes. */
  recoveryCode: recoveryCodeSchema.optional(),
});
export const loginResponseSchema = z.object({
  user: sessionUserSchema,
  csrfToken: z.string(),
  /** Days this server lets a phone sign in again without signal after this login (0: never). */
  offlineLoginDays: z.number().int().min(0),
});
export const meResponseSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, { message: 'Kata sandi lama wajib diisi' }).max(200),
  newPassword: passwordSchema,
});

/** One sign-in of the caller's own account; `current` marks the one making the request. */
export const accountSessionSchema = z.object({
  id: uuidSchema,
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type AccountSession = z.infer<typeof accountSessionSchema>;
export const listSessionsResponseSchema = z.object({ items: z.array(accountSessionSchema) });
export const revokedSessionsResponseSchema = z.object({ revoked: z.number().int() });

export const createUserRequestSchema = z.object({
  username: usernameSchema,
  fullName: z.string().trim().min(2, { message: 'Nama lengkap minimal 2 huruf' }).max(120),
  role: roleSchema,
  scopeCode: scopeCodeSchema,
  phone: z
    .string()
    .trim()
    .regex(/^(\+62|0)8\d{7,12}$/, { message: 'Nomor HP tidak valid (contoh 081234567890)' })
    .nullable()
    .optional(),
  password: passwordSchema,
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z.object({
  fullName: z.string().trim().min(2, { message: 'Nama lengkap minimal 2 huruf' }).max(120).optional(),
  phone: createUserRequestSchema.shape.phone,
  disabled: z.boolean().optional(),
  resetPassword: passwordSchema.optional(),
});

export const listUsersQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  scopeCode: scopeCodeSchema.optional(),
});
export const listUsersResponseSchema = z.object({
  items: z.array(userSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  regionCode: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const listAuditQuerySchema = pageQuerySchema.extend({
  actorId: uuidSchema.optional(),
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(100).optional(),
  from: z.iso.date({ message: 'Tanggal awal tidak valid (YYYY-MM-DD)' }).optional(),
  to: z.iso.date({ message: 'Tanggal akhir tidak valid (YYYY-MM-DD)' }).optional(),
});
export const listAuditResponseSchema = z.object({
  items: z.array(auditEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
