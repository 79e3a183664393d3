import { z } from 'zod';
import { pageQuerySchema, regionCodeSchema, uuidSchema } from './common.js';
import { migrantStatusSchema, nikSchema } from './people.js';

/** Why two records may be one person. `similarity`: pg_trgm similarity (0..1) of the two normalized names, for name reasons. */
export const duplicateReasonCodes = ['nik', 'name', 'birth_date', 'mother_name', 'father_name'] as const;
export const duplicateReasonSchema = z.object({
  code: z.enum(duplicateReasonCodes),
  similarity: z.number().min(0).max(1).optional(),
  /** In Indonesian, for the officer: "NIK sama", "Nama mirip (87%)", "Tanggal lahir sama", "Nama ibu sama". */
  label: z.string(),
});
export type DuplicateReason = z.infer<typeof duplicateReasonSchema>;

/** The fields an officer compares to decide whether two records are one person. */
export const duplicateRecordSchema = z.object({
  id: uuidSchema,
  villageCode: z.string(),
  villageName: z.string(),
  /** Masked (3212••••••••0001) for roles that do not see full identity numbers. */
  nik: z.string(),
  nikMasked: z.boolean(),
  name: z.string(),
  sex: z.number().int(),
  birthPlace: z.string().nullable(),
  birthDate: z.string().nullable(),
  fatherName: z.string().nullable(),
  motherName: z.string().nullable(),
  dusun: z.string().nullable(),
  rw: z.string().nullable(),
  rt: z.string().nullable(),
  migrantStatus: migrantStatusSchema,
});
export type DuplicateRecord = z.infer<typeof duplicateRecordSchema>;

const optionalName = z.string().trim().max(150, { message: 'Nama terlalu panjang' }).optional();

export const duplicateSuggestionsQuerySchema = z
  .object({
    name: optionalName,
    birthDate: z.iso.date({ message: 'Tanggal lahir tidak valid (format YYYY-MM-DD)' }).optional(),
    nik: nikSchema.optional(),
    fatherName: optionalName,
    motherName: optionalName,
    /** The person being edited, so that they are not suggested as their own duplicate. */
    excludeId: uuidSchema.optional(),
  })
  .refine((q) => (q.name?.length ?? 0) >= 2 || q.nik !== undefined, {
    message: 'Isi nama (minimal 2 huruf) atau NIK',
    path: ['name'],
  });
export type DuplicateSuggestionsQuery = z.infer<typeof duplicateSuggestionsQuerySchema>;

export const duplicateCandidateSchema = duplicateRecordSchema.extend({
  /** 0..100: how likely the record is the person being typed. */
  score: z.number().int().min(0).max(100),
  reasons: z.array(duplicateReasonSchema),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

/**
 * A record with the same NIK outside the caller's region: where it is, never whose it is
 * (no name, birth date or parents of another village's resident).
 */
export const nikRecordedElsewhereSchema = z.object({
  villageCode: z.string(),
  villageName: z.string(),
  districtName: z.string(),
  regencyName: z.string(),
  provinceName: z.string(),
});

export const duplicateSuggestionsResponseSchema = z.object({
  candidates: z.array(duplicateCandidateSchema),
  nikRecordedElsewhere: z.array(nikRecordedElsewhereSchema),
  /** "NIK ini juga tercatat di Desa …": set when nikRecordedElsewhere is not empty. Recording is never blocked. */
  nikNotice: z.string().nullable(),
});
export type DuplicateSuggestionsResponse = z.infer<typeof duplicateSuggestionsResponseSchema>;

export const listDuplicatesQuerySchema = pageQuerySchema.extend({ within: regionCodeSchema.optional() });
export type ListDuplicatesQuery = z.infer<typeof listDuplicatesQuerySchema>;

export const duplicatePairSchema = z.object({
  a: duplicateRecordSchema,
  b: duplicateRecordSchema,
  score: z.number().int().min(0).max(100),
  reasons: z.array(duplicateReasonSchema),
});
export type DuplicatePair = z.infer<typeof duplicatePairSchema>;

export const listDuplicatesResponseSchema = z.object({
  items: z.array(duplicatePairSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const mergeDuplicatesRequestSchema = z
  .object({
    /** The record that stays; it takes over every link of the other. */
    keepId: uuidSchema,
    /** The record folded into keepId: marked merged and removed from lists. */
    mergeId: uuidSchema,
  })
  .refine((b) => b.keepId !== b.mergeId, { message: 'Pilih dua data yang berbeda', path: ['mergeId'] });
export type MergeDuplicatesRequest = z.infer<typeof mergeDuplicatesRequestSchema>;

export const mergeDuplicatesResponseSchema = z.object({
  kept: duplicateRecordSchema,
  mergedId: uuidSchema,
  /** Fields of the kept record that were empty and were taken from the merged one (camelCase). */
  filledFields: z.array(z.string()),
  /** Rows moved to the kept record, per referencing column ("migrant_status_events.person_id"). */
  moved: z.record(z.string(), z.number().int()),
});
export type MergeDuplicatesResponse = z.infer<typeof mergeDuplicatesResponseSchema>;

export const dismissDuplicateRequestSchema = z
  .object({ personAId: uuidSchema, personBId: uuidSchema })
  .refine((b) => b.personAId !== b.personBId, { message: 'Pilih dua data yang berbeda', path: ['personBId'] });
export type DismissDuplicateRequest = z.infer<typeof dismissDuplicateRequestSchema>;
