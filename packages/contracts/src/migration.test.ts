import { describe, expect, it } from 'vitest';
import {
  caseStatusLabels,
  caseStatusTransitions,
  caseStatuses,
  caseTypeLabels,
  caseTypes,
  destinationCountries,
  destinationCountryName,
  destinationCountrySchema,
  documentKindLabels,
  documentKinds,
  documentStatusLabels,
  documentStatuses,
  feeFreeOccupationLabels,
  feeFreeOccupations,
  migrationDocumentInputSchema,
  migrationPlanInputSchema,
  placementSchemeLabels,
  placementSchemes,
  returnReasonLabels,
  returnReasons,
  sectorLabels,
  sectors,
  serviceTypeLabels,
  serviceTypes,
  visaTypeLabels,
  visaTypes,
} from './migration.js';

const firstMessage = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe('migration code lists', () => {
  it('label every code in Indonesian', () => {
    const lists: [readonly string[], Record<string, string>][] = [
      [serviceTypes, serviceTypeLabels],
      [sectors, sectorLabels],
      [placementSchemes, placementSchemeLabels],
      [documentKinds, documentKindLabels],
      [documentStatuses, documentStatusLabels],
      [visaTypes, visaTypeLabels],
      [returnReasons, returnReasonLabels],
      [caseTypes, caseTypeLabels],
      [caseStatuses, caseStatusLabels],
      [feeFreeOccupations, feeFreeOccupationLabels],
    ];
    for (const [codes, labels] of lists) {
      expect(Object.keys(labels)).toEqual([...codes]);
      for (const code of codes) expect(labels[code]?.length, code).toBeGreaterThan(2);
    }
  });

  it('use the names the officer knows', () => {
    expect(serviceTypeLabels.informasi_migrasi_aman).toBe('Informasi bekerja ke luar negeri / migrasi aman');
    expect(placementSchemeLabels.p_to_p).toBe('P to P (melalui P3MI berizin)');
    expect(documentStatusLabels).toEqual({ belum: 'Belum ada', diproses: 'Sedang diproses', lengkap: 'Lengkap', tidak_berlaku: 'Tidak berlaku' });
    expect(caseStatusLabels.dirujuk_kabupaten).toBe('Dirujuk ke kabupaten');
  });

  it('list the ten fee-free occupations of Peraturan BP2MI 9/2020', () => {
    expect(feeFreeOccupations).toHaveLength(10);
    expect(feeFreeOccupationLabels.awak_kapal_perikanan).toBe('Awak kapal perikanan migran (fishing vessel crew)');
  });

  it('let a case move only to statuses that exist, and end at selesai', () => {
    for (const status of caseStatuses) {
      for (const next of caseStatusTransitions[status]) expect(caseStatuses).toContain(next);
    }
    expect(caseStatusTransitions.selesai).toEqual([]);
  });
});

