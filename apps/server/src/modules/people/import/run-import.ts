import type { PeopleImportColumn } from '@desmigratif/contracts';
import type { PoolClient } from '@desmigratif/db';
import { todayInJakarta } from '@desmigratif/domain';
import { recordAudit } from '../../../platform/audit.js';
import type { JobQueue } from '../../../platform/jobs.js';
import { createFileChecks } from './file-checks.js';
import { detectFileFormat, ImportFileError } from './file-format.js';
import type { ImportRow } from './person-columns.js';
import * as repo from './repository.js';
import { parseRow, type RejectedRow } from './row-parser.js';
import { readSheet } from './sheet-reader.js';
import { type ChunkContext, writeChunk } from './write-chunk.js';

/**
 * The background side of an import: reads the stored file and writes it chunk by chunk.
 * Each chunk's people, families, status events, rejected rows and the job's counters and
 * progress commit in one transaction, so a job interrupted anywhere resumes after its
 * last committed chunk and every row is counted exactly once.
 */

export type PeopleImportOptions = {
  /** Rows per transaction (and per progress step). */
  chunkSize?: number;
  /** Starts after which a job is given up (a file that kills the process each time). */
  maxAttempts?: number;
  /**
   * Runs after a job finished, outside its transactions — e.g. the duplicate review's
   * candidate search over the new rows, so the first list after an import is quick.
   * A failure here is logged by the runner but does not undo the import.
   */
  afterImport?: (villageCode: string) => Promise<unknown>;
};

export const PEOPLE_IMPORT_QUEUE = 'people-import';

export function peopleImportQueue(options: PeopleImportOptions = {}): JobQueue {
  return {
    name: PEOPLE_IMPORT_QUEUE,
    pending: (db, limit) => repo.pendingJobIds(db, limit),
    run: (client, jobId, signal) => runImport(client, jobId, signal, options),
  };
}

/** Another worker moved the job on: this one stops without writing. */
class Superseded extends Error {}

async function inTransaction<T>(client: PoolClient, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await fn();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

const serverFailure = (processed: number) =>
  `Impor berhenti karena kesalahan di server setelah ${processed.toLocaleString('id-ID')} baris. ` +
  'Baris yang sudah diproses tetap tersimpan; unggah ulang berkas yang sama untuk melanjutkan (baris yang sama tidak tercatat dua kali).';

async function runImport(client: PoolClient, jobId: string, signal: AbortSignal, options: PeopleImportOptions): Promise<void> {
  const chunkSize = options.chunkSize ?? 1000;
  const maxAttempts = options.maxAttempts ?? 5;
  const job = await repo.startJob(client, jobId);
  if (!job) return;

  let processed = job.processedRows;
  const finish = (status: 'selesai' | 'gagal', errorMessage: string | null, totalRows: number | null) =>
    inTransaction(client, async () => {
      const state = await repo.lockJob(client, job.id);
      if (state?.status !== 'berjalan') throw new Superseded();
      const done = await repo.finishJob(client, job.id, { status, errorMessage, totalRows });
      await recordAudit(client, null, {
        action: 'import',
        entityType: 'import_job',
        entityId: job.id,
        regionCode: job.villageCode,
        after: {
          fileName: done.fileName,
          status: done.status,
          totalRows: done.totalRows,
          created: done.createdCount,
          updated: done.updatedCount,
          unchanged: done.unchangedCount,
          rejected: done.rejectedCount,
          errorMessage: done.errorMessage,
        },
        actor: job.createdBy && job.createdByUsername ? { id: job.createdBy, username: job.createdByUsername } : undefined,
      });
    });

  try {
    if (job.attempts > maxAttempts) {
      await finish('gagal', `Impor dihentikan setelah ${maxAttempts} kali percobaan. Periksa berkasnya, atau hubungi admin bila berulang.`, null);
      return;
    }
    if (!job.fileContent) {
      await finish('gagal', 'Berkas impor tidak tersimpan lagi; unggah ulang berkasnya.', null);
      return;
    }
    const { layout, rows } = await readSheet(job.fileContent, detectFileFormat(job.fileContent));
    const today = todayInJakarta();
    const context: ChunkContext = {
      villageCode: job.villageCode,
      actorId: job.createdBy,
      columns: new Set<PeopleImportColumn>(layout.columns.keys()),
      today,
      fileName: job.fileName,
    };
    const admit = createFileChecks();

    let chunk: ImportRow[] = [];
    let rejects: RejectedRow[] = [];
    const commit = () =>
      inTransaction(client, async () => {
        const state = await repo.lockJob(client, job.id);
        if (state?.status !== 'berjalan' || state.processedRows !== processed) throw new Superseded();
        const written = await writeChunk(client, context, chunk);
        await repo.insertRejects(client, job.id, [...rejects, ...written.rejects]);
        const size = chunk.length + rejects.length;
        await repo.advanceJob(client, job.id, processed + size, { ...written, rejected: rejects.length + written.rejected });
        return size;
      });

    let read = 0;
    for await (const sheetRow of rows) {
      read += 1;
      const parsed = parseRow(sheetRow, layout, today);
      const outcome = parsed.ok ? admit(parsed.row) : parsed;
      // Rows written before an interruption are read again only to rebuild the file checks.
      if (read <= job.processedRows) continue;
      if (outcome.ok) chunk.push(outcome.row);
      else rejects.push(outcome.rejected);
      if (chunk.length + rejects.length >= chunkSize) {
        processed += await commit();
        chunk = [];
        rejects = [];
        // Shutting down: the job stays 'berjalan' and is resumed from here.
        if (signal.aborted) return;
      }
    }
    if (chunk.length + rejects.length > 0) processed += await commit();
    await finish('selesai', null, read);
    await options.afterImport?.(job.villageCode);
  } catch (error) {
    if (error instanceof Superseded) return;
    if (error instanceof ImportFileError) {
      await finish('gagal', error.message, null);
      return;
    }
    await finish('gagal', serverFailure(processed), null).catch(() => undefined);
    throw error;
  }
}
