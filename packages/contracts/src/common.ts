import { z } from 'zod';

/** A Kemendagri region code stored as plain digits: 2 (province), 4 (regency), 6 (district) or 10 (village). */
export const regionCodeSchema = z
  .string()
  .regex(/^(\d{2}|\d{4}|\d{6}|\d{10})$/, { message: 'Kode wilayah harus 2, 4, 6 atau 10 digit angka tanpa titik' });

export const villageCodeSchema = z
  .string()
  .regex(/^\d{10}$/, { message: 'Kode desa harus 10 digit angka (contoh 3212162004)' });

/** A user's scope: '' means the whole country, else a region code prefix. */
export const scopeCodeSchema = z.union([z.literal(''), regionCodeSchema]);

export const uuidSchema = z.uuid({ message: 'ID tidak valid' });

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const okSchema = z.object({ ok: z.literal(true) });

/** Shows a plain code dotted the Kemendagri way: 3212162004 → 32.12.16.2004. */
export function formatRegionCode(code: string): string {
  if (code.length <= 2) return code;
  const parts = [code.slice(0, 2), code.slice(2, 4)];
  if (code.length > 4) parts.push(code.slice(4, 6));
  if (code.length > 6) parts.push(code.slice(6));
  return parts.join('.');
}

/** Accepts a code typed with or without dots (32.12.16.2004 or 3212162004). */
export function parseRegionCode(input: string): string {
  return input.replace(/[.\s]/g, '');
}
