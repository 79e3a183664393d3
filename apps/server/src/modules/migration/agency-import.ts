import {
  type AgencyImportResult,
  agencyInputSchema,
  type AgencySheetColumn,
  agencySheetColumns,
  formatBranches,
  parseBranches,
  type SessionUser,
} from '@desmigratif/contracts';
import { type Pool, withTransaction } from '@desmigratif/db';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { type Cell, cellText, cleanText, headerKey, isoDateOf, toCell } from '../people/import/cells.js';
import { detectFileFormat, ImportFileError } from '../people/import/file-format.js';
import * as repo from './agencies-repository.js';

/**
 * The licensed-agency registry (P3MI) from a spreadsheet the ministry publishes or keeps:
 * columns nama, nomor_izin, berlaku_sampai, alamat, cabang. The licence number is the key,
 * so importing the same file twice changes nothing and a newer file updates what changed.
 * A row that cannot be read is reported with its row number, column and reason; the other
 * rows are imported. The export writes the same columns, so it imports back unchanged.
 */

export type AgencySheetRow = { row: number; cells: Partial<Record<AgencySheetColumn, Cell>> };
export type AgencyValues = {
  name: string;
  licenceNumber: string;
  licenceValidUntil: string | null;
  address: string | null;
  branches: Array<{ name: string; address: string | null }>;
};
export type RowProblem = { row: number; column: AgencySheetColumn | null; reason: string };

/** A registry this large is a wrong file, not a list of agencies (Indonesia licenses a few hundred). */
export const maxAgencyRows = 5000;
const headerSearchRows = 10;

const fileError = (error: ImportFileError) => new AppError(422, error.code, error.message);

// ---------------------------------------------------------------- reading the file

async function xlsxRows(file: Buffer): Promise<Cell[][]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError('FILE_UNREADABLE', 'Berkas Excel rusak atau tidak dapat dibaca. Buka di Excel lalu simpan ulang sebagai .xlsx.');
  }
  // The first sheet with the header row; else the first sheet, to report what is missing there.
  const sheets = book.worksheets.map((sheet) => {
    const rows: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const values = row.values as unknown[];
      rows[number - 1] = values.slice(1).map(toCell);
    });
    return Array.from(rows, (r) => r ?? []);
  });
  return sheets.find((rows) => findHeader(rows) !== null) ?? sheets[0] ?? [];
}

function decodeText(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return new TextDecoder('windows-1252').decode(file);
  }
}

/** Indonesian Excel saves CSV with semicolons; others with commas or tabs. */
function delimiterOf(text: string): string {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const counts = [';', ',', '\t'].map((ch) => ({ ch, n: firstLine.split(ch).length - 1 })).sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.ch : ',';
}

function csvRows(file: Buffer): Cell[][] {
  const text = decodeText(file).replace(/^\uFEFF/, '');
  try {
    const records = parseCsv(text, { delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
    return records.map((record) => record.map((value) => cleanText(value)));
  } catch {
    throw new ImportFileError('CSV_UNREADABLE', 'Berkas CSV tidak dapat dibaca: periksa tanda kutip.');
  }
}

const columnByKey = new Map<string, AgencySheetColumn>(agencySheetColumns.map((c) => [headerKey(c), c]));

/** The header row (0-based) and where each column is, among the first rows of a sheet. */
function findHeader(rows: Cell[][]): { index: number; columns: Map<AgencySheetColumn, number> } | null {
  for (let index = 0; index < Math.min(rows.length, headerSearchRows); index++) {
    const columns = new Map<AgencySheetColumn, number>();
    (rows[index] ?? []).forEach((cell, position) => {
      const column = columnByKey.get(headerKey(cell));
      if (column && !columns.has(column)) columns.set(column, position);
    });
    if (columns.has('nama') && columns.has('nomor_izin')) return { index, columns };
  }
  return null;
}

/** The data rows of an uploaded xlsx or CSV file, by column name; throws ImportFileError for a file that cannot be read. */
export async function readAgencySheet(file: Buffer): Promise<AgencySheetRow[]> {
  const rows = detectFileFormat(file) === 'xlsx' ? await xlsxRows(file) : csvRows(file);
  const header = findHeader(rows);
  if (!header) {
    throw new ImportFileError(
      'COLUMNS_MISSING',
      `Baris judul tidak ditemukan. Kolom yang diperlukan: ${agencySheetColumns.join(', ')} (minimal nama dan nomor_izin).`,
    );
  }
  const data: AgencySheetRow[] = [];
  for (let index = header.index + 1; index < rows.length; index++) {
    const row = rows[index] ?? [];
    if (row.every((cell) => cell === null || cell === undefined)) continue;
    const cells: AgencySheetRow['cells'] = {};
    for (const [column, position] of header.columns) cells[column] = row[position] ?? null;
    data.push({ row: index + 1, cells });
  }
  if (data.length === 0) throw new ImportFileError('SHEET_NO_DATA', 'Berkas hanya berisi baris judul: tidak ada data P3MI.');
  if (data.length > maxAgencyRows) throw new ImportFileError('TOO_MANY_ROWS', `Berkas berisi lebih dari ${maxAgencyRows} baris data P3MI.`);
  return data;
}

// ---------------------------------------------------------------- one row

const excelEpoch = Date.UTC(1899, 11, 30);

/**
 * A date as officers type it: 2027-03-31, 31/03/2027, 31-03-2027, 31.03.2027, or a real
 * Excel date (a Date cell, or its serial number when the cell lost its format).
 */
export function parseSheetDate(cell: Cell): string | null | 'invalid' {
  if (cell === null) return null;
  if (cell instanceof Date) return isoDateOf(cell);
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2958465) return 'invalid';
    return isoDateOf(new Date(excelEpoch + cell * 86_400_000));
  }
  const text = String(cell).trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return 'invalid';
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'invalid';
  return isoDateOf(date);
}

