import { planStatuses } from '@desmigratif/contracts';
import type { Pool } from '@desmigratif/db';
import { listPlans } from './plans-service.js';
import { workbookOf } from './services-export.js';

const statusLabels: Record<(typeof planStatuses)[number], string> = { aktif: 'Aktif', berangkat: 'Berangkat', batal: 'Batal' };

/** The officer's plan list as a workbook: the same rows and judgements as the screen. */
export async function exportPlans(pool: Pool, villageCode: string, query: { flagged?: boolean; ready?: boolean; status?: string }) {
  const { items } = await listPlans(pool, villageCode, query);
  const content = await workbookOf(
    'Rencana migrasi',
    ['Nama', 'Negara tujuan', 'Jabatan', 'Status', 'Perkiraan berangkat', 'Siap berangkat', 'Dokumen kurang', 'Penghalang', 'Tanda bahaya', 'Tanda bahaya tinggi'],
    items.map((i) => [
      i.personName,
      i.destinationName,
      i.occupation,
      statusLabels[i.status],
      i.expectedDepartureDate,
      i.ready ? 'Ya' : 'Belum',
      i.missingCount,
      i.blockerCount,
      i.redFlagCount,
      i.highRedFlagCount,
    ]),
  );
  return { fileName: `rencana-migrasi-${villageCode}.xlsx`, content };
}
