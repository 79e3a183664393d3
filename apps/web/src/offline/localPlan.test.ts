import type { MigrationPlanInput } from '@desmigratif/contracts';
import { assessReadiness, computeDocumentChecklist, evaluateRedFlags } from '@desmigratif/domain';
import { describe, expect, it } from 'vitest';
import type { LocalRow } from './db';
import { currentDocuments, localPlanDetail } from './localPlan';

const village = '3212162004';
const today = '2025-06-15';
const planId = '01937a6e-0000-7000-8000-0000000000a1';

// A domestic worker to Hong Kong, as the pull delivers it (snake_case, bigint as text).
const planRow: LocalRow = {
  id: planId,
  village_code: village,
  version: '310',
  person_id: 'person-1',
  destination_country: 'HK',
  occupation: 'Pengurus rumah tangga',
  fee_free_occupation: 'pengurus_rumah_tangga',
  sector: 'domestik',
  scheme: 'p_to_p',
  agency_name: 'PT Bina Karya Mandiri',
  agency_licence_number: 'KEP.2/PPTKIS/2021',
  job_order_reference: 'JO/HK/2025/0142',
  expected_departure_date: '2025-09-01',
  visa_type: 'kerja',
  fees_asked_rupiah: '15000000',
  fees_to_personal_account: true,
  recruiter_contact: 'kantor',
  shelter_before_documents: false,
  contract_readable: true,
  status: 'aktif',
  created_at: '2025-05-01T02:00:00.000Z',
  updated_at: '2025-05-02T02:00:00.000Z',
};
const personRow: LocalRow = { id: 'person-1', village_code: village, version: '5', name: 'Siti Aminah', nik: '3212165203900001', birth_date: '1990-03-12', sex: 2, marital_status: 2 };
const doc = (kind: string, status: string, version: string, updatedAt: string, id = `${kind}-${version}`): LocalRow => ({
  id,
  village_code: village,
  version,
  plan_id: planId,
  kind,
  status,
  number: null,
  issued_on: null,
  expires_on: null,
  issuing_office: null,
  updated_at: updatedAt,
});

describe('localPlanDetail', () => {
  it('computes checklist, readiness and red flags with the domain rules, the agency licence unknown offline', () => {
    const docs = [doc('ktp_nik', 'lengkap', '400', '2025-05-03T00:00:00.000Z'), doc('paspor', 'diproses', '401', '2025-05-03T00:00:00.000Z')];
    const detail = localPlanDetail(planRow, personRow, docs, today);

    const plan: MigrationPlanInput = {
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
      feesAskedRupiah: 15_000_000,
      feesToPersonalAccount: true,
      recruiterContact: 'kantor',
      shelterBeforeDocuments: false,
      contractReadable: true,
    };
    const person = { nik: '3212165203900001', birthDate: '1990-03-12', sex: 2, maritalStatus: 2 };
    const documents = [
      { kind: 'ktp_nik' as const, status: 'lengkap' as const, expiresOn: null },
      { kind: 'paspor' as const, status: 'diproses' as const, expiresOn: null },
    ];
    expect(detail).toMatchObject({ ...plan, id: planId, villageCode: village, personId: 'person-1', personName: 'Siti Aminah', version: '310', agencyLicence: 'unknown', scans: [] });
    expect(detail.checklist).toEqual(computeDocumentChecklist(plan, person, documents, { today }));
    expect(detail.readiness).toEqual(assessReadiness(plan, person, documents, { today }));
    expect(detail.redFlags).toEqual(evaluateRedFlags(plan, { person, documents, agencyLicence: 'unknown', today }));
    // Fees for a fee-free occupation, paid to a personal account: flagged offline as online.
    expect(detail.redFlags.length).toBeGreaterThan(0);
    expect(detail.documents.map((d) => [d.kind, d.status])).toEqual([
      ['ktp_nik', 'lengkap'],
      ['paspor', 'diproses'],
    ]);
  });
});

describe('currentDocuments', () => {
  it('keeps one row per kind: the server row over one made on the device, else the latest change', () => {
    const device = doc('paspor', 'lengkap', '0', '2025-06-01T00:00:00.000Z', 'device');
    const server = doc('paspor', 'lengkap', '512', '2025-06-01T00:00:05.000Z', 'server');
    const older = doc('ktp_nik', 'belum', '0', '2025-06-01T00:00:00.000Z', 'ktp-a');
    const newer = doc('ktp_nik', 'lengkap', '0', '2025-06-02T00:00:00.000Z', 'ktp-b');
    expect(currentDocuments([device, server, older, newer]).map((row) => row.id).sort()).toEqual(['ktp-b', 'server']);
    expect(currentDocuments([server, device]).map((row) => row.id)).toEqual(['server']);
  });
});