const columnOfField: Record<string, AgencySheetColumn> = {
  name: 'nama',
  licenceNumber: 'nomor_izin',
  licenceValidUntil: 'berlaku_sampai',
  address: 'alamat',
  branches: 'cabang',
};

/** One sheet row checked by the same rules as the agency form; problems name the sheet's column. */
export function parseAgencyRow(row: AgencySheetRow): { values: AgencyValues } | { problems: RowProblem[] } {
  const text = (column: AgencySheetColumn) => {
    const cell = row.cells[column] ?? null;
    return cell === null ? null : cellText(cell);
  };
  const problems: RowProblem[] = [];
  const validUntil = parseSheetDate(row.cells.berlaku_sampai ?? null);
  if (validUntil === 'invalid') {
    problems.push({ row: row.row, column: 'berlaku_sampai', reason: 'Tanggal tidak dikenali (tulis 2027-03-31 atau 31/03/2027)' });
  }
  const parsed = agencyInputSchema.safeParse({
    name: text('nama') ?? undefined,
    licenceNumber: text('nomor_izin') ?? undefined,
    licenceValidUntil: validUntil === 'invalid' ? null : validUntil,
    address: text('alamat'),
    branches: parseBranches(text('cabang')),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ row: row.row, column: columnOfField[String(issue.path[0])] ?? null, reason: issue.message });
    }
  }
  if (problems.length || !parsed.success) return { problems };
  const v = parsed.data;
  return {
    values: {
      name: v.name,
      licenceNumber: v.licenceNumber,
      licenceValidUntil: v.licenceValidUntil ?? null,
      address: v.address || null,
      branches: (v.branches ?? []).map((b) => ({ name: b.name, address: b.address || null })),
    },
  };
}

// ---------------------------------------------------------------- import and export

const sameValues = (row: repo.AgencyRow, v: AgencyValues) =>
  row.name === v.name &&
  row.licence_number === v.licenceNumber &&
  row.licence_valid_until === v.licenceValidUntil &&
  row.address === v.address &&
  JSON.stringify(row.branches.map((b) => ({ name: b.name, address: b.address ?? null }))) === JSON.stringify(v.branches);

/**
 * Reads the file, then in one transaction creates the agencies not yet listed and
 * updates the ones whose row differs, each audited. A licence number twice in one file
 * is a mistake in the file: the later row is rejected.
 */
export async function importAgencies(pool: Pool, request: FastifyRequest, actor: SessionUser, file: Buffer): Promise<AgencyImportResult> {
  let rows: AgencySheetRow[];
  try {
    rows = await readAgencySheet(file);
  } catch (error) {
    if (error instanceof ImportFileError) throw fileError(error);
    throw error;
  }
  const result: AgencyImportResult = { created: 0, updated: 0, unchanged: 0, rejects: [] };
  const firstRowOf = new Map<string, number>();
  const valid: Array<{ row: number; values: AgencyValues }> = [];
  for (const row of rows) {
    const parsed = parseAgencyRow(row);
    if ('problems' in parsed) {
      result.rejects.push(...parsed.problems);
      continue;
    }
    const key = parsed.values.licenceNumber.toUpperCase();
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      result.rejects.push({ row: row.row, column: 'nomor_izin', reason: `Nomor izin sama dengan baris ${first}` });
      continue;
    }
    firstRowOf.set(key, row.row);
    valid.push({ row: row.row, values: parsed.values });
  }
  await withTransaction(pool, async (tx) => {
    for (const { values } of valid) {
      const current = await repo.findAgencyByLicence(tx, values.licenceNumber);
      if (!current) {
        const id = uuidv7();
        await repo.insertAgency(tx, { id, ...values, createdBy: actor.id });
        await recordAudit(tx, request, { action: 'import', entityType: 'placement_agency', entityId: id, regionCode: '', after: values });
        result.created += 1;
      } else if (sameValues(current, values)) {
        result.unchanged += 1;
      } else {
        await repo.updateAgency(tx, current.id, values);
        const { version: _v, id: _id, ...before } = current;
        await recordAudit(tx, request, { action: 'import', entityType: 'placement_agency', entityId: current.id, regionCode: '', before, after: values });
        result.updated += 1;
      }
    }
  });
  return result;
}

/** Every listed agency in the import's columns, dates as text so that they read the same everywhere. */
export async function exportAgencies(pool: Pool): Promise<Buffer> {
  const { rows } = await pool.query<repo.AgencyRow>(
    `SELECT id, name, licence_number, to_char(licence_valid_until, 'YYYY-MM-DD') AS licence_valid_until, address, branches,
            version::text AS version
       FROM placement_agencies ORDER BY lower(name), id`,
  );
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('P3MI');
  sheet.addRow([...agencySheetColumns]);
  for (const a of rows) sheet.addRow([a.name, a.licence_number, a.licence_valid_until, a.address, formatBranches(a.branches)]);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