describe('destination countries', () => {
  it('name the main destinations in Indonesian by ISO 3166-1 alpha-2 code', () => {
    const names = Object.fromEntries(destinationCountries.map((country) => [country.code, country.name]));
    expect(names).toMatchObject({
      TW: 'Taiwan',
      MY: 'Malaysia',
      HK: 'Hong Kong',
      KR: 'Korea Selatan',
      JP: 'Jepang',
      SG: 'Singapura',
      SA: 'Arab Saudi',
      AE: 'Uni Emirat Arab',
      QA: 'Qatar',
      KW: 'Kuwait',
      OM: 'Oman',
      BH: 'Bahrain',
      JO: 'Yordania',
      BN: 'Brunei Darussalam',
      US: 'Amerika Serikat',
      IT: 'Italia',
      DE: 'Jerman',
      PL: 'Polandia',
      NZ: 'Selandia Baru',
      AU: 'Australia',
      TR: 'Turki',
    });
    const codes = destinationCountries.map((country) => country.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('mark the 19 Middle-East countries closed to household work, and the three only announced', () => {
    const banned = (ban: string) =>
      destinationCountries
        .filter((country) => 'domesticWorkBan' in country && country.domesticWorkBan === ban)
        .map((country) => country.code)
        .sort();
    expect(banned('confirmed')).toEqual(
      ['AE', 'BH', 'DZ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MA', 'MR', 'OM', 'PS', 'QA', 'SA', 'SD', 'SY', 'TN', 'YE'],
    );
    expect(banned('unconfirmed')).toEqual(['IR', 'PK', 'SS']);
  });

  it('read a code typed in any case, and refuse one not in the list', () => {
    expect(destinationCountrySchema.parse(' hk ')).toBe('HK');
    expect(firstMessage(destinationCountrySchema.safeParse('XX'))).toBe('Negara tujuan tidak dikenal (kode ISO dua huruf, contoh HK)');
    expect(firstMessage(destinationCountrySchema.safeParse(undefined))).toBe('Negara tujuan wajib diisi');
    expect(destinationCountryName('KR')).toBe('Korea Selatan');
    expect(destinationCountryName('XX')).toBe('XX');
  });
});

describe('migrationPlanInputSchema', () => {
  const plan = {
    destinationCountry: 'hk',
    occupation: ' Pengurus rumah tangga ',
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

  it('accepts a full plan and cleans what was typed', () => {
    expect(migrationPlanInputSchema.parse(plan)).toMatchObject({ destinationCountry: 'HK', occupation: 'Pengurus rumah tangga' });
  });

  it('accepts a young plan with only the destination, job, sector and scheme', () => {
    const young = { destinationCountry: 'KR', occupation: 'Operator produksi', sector: 'formal', scheme: 'g_to_g' };
    expect(migrationPlanInputSchema.safeParse(young).success).toBe(true);
  });

  it('takes fees in whole rupiah only, with a message the officer understands', () => {
    expect(firstMessage(migrationPlanInputSchema.safeParse({ ...plan, feesAskedRupiah: 1500000.5 }))).toBe(
      'Biaya yang diminta harus rupiah bulat, tanpa sen',
    );
    expect(firstMessage(migrationPlanInputSchema.safeParse({ ...plan, feesAskedRupiah: -1 }))).toBe('Biaya yang diminta tidak boleh negatif');
    expect(firstMessage(migrationPlanInputSchema.safeParse({ ...plan, feesAskedRupiah: '15.000.000' }))).toBe(
      'Biaya yang diminta harus angka rupiah',
    );
  });

  it('refuses unknown codes and malformed dates in Indonesian', () => {
    expect(firstMessage(migrationPlanInputSchema.safeParse({ ...plan, scheme: 'calo' }))).toBe('Skema penempatan tidak dikenal');
    expect(firstMessage(migrationPlanInputSchema.safeParse({ ...plan, visaType: 'umroh' }))).toBe('Jenis visa tidak dikenal');
    expect(firstMessage(migrationPlanInputSchema.safeParse({ ...plan, expectedDepartureDate: '01-09-2025' }))).toBe(
      'Perkiraan tanggal berangkat tidak valid (format YYYY-MM-DD)',
    );
    expect(firstMessage(migrationPlanInputSchema.safeParse({ ...plan, occupation: 'x' }))).toBe('Jabatan/pekerjaan minimal 2 huruf');
  });
});

describe('migrationDocumentInputSchema', () => {
  it('accepts a passport with its number, dates and office', () => {
    const passport = {
      kind: 'paspor',
      status: 'lengkap',
      number: 'E1234567',
      issuedOn: '2025-05-02',
      expiresOn: '2035-05-02',
      issuingOffice: 'Kantor Imigrasi Cirebon',
    };
    expect(migrationDocumentInputSchema.parse(passport)).toEqual(passport);
  });

  it('refuses a validity that ends before the paper was issued', () => {
    const result = migrationDocumentInputSchema.safeParse({ kind: 'paspor', status: 'lengkap', issuedOn: '2025-05-02', expiresOn: '2025-05-01' });
    expect(result.error?.issues[0]).toMatchObject({
      message: 'Tanggal berlaku sampai tidak boleh sebelum tanggal terbit',
      path: ['expiresOn'],
    });
  });
});
