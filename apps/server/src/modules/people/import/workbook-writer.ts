import { PassThrough, type Readable } from 'node:stream';
import { type PeopleImportColumn, peopleImportColumns, peopleImportSheetName } from '@desmigratif/contracts';
import ExcelJS from 'exceljs';
import type { ExportPerson } from './repository.js';
import { personColumns } from './person-columns.js';
import type { RejectedRow } from './row-parser.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type CellValue = string | number | null;

/**
 * Streams a one-sheet workbook in OpenSID's "Data Penduduk" layout while rows are
 * produced, so that an export of a whole village never sits in memory. Text cells stay
 * text: a NIK written as a number would lose its last digit in Excel.
 */
export function streamWorkbook(headers: readonly string[], rows: AsyncIterable<CellValue[]>): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(peopleImportSheetName);
  void (async () => {
    sheet.addRow([...headers]).commit();
    for await (const row of rows) {
      // The download was abandoned: stop reading (which closes the database cursor).
      if (output.destroyed) return;
      sheet.addRow(row).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return output;
}

const columnOf = new Map<PeopleImportColumn, (typeof personColumns)[number]>(
  personColumns.filter((c) => c.name !== 'name_key').map((c) => [c.from, c]),
);

/** A registry row as OpenSID writes it: codes as numbers, dates YYYY-MM-DD, numbers as text. */
export function exportRow(person: ExportPerson): CellValue[] {
  return peopleImportColumns.map((column) => {
    if (column === 'no_kk') return person.no_kk;
    if (column === 'pekerja_migran') return person.migrant_status;
    const spec = columnOf.get(column)!;
    const value = person[spec.name];
    if (value === null || value === undefined) return null;
    if (spec.type === 'numeric') return Number(value);
    return value;
  });
}

export async function* exportRows(people: AsyncIterable<ExportPerson>): AsyncGenerator<CellValue[]> {
  for await (const person of people) yield exportRow(person);
}

/** The rejected rows as read, in the same columns, with the reasons in `alasan`. */
export async function* rejectRows(rejects: AsyncIterable<RejectedRow>): AsyncGenerator<CellValue[]> {
  for await (const reject of rejects) {
    const reasons = reject.problems.map((p) => (p.column ? `${p.column}: ${p.reason}` : p.reason)).join('; ');
    yield [...peopleImportColumns.map((column) => reject.raw[column] ?? null), `Baris ${reject.rowNumber}: ${reasons}`];
  }
}

export const rejectHeaders = [...peopleImportColumns, 'alasan'] as const;
