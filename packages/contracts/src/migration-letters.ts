import { z } from 'zod';
import { uuidSchema } from './common.js';
import { documentKindSchema } from './migration.js';

/** Document scans and the letters a village issues for a migration plan (issue 4). */

// ---------------------------------------------------------------- document scans

/** Photos from a phone camera or a scanned PDF, recognised by their first bytes. */
export const scanContentTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type ScanContentType = (typeof scanContentTypes)[number];
export const scanMaxBytes = 5 * 1024 * 1024;

export const documentScanParamsSchema = z.object({ id: uuidSchema, kind: documentKindSchema });

export const documentScanSchema = z.object({
  kind: documentKindSchema,
  contentType: z.enum(scanContentTypes),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});
export type DocumentScan = z.infer<typeof documentScanSchema>;

// ---------------------------------------------------------------- letters

export const letterKinds = ['izin_keluarga', 'rekomendasi_desa'] as const;
export const letterKindSchema = z.enum(letterKinds, { message: 'Jenis surat tidak dikenal' });
export type LetterKind = z.infer<typeof letterKindSchema>;
export const letterKindLabels: Record<LetterKind, string> = {
  izin_keluarga: 'Surat izin keluarga',
  rekomendasi_desa: 'Surat rekomendasi desa',
};

export const familyPermissionQuerySchema = z.object({
  familyMemberId: uuidSchema.meta({ description: 'Suami/istri atau orang tua yang memberi izin (dari KK atau keluarga terkait)' }),
});

/** A letter already issued for a plan (no token: the paper carries it). */
export const issuedLetterSchema = z.object({
  id: z.string(),
  kind: letterKindSchema,
  number: z.string(),
  issuedAt: z.string(),
  issuedByName: z.string(),
});

/** Who may sign the family permission: the plan holder's family (same KK) or linked relatives. */
export const familyMemberOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  relation: z.string(),
});

export const planLettersResponseSchema = z.object({
  letters: z.array(issuedLetterSchema),
  familyMembers: z.array(familyMemberOptionSchema),
  /** The village head's name as enrolled in the program; letters need it. */
  villageHeadName: z.string().nullable(),
});
export type PlanLettersResponse = z.infer<typeof planLettersResponseSchema>;

export const letterTokenParamsSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, { message: 'Kode verifikasi tidak valid' }),
});

/** What the public verification page shows: no NIK, the holder's initials only. */
export const letterVerificationSchema = z.object({
  kind: letterKindSchema,
  number: z.string(),
  issuedAt: z.string(),
  villageName: z.string(),
  holderInitials: z.string(),
});
export type LetterVerification = z.infer<typeof letterVerificationSchema>;
