import { type ServiceType, serviceTypeLabels } from '@desmigratif/contracts';
import type { Pool } from '@desmigratif/db';
import ExcelJS from 'exceljs';
import * as repo from './services-repository.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Cell = string | number | null;

/** A one-sheet workbook with a bold header row; every cell as the list shows it. */
export async function workbookOf(sheetName: string, headers: readonly string[], rows: readonly Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headers]).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The service log of a village as the officer filtered it, for the monthly report. */
export async function exportServices(pool: Pool, villageCode: string, filter: { month?: string; serviceType?: string }) {
  const rows = await repo.listAllServices(pool, villageCode, filter);
  const content = await workbookOf(
    'Layanan',
    ['Tanggal', 'Nama', 'Terdaftar', 'Jenis layanan', 'Petugas', 'Catatan', 'Tindak lanjut'],
    rows.map((r) => [
      r.service_date,
      r.person_name ?? r.visitor_name,
      r.person_id ? 'Ya' : 'Tidak',
      serviceTypeLabels[r.service_type as ServiceType] ?? r.service_type,
      r.officer_name,
      r.notes,
      r.follow_up_date,
    ]),
  );
  const suffix = [filter.month, filter.serviceType].filter(Boolean).join('-');
  return { fileName: `layanan-${villageCode}${suffix ? `-${suffix}` : ''}.xlsx`, content };
}
