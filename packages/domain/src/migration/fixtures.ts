import type { DocumentKind, MigrationPlanInput } from '@desmigratif/contracts';
import type { MigrantPerson, PlanDocument } from './person.js';

/**
 * Real-shaped examples for the tests of this folder (issue 4): people of the pilot
 * villages and the plans the centre sees. Used by tests only.
 */

export const today = '2025-06-15';

/** A married woman born 12 March 1990, first registered in Kec. Sindang, Indramayu. */
export const siti: MigrantPerson = { nik: '3212165203900001', birthDate: '1990-03-12', sex: 2, maritalStatus: 2 };

/** A single man born 1 January 2001 in Kec. Watumalang, Wonosobo. */
export const budi: MigrantPerson = { nik: '3307100101010002', birthDate: '2001-01-01', sex: 1, maritalStatus: 1 };

/** A girl born 5 March 2008: 17 on a departure in September 2025. */
export const dewi: MigrantPerson = { nik: '3212164503080001', birthDate: '2008-03-05', sex: 2, maritalStatus: 1 };

/** A domestic worker to Hong Kong through a licensed P3MI, with a job order and a work visa. */
export const hongKongHousekeeper: MigrationPlanInput = {
  destinationCountry: 'HK',
  occupation: 'Pengurus rumah tangga',
  feeFreeOccupation: 'pengurus_rumah_tangga',
  sector: 'domestik',
  scheme: 'p_to_p',
  agencyName: 'PT Bina Karya Mandiri',
  agencyLicenceNumber: 'KEP.2/PPTKIS/2021',
  jobOrderReference: 'JO/HK/2025/0142',
  expectedDepartureDate: '2025-09-01',
  visaType: 'kerja',
  feesAskedRupiah: 0,
  feesToPersonalAccount: false,
  recruiterContact: 'kantor',
  shelterBeforeDocuments: false,
  contractReadable: true,
};

/** Fishing-vessel crew on a Taiwanese distant-water boat, through a P3MI. */
export const taiwanFishingCrew: MigrationPlanInput = {
  destinationCountry: 'TW',
  occupation: 'Anak buah kapal (ABK) kapal penangkap ikan',
  feeFreeOccupation: 'awak_kapal_perikanan',
  sector: 'pelaut',
  scheme: 'p_to_p',
  agencyName: 'PT Samudra Jaya Abadi',
  agencyLicenceNumber: 'KEP.17/2022',
  jobOrderReference: 'JO/TW/2025/0033',
  expectedDepartureDate: '2025-10-01',
  visaType: 'kerja',
  feesAskedRupiah: 0,
};

/** A factory worker who applied on his own to the Korean EPS programme, placed G to G. */
export const koreaManufacturing: MigrationPlanInput = {
  destinationCountry: 'KR',
  occupation: 'Operator produksi manufaktur (EPS)',
  sector: 'formal',
  scheme: 'g_to_g',
  expectedDepartureDate: '2025-11-03',
  visaType: 'kerja',
};

/** A housekeeper "to Saudi Arabia" on a tourist visa: the classic non-procedural departure. */
export const saudiTouristVisa: MigrationPlanInput = {
  destinationCountry: 'SA',
  occupation: 'Asisten rumah tangga',
  sector: 'domestik',
  scheme: 'p_to_p',
  agencyName: 'PT Amanah Haramain',
  jobOrderReference: null,
  expectedDepartureDate: '2025-06-25',
  visaType: 'turis',
  feesAskedRupiah: 5_000_000,
  feesToPersonalAccount: true,
  recruiterContact: 'media_sosial_saja',
  shelterBeforeDocuments: true,
  contractReadable: false,
};

export function recorded(kinds: readonly DocumentKind[], status: PlanDocument['status'] = 'lengkap'): PlanDocument[] {
  return kinds.map((kind) => ({ kind, status }));
}
