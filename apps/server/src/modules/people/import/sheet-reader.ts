import { Readable } from 'node:stream';
import { type PeopleImportColumn, peopleImportColumns, peopleImportSheetName, requiredPeopleImportColumns } from '@desmigratif/contracts';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { type Cell, cleanText, headerKey, toCell } from './cells.js';
import { type FileFormat, ImportFileError } from './file-format.js';

/**
 * Reads the resident sheet of an OpenSID workbook or a CSV file row by row, so that a
 * 20,000-row file never sits in memory as cells: the header row is found and checked,
 * then data rows are streamed until the end or a row whose first cell is "###".
 *
 * exceljs' streaming reader keeps file handles and temporary files open until a sheet
 * is read to its end, so every sheet is always read through, even ones we ignore.
 */

export type SheetRow = {
  /** The row number the spreadsheet program shows (1-based, blank rows counted). */
  rowNumber: number;
  /** Cells by 0-based column position. */
  cells: Cell[];
};

export type SheetLayout = {
  /** Where each known column is (0-based), for the columns the sheet has. */
  columns: Map<PeopleImportColumn, number>;
  headerRowNumber: number;
};

const columnByKey = new Map<string, PeopleImportColumn>(peopleImportColumns.map((c) => [headerKey(c), c]));
const sheetKey = headerKey(peopleImportSheetName);
/** Title rows above the header are tolerated; this many non-blank rows are looked at. */
const headerSearchRows = 10;
const END_MARKER = '###';

const unreadable = () =>
  new ImportFileError('FILE_UNREADABLE', 'Berkas Excel rusak atau tidak dapat dibaca. Buka di Excel lalu simpan ulang sebagai .xlsx.');

async function* xlsxRows(file: Buffer): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
    sharedStrings: 'cache',
    // Styles tell which numbers are dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const seen: string[] = [];
  let found = false;
  try {
    for await (const worksheet of reader) {
      const name = String((worksheet as unknown as { name?: string }).name ?? '');
      seen.push(name);
      const isTarget: boolean = !found && headerKey(name) === sheetKey;
      found ||= isTarget;
      for await (const row of worksheet) {
        if (!isTarget) continue;
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(toCell(values[i]));
        yield { rowNumber: row.number, cells };
      }
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw unreadable();
  }
  if (seen.length === 0) {
    throw new ImportFileError('FILE_NOT_WORKBOOK', 'Berkas ini bukan buku kerja Excel (.xlsx) yang dapat dibaca.');
  }
  if (!found) {
    throw new ImportFileError(
      'SHEET_MISSING',
      `Lembar "${peopleImportSheetName}" tidak ditemukan. Lembar yang ada: ${seen.join(', ')}. Beri nama lembar data penduduk "${peopleImportSheetName}".`,
    );
  }
}

/** Spreadsheet programs save CSV as UTF-8 or, in older Windows setups, as Windows-1252. */
function decodeText(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file);
  } catch {
    return new TextDecoder('windows-1252').decode(file);
  }
}

/** The separator of the header line: Indonesian Excel saves CSV with semicolons. */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const candidates = [';', ',', '\t'].map((ch) => ({ ch, n: count(ch) }));
  candidates.sort((a, b) => b.n - a.n);
  return candidates[0]!.n > 0 ? candidates[0]!.ch : ',';
}

async function* csvRows(file: Buffer): AsyncGenerator<SheetRow> {
  const text = decodeText(file);
  const parser = Readable.from([text]).pipe(
    parseCsv({
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }),
  );
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber += 1;
      yield { rowNumber, cells: record.map((value) => cleanText(value)) };
    }
  } catch (error) {
    throw new ImportFileError('CSV_UNREADABLE', `Berkas CSV tidak dapat dibaca di sekitar baris ${rowNumber + 1}: periksa tanda kutip.`);
  }
}

const isBlank = (row: SheetRow) => row.cells.every((cell) => cell === null);

function layoutOf(row: SheetRow): SheetLayout {
  const columns = new Map<PeopleImportColumn, number>();
  row.cells.forEach((cell, index) => {
    const column = columnByKey.get(headerKey(cell));
    if (column && !columns.has(column)) columns.set(column, index);
  });
  return { columns, headerRowNumber: row.rowNumber };
}

function describeSource(format: FileFormat) {
  return format === 'xlsx' ? `Lembar "${peopleImportSheetName}"` : 'Berkas CSV';
}

/**
 * The header row and, after it, the data rows of the file. Throws ImportFileError for a
 * file without the sheet, an empty sheet, or a header row missing required columns.
 */
export async function readSheet(
  file: Buffer,
  format: FileFormat,
): Promise<{ layout: SheetLayout; rows: AsyncGenerator<SheetRow> }> {
  const source = format === 'xlsx' ? xlsxRows(file) : csvRows(file);
  const candidates: SheetRow[] = [];
  let layout: SheetLayout | null = null;
  while (!layout) {
    const next = await source.next();
    if (next.done) break;
    if (isBlank(next.value)) continue;
    const candidate = layoutOf(next.value);
    if (candidate.columns.size > 0) layout = candidate;
    else candidates.push(next.value);
    if (candidates.length >= headerSearchRows) break;
  }
  if (!layout) {
    if (candidates.length === 0) {
      await drain(source);
      throw new ImportFileError('SHEET_EMPTY', `${describeSource(format)} kosong: tidak ada baris judul maupun data.`);
    }
    layout = layoutOf(candidates[0]!);
  }
  const missing = requiredPeopleImportColumns.filter((column) => !layout.columns.has(column));
  if (missing.length > 0) {
    await drain(source);
    throw new ImportFileError(
      'COLUMNS_MISSING',
      `Kolom wajib tidak ditemukan di baris judul (baris ${layout.headerRowNumber}): ${missing.join(', ')}. ` +
        'Gunakan nama kolom format OpenSID, misalnya nama, nik, sex, no_kk.',
    );
  }
  return { layout, rows: dataRows(source) };
}

async function* dataRows(source: AsyncGenerator<SheetRow>): AsyncGenerator<SheetRow> {
  let ended = false;
  for await (const row of source) {
    // Keep reading after the end marker: the reader must reach the end of the file.
    if (ended || isBlank(row)) continue;
    if (cleanText(String(row.cells[0] ?? '')) === END_MARKER) {
      ended = true;
      continue;
    }
    yield row;
  }
}

async function drain(source: AsyncGenerator<unknown>): Promise<void> {
  for await (const _ of source);
}

/** Checks a file the way the import will read it and counts its data rows. */
export async function scanSheet(file: Buffer, format: FileFormat): Promise<{ layout: SheetLayout; dataRows: number }> {
  const { layout, rows } = await readSheet(file, format);
  let dataRows = 0;
  for await (const _ of rows) dataRows += 1;
  if (dataRows === 0) {
    throw new ImportFileError('SHEET_NO_DATA', `${describeSource(format)} tidak berisi data penduduk: hanya ada baris judul.`);
  }
  return { layout, dataRows };
}
