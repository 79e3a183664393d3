import { randomBytes } from 'node:crypto';
import { type ImportJob, opensidPeopleColumns } from '@desmigratif/contracts';
import ExcelJS from 'exceljs';
import type { Session } from '../../../test/support.js';

/** Test helpers: OpenSID-like workbooks and CSV files, uploads, waiting for a job. */

export type Resident = Record<string, string | number | Date | null>;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * `count` fictitious residents of Kec. Sukagumiwang (32.12.16) in families of four: a
 * head, a wife and two children, each with a NIK that agrees with their birth date and sex.
 */
export function residents(count: number, options: { firstSerial?: number } = {}): Resident[] {
  const first = options.firstSerial ?? 0;
  const people: Resident[] = [];
  for (let i = 0; i < count; i++) {
    const serial = first + i;
    const familyNo = Math.floor(serial / 4);
    const place = serial % 4; // 0 head, 1 wife, 2-3 children
    const female = place === 1 || place === 3;
    const year = place < 2 ? 1970 + (familyNo % 25) : 2000 + (familyNo % 20);
    const month = 1 + (serial % 12);
    const day = 1 + (serial % 28);
    const nik = `321216${pad(day + (female ? 40 : 0), 2)}${pad(month, 2)}${pad(year % 100, 2)}${pad((serial % 9999) + 1, 4)}`;
    people.push({
      alamat: `Blok ${familyNo % 7}`,
      dusun: `Dusun ${1 + (familyNo % 3)}`,
      rw: pad(1 + (familyNo % 4), 3),
      rt: pad(1 + (familyNo % 9), 3),
      nama: `${female ? 'Siti' : 'Ahmad'} Warga ${serial}`,
      no_kk: `321216${pad(1 + (familyNo % 28), 2)}0615${pad((familyNo % 9999) + 1, 4)}`,
      nik,
      sex: female ? 2 : 1,
      tempatlahir: 'Indramayu',
      tanggallahir: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
      agama_id: 1,
      pendidikan_kk_id: 3,
      pendidikan_sedang_id: 18,
      pekerjaan_id: place === 0 ? 9 : place === 1 ? 2 : 3,
      status_kawin: place < 2 ? 2 : 1,
      kk_level: place === 0 ? 1 : place === 1 ? 3 : 4,
      warganegara_id: 1,
      nama_ayah: 'Karta',
      nama_ibu: 'Wasini',
      golongan_darah_id: 13,
      status_dasar: 1,
      pekerja_migran: place === 1 && familyNo % 5 === 0 ? 'pmi' : '',
    });
  }
  return people;
}

export const allColumns = [...opensidPeopleColumns, 'pekerja_migran'] as const;

/** A workbook with the given sheets; rows are arrays of cells (the header is the first row). */
export async function workbook(sheets: Array<{ name: string; rows: unknown[][] }>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const { name, rows } of sheets) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The "Data Penduduk" sheet of these residents, under these headers (all columns by default). */
export function sheetRows(people: Resident[], headers: readonly string[] = allColumns): unknown[][] {
  return [[...headers], ...people.map((p) => headers.map((h) => p[h] ?? null))];
}

export async function residentWorkbook(people: Resident[], headers: readonly string[] = allColumns): Promise<Buffer> {
  return workbook([{ name: 'Data Penduduk', rows: sheetRows(people, headers) }]);
}

export function csv(people: Resident[], options: { delimiter?: string; bom?: boolean; headers?: readonly string[] } = {}): Buffer {
  const headers = options.headers ?? allColumns;
  const delimiter = options.delimiter ?? ',';
  const quote = (value: unknown) => {
    const text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    return /[",;\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [headers.join(delimiter), ...people.map((p) => headers.map((h) => quote(p[h])).join(delimiter))];
  return Buffer.from(`${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`, 'utf8');
}

/** A multipart/form-data request carrying one file in the field "file". */
export function multipart(content: Buffer, fileName: string, contentType = 'application/octet-stream') {
  const boundary = `----desmigratif${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function upload(session: Session, villageCode: string, content: Buffer, fileName = 'penduduk.xlsx') {
  const { payload, headers } = multipart(content, fileName);
  return session.request({ method: 'POST', url: `/api/v1/villages/${villageCode}/people/imports`, payload, headers });
}

/** Polls the job as the web does, until it has finished. */
export async function waitForJob(session: Session, id: string, timeoutMs = 60_000): Promise<ImportJob> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await session.request({ method: 'GET', url: `/api/v1/people/imports/${id}` });
    if (res.statusCode !== 200) throw new Error(`GET import ${id}: ${res.statusCode} ${res.body}`);
    const job = res.json() as ImportJob;
    if (job.status === 'selesai' || job.status === 'gagal') return job;
    if (Date.now() > until) throw new Error(`import ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Uploads a file and waits for its job to finish. */
export async function importFile(session: Session, villageCode: string, content: Buffer, fileName?: string): Promise<ImportJob> {
  const res = await upload(session, villageCode, content, fileName);
  if (res.statusCode !== 202) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return waitForJob(session, (res.json() as ImportJob).id);
}
