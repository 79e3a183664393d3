import { z } from 'zod';

/** Two-factor sign-in (TOTP): the six-digit code of an authenticator app, and recovery codes. */

/** Roles that may switch two-factor sign-in on (those that do not work offline in a village). */
export const totpRoles = ['koordinator_kabupaten', 'kementerian', 'admin'] as const;

export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: 'Kode harus 6 angka dari aplikasi autentikator' });

export const recoveryCodeSchema = z
  .string()
  .trim()
  .min(1, { message: 'Kode pemulihan wajib diisi' })
  .max(40, { message: 'Kode pemulihan terlalu panjang' });

export const totpStatusSchema = z.object({
  /** Whether this account's role may use two-factor sign-in at all. */
  allowed: z.boolean(),
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  /** The server requires it for this account (admins, ADMIN_TOTP_REQUIRED). */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int().min(0),
});
export type TotpStatus = z.infer<typeof totpStatusSchema>;

/** What the authenticator app needs: a QR code of `otpauthUri`, or the secret typed by hand. */
export const totpSetupResponseSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  /** The QR code of `otpauthUri`, as an SVG image in a data URL. */
  qrDataUrl: z.string(),
});

export const totpConfirmRequestSchema = z.object({ code: totpCodeSchema });

/** Shown once: only hashes are kept. */
export const recoveryCodesResponseSchema = z.object({ codes: z.array(z.string()) });

/**
 * Turning two-factor off or replacing the recovery codes: the password and proof of the second
 * factor (a code from the app, or — the phone lost — one recovery code, which is then used up).
 */
export const totpReauthRequestSchema = z
  .object({
    password: z.string().min(1, { message: 'Kata sandi wajib diisi' }).max(200),
    totpCode: totpCodeSchema.optional(),
    recoveryCode: recoveryCodeSchema.optional(),
  })
  .refine((v) => v.totpCode !== undefined || v.recoveryCode !== undefined, {
    message: 'Masukkan kode 6 angka dari aplikasi autentikator atau kode pemulihan',
    path: ['totpCode'],
  });
