import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { type DocumentKind, type DocumentScan, type ScanContentType, type SessionUser, scanMaxBytes } from '@desmigratif/contracts';
import { keyring, type Pool, withTransaction } from '@desmigratif/db';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import * as repo from './letters-repository.js';
import { loadPlan } from './plans-service.js';
import { recordScanRead } from '../privacy/sensitive-read.js';

/** Scans of a plan's documents: photos from the phone's camera or scanned PDFs. */

const startsWith = (content: Buffer, bytes: readonly number[], at = 0) => bytes.every((b, i) => content[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The file's real type from its first bytes. The browser's declared type and the file name
 * are not trusted: a page renamed to .jpg must not be served back as an image.
 */
export function detectScanType(content: Buffer): ScanContentType | null {
  if (startsWith(content, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(content, ascii('RIFF')) && startsWith(content, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(content, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

const extensions: Record<ScanContentType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' };

/** Outside the web root; files are named by a random id only, never by anything a user typed. */
export const uploadsDir = (dataDir: string) => path.join(dataDir, 'uploads');
const storagePath = (dataDir: string, storageId: string) => path.join(uploadsDir(dataDir), storageId);

function toScan(row: repo.ScanRow): DocumentScan {
  return { kind: row.kind as DocumentKind, contentType: row.content_type as ScanContentType, sizeBytes: row.size_bytes, uploadedAt: row.uploaded_at.toISOString() };
}

/**
 * Stores a new scan of one document, replacing the previous one. The file is written
 * before the row, and removed again when the row cannot be written; the replaced file is
 * removed only once the new row is committed, its id and hash staying in the audit log.
 */
export async function saveScan(
  pool: Pool,
  request: FastifyRequest,
  actor: SessionUser,
  dataDir: string,
  planId: string,
  kind: DocumentKind,
  content: Buffer,
): Promise<DocumentScan> {
  if (content.length === 0) throw new AppError(400, 'FILE_MISSING', 'Berkas kosong. Pilih foto atau PDF dokumen.');
  if (content.length > scanMaxBytes) throw scanTooLarge();
  const contentType = detectScanType(content);
  if (!contentType) {
    throw new AppError(415, 'FILE_TYPE_UNSUPPORTED', 'Jenis berkas tidak didukung. Unggah foto (JPG, PNG, WEBP) atau PDF.');
  }
  const storageId = randomBytes(16).toString('hex');
  await mkdir(uploadsDir(dataDir), { recursive: true });
  // Sealed like the identity numbers: a copied uploads folder (or a backup of it) shows no passport.
  await writeFile(storagePath(dataDir, storageId), keyring().sealBytes(content), { flag: 'wx', mode: 0o600 });
  const sha256 = createHash('sha256').update(content).digest('hex');
  try {
    const { saved, replaced } = await withTransaction(pool, async (tx) => {
      const plan = await loadPlan(tx, request, planId, true);
      const before = await repo.findScan(tx, planId, kind);
      const row = await repo.upsertScan(tx, {
        id: uuidv7(),
        planId,
        villageCode: plan.village_code,
        kind,
        storageId,
        contentType,
        sizeBytes: content.length,
        sha256,
        uploadedBy: actor.id,
      });
      await recordAudit(tx, request, {
        action: before ? 'replace_scan' : 'upload_scan',
        entityType: 'migration_plan',
        entityId: planId,
        regionCode: plan.village_code,
        before: before ? { kind, storageId: before.storage_id, contentType: before.content_type, sizeBytes: before.size_bytes, sha256: before.sha256 } : null,
        after: { kind, storageId, contentType, sizeBytes: content.length, sha256 },
      });
      return { saved: row, replaced: before?.storage_id };
    });
    if (replaced) await rm(storagePath(dataDir, replaced), { force: true });
    return toScan(saved);
  } catch (error) {
    await rm(storagePath(dataDir, storageId), { force: true });
    throw error;
  }
}

export const scanTooLarge = () => new AppError(413, 'FILE_TOO_LARGE', `Berkas terlalu besar (maks. ${scanMaxBytes / 1024 / 1024} MB). Perkecil foto lalu unggah lagi.`);

/** A stored scan, opened; one stored before scans were sealed is served as it is. */
export async function readScanFile(dataDir: string, storageId: string): Promise<Buffer> {
  const stored = await readFile(storagePath(dataDir, storageId));
  return keyring().isSealed(stored) ? keyring().openBytes(stored) : stored;
}

/** The current scan of a document, read through the plan's scope. */
export async function openScan(
  pool: Pool,
  request: FastifyRequest,
  dataDir: string,
  planId: string,
  kind: DocumentKind,
): Promise<{ contentType: string; fileName: string; stream: Readable }> {
  await loadPlan(pool, request, planId);
  const scan = await repo.findScan(pool, planId, kind);
  if (!scan) throw notFound('Pindaian dokumen');
  await recordScanRead(pool, request, planId, kind);
  return {
    contentType: scan.content_type,
    fileName: `${kind}.${extensions[scan.content_type as ScanContentType]}`,
    stream: Readable.from([await readScanFile(dataDir, scan.storage_id)]),
  };
}
