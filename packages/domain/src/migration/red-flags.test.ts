import type { RedFlag } from '@desmigratif/contracts';
import { describe, expect, it } from 'vitest';
import { computeDocumentChecklist } from './documents.js';
import { budi, dewi, hongKongHousekeeper, koreaManufacturing, recorded, saudiTouristVisa, siti, taiwanFishingCrew, today } from './fixtures.js';
import { evaluateRedFlags, isFeeFreePlan } from './red-flags.js';

const codes = (flags: RedFlag[]) => flags.map((flag) => flag.code);
const find = (flags: RedFlag[], code: RedFlag['code']) => flags.find((flag) => flag.code === code);

const licensed = { person: siti, documents: [], agencyLicence: 'licensed' as const, today };

describe('evaluateRedFlags: a domestic worker to Hong Kong through a licensed P3MI', () => {
  it('raises nothing for a clean plan', () => {
    expect(evaluateRedFlags(hongKongHousekeeper, licensed)).toEqual([]);
  });

  it('flags any fee: housekeeping is one of the ten fee-free occupations', () => {
    const flags = evaluateRedFlags({ ...hongKongHousekeeper, feesAskedRupiah: 15_000_000 }, licensed);
    expect(flags).toEqual([
      {
        code: 'FEES_ON_FEE_FREE_JOB',
        severity: 'tinggi',
        title: 'Diminta biaya untuk jabatan bebas biaya',
        explanation:
          'Pekerja diminta membayar Rp15.000.000. Jabatan pengurus rumah tangga (housekeeper) termasuk sepuluh jabatan yang bebas biaya penempatan (Peraturan BP2MI 9/2020): tiket, visa, paspor, pelatihan, sertifikat kompetensi, pemeriksaan kesehatan dan psikologi, jaminan sosial, dan jasa perusahaan tidak boleh dibebankan kepada pekerja. Jangan bayar; laporkan ke Disnaker.',
      },
    ]);
  });

  it('treats every household job as fee-free even when no category was picked', () => {
    const plan = { ...hongKongHousekeeper, feeFreeOccupation: null, feesAskedRupiah: 1 };
    expect(isFeeFreePlan(plan)).toBe(true);
    expect(find(evaluateRedFlags(plan, licensed), 'FEES_ON_FEE_FREE_JOB')?.explanation).toMatch(
      /^Pekerja diminta membayar Rp1\. Pekerjaan rumah tangga termasuk sepuluh jabatan/,
    );
  });

  it('flags an agency missing from the licensed list, an expired licence, or no agency at all', () => {
    const unknown = evaluateRedFlags(hongKongHousekeeper, { ...licensed, agencyLicence: 'unknown' });
    expect(codes(unknown)).toEqual(['AGENCY_UNLICENSED']);
    expect(unknown[0]?.explanation).toMatch(/^"PT Bina Karya Mandiri" tidak ditemukan dalam daftar perusahaan penempatan \(P3MI\) yang berizin\./);
    expect(codes(evaluateRedFlags(hongKongHousekeeper, { ...licensed, agencyLicence: 'expired' }))).toEqual(['AGENCY_LICENCE_EXPIRED']);
    const anonymous = { ...hongKongHousekeeper, agencyName: '', agencyLicenceNumber: null };
    expect(codes(evaluateRedFlags(anonymous, { ...licensed, agencyLicence: undefined }))).toEqual(['AGENCY_NOT_NAMED']);
  });

  it('flags a P to P plan without a job order', () => {
    const flags = evaluateRedFlags({ ...hongKongHousekeeper, jobOrderReference: null }, licensed);
    expect(codes(flags)).toEqual(['NO_JOB_ORDER']);
    expect(flags[0]?.explanation).toContain('izin perekrutan (SIP2MI)');
  });

  it('raises no flag on questions not answered yet', () => {
    const plan = {
      ...hongKongHousekeeper,
      visaType: null,
      feesAskedRupiah: null,
      feesToPersonalAccount: null,
      recruiterContact: null,
      shelterBeforeDocuments: null,
      contractReadable: null,
    };
    expect(evaluateRedFlags(plan, licensed)).toEqual([]);
  });
});

describe('evaluateRedFlags: a tourist visa to Saudi Arabia for domestic work', () => {
  const documents = recorded(['ktp_nik', 'kk', 'paspor']);
  const flags = evaluateRedFlags(saudiTouristVisa, { person: siti, documents, agencyLicence: 'unknown', today });

  it('raises every sign at once, the serious ones first', () => {
    expect(codes(flags)).toEqual([
      'AGENCY_UNLICENSED',
      'NO_JOB_ORDER',
      'NON_WORK_VISA',
      'FEES_ON_FEE_FREE_JOB',
      'FEES_TO_PERSONAL_ACCOUNT',
      'MORATORIUM_COUNTRY',
      'SHELTER_BEFORE_DOCUMENTS',
      'DEPARTURE_BEFORE_DOCUMENTS',
      'ONLY_PASSPORT_AND_VISA',
      'RECRUITER_SOCIAL_MEDIA_ONLY',
      'CONTRACT_UNREADABLE',
    ]);
    expect(flags.slice(0, 9).every((flag) => flag.severity === 'tinggi')).toBe(true);
    expect(flags.slice(9).every((flag) => flag.severity === 'sedang')).toBe(true);
  });

  it('explains the visa and the moratorium in words a villager understands, citing the rule', () => {
    expect(find(flags, 'NON_WORK_VISA')?.explanation).toBe(
      'Berangkat bekerja dengan visa turis/wisata adalah penempatan nonprosedural: di negara tujuan pekerja dianggap pendatang ilegal, bisa ditangkap, ditahan atau dideportasi, dan tidak punya perlindungan. Pekerja migran wajib memiliki visa kerja (UU 18/2017 Pasal 13 huruf f).',
    );
    expect(find(flags, 'MORATORIUM_COUNTRY')).toMatchObject({
      severity: 'tinggi',
      title: 'Pekerja rumah tangga ke negara yang ditutup',
    });
    expect(find(flags, 'MORATORIUM_COUNTRY')?.explanation).toContain('termasuk Arab Saudi (Kepmenaker 260/2015)');
  });

  it('says how close the departure is and what is still missing', () => {
    const explanation = find(flags, 'DEPARTURE_BEFORE_DOCUMENTS')?.explanation ?? '';
    expect(explanation).toMatch(/^Perkiraan berangkat 25-06-2025 \(10 hari lagi\), tetapi masih kurang: Akta kelahiran, /);
    expect(explanation).toContain('Perjanjian kerja. Pekerja migran hanya boleh berangkat dengan dokumen lengkap (UU 18/2017 Pasal 5 huruf e dan Pasal 13).');
    expect(find(flags, 'ONLY_PASSPORT_AND_VISA')?.explanation).toMatch(
      /^Paspor dan visa sudah ada, tetapi yang berikut belum: Perjanjian kerja, Perjanjian penempatan, Surat izin suami\/istri \(diketahui kepala desa\), BPJS Ketenagakerjaan \(JKK dan JKM\) dan Surat keterangan sehat/,
    );
  });

  it('flags a pilgrimage (umrah) visa the same way', () => {
    const umrah = evaluateRedFlags({ ...saudiTouristVisa, visaType: 'ziarah_umrah' }, { person: siti, documents: [], today });
    expect(find(umrah, 'NON_WORK_VISA')?.explanation).toMatch(/^Berangkat bekerja dengan visa ziarah\/umrah\/haji adalah/);
  });

  it('does not flag the moratorium for a formal job in the same country', () => {
    const formal = { ...saudiTouristVisa, sector: 'formal' as const, occupation: 'Perawat rumah sakit', visaType: 'kerja' as const };
    expect(codes(evaluateRedFlags(formal, { person: siti, documents: [], today }))).not.toContain('MORATORIUM_COUNTRY');
  });
});

describe('evaluateRedFlags: destinations', () => {
  it('marks countries only announced in May 2015 as a question, not a certainty', () => {
    const flags = evaluateRedFlags({ ...hongKongHousekeeper, destinationCountry: 'PK' }, licensed);
    expect(flags).toEqual([
      {
        code: 'MORATORIUM_COUNTRY_UNCONFIRMED',
        severity: 'sedang',
        title: 'Pekerja rumah tangga ke negara yang mungkin ditutup',
        explanation:
          'Pakistan disebut dalam pengumuman penghentian penempatan pekerja rumah tangga ke negara-negara Timur Tengah (Mei 2015), tetapi belum dipastikan termasuk dalam Kepmenaker 260/2015. Tanyakan ke Disnaker sebelum melanjutkan.',
      },
    ]);
  });

  it('flags a household job taken mandiri: that route is for incorporated employers only', () => {
    const flags = evaluateRedFlags({ ...hongKongHousekeeper, scheme: 'mandiri' }, licensed);
    expect(codes(flags)).toEqual(['MANDIRI_FOR_HOUSEHOLD']);
  });
});

describe('evaluateRedFlags: a seafarer and a G to G worker', () => {
  it('raises nothing for fishing crew with a licensed agency and no fees', () => {
    expect(evaluateRedFlags(taiwanFishingCrew, { ...licensed, person: budi })).toEqual([]);
  });

  it('flags fees for fishing crew: one of the ten fee-free occupations', () => {
    const flags = evaluateRedFlags({ ...taiwanFishingCrew, feesAskedRupiah: 7_500_000 }, { ...licensed, person: budi });
    expect(codes(flags)).toEqual(['FEES_ON_FEE_FREE_JOB']);
    expect(flags[0]?.explanation).toContain('Jabatan awak kapal perikanan migran (fishing vessel crew) termasuk sepuluh jabatan');
  });

  it('asks no agency or job order of a G to G worker (Korea, EPS)', () => {
    expect(evaluateRedFlags(koreaManufacturing, { person: budi, documents: [], today })).toEqual([]);
  });

  it('questions a fee asked of a formal worker, less sharply than for a fee-free job', () => {
    const flags = evaluateRedFlags({ ...koreaManufacturing, feesAskedRupiah: 12_500_000 }, { person: budi, documents: [], today });
    expect(flags).toEqual([
      {
        code: 'FEES_ASKED',
        severity: 'sedang',
        title: 'Diminta biaya penempatan',
        explanation:
          'Pekerja diminta membayar Rp12.500.000. Pekerja migran tidak boleh dibebani biaya penempatan (UU 18/2017 Pasal 30). Minta rincian tertulis untuk setiap biaya dan tanyakan ke Disnaker sebelum membayar.',
      },
    ]);
  });
});

describe('evaluateRedFlags: age and identity', () => {
  it('flags a 17-year-old', () => {
    const flags = evaluateRedFlags(hongKongHousekeeper, { ...licensed, person: dewi });
    expect(codes(flags)).toEqual(['UNDER_AGE']);
    expect(flags[0]?.explanation).toMatch(/^Calon pekerja berusia 17 tahun pada tanggal berangkat 01-09-2025\. Pekerja migran harus berusia minimal 18 tahun/);
  });

  it('flags sharply a birth date made older than the NIK says, when the NIK says under 18', () => {
    const aged = { ...dewi, birthDate: '2005-03-05' };
    const flags = evaluateRedFlags(hongKongHousekeeper, { ...licensed, person: aged });
    expect(flags).toEqual([
      {
        code: 'IDENTITY_MISMATCH',
        severity: 'tinggi',
        title: 'Umur atau identitas tidak cocok dengan NIK',
        explanation:
          'Tanggal lahir di NIK (05-03-2008) berbeda dengan tanggal lahir tercatat (05-03-2005). Menurut NIK, calon pekerja baru berusia 17 tahun pada tanggal berangkat 01-09-2025. Data yang tidak cocok bisa berarti dokumen dipalsukan, misalnya umur dituakan agar anak bisa diberangkatkan. Cocokkan dengan akta kelahiran dan data Dukcapil sebelum melanjutkan.',
      },
    ]);
  });

  it('flags other disagreements with the NIK less sharply', () => {
    const flags = evaluateRedFlags(hongKongHousekeeper, { ...licensed, person: { ...siti, sex: 1 } });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ code: 'IDENTITY_MISMATCH', severity: 'sedang' });
    expect(flags[0]?.explanation).toMatch(/^NIK menunjukkan jenis kelamin perempuan, tetapi yang tercatat laki-laki\. Data yang tidak cocok/);
  });
});

describe('evaluateRedFlags: departure and documents', () => {
  const complete = recorded(
    computeDocumentChecklist(hongKongHousekeeper, siti, [], { today })
      .filter((item) => item.requirement === 'required')
      .map((item) => item.kind),
  );

  it('flags a departure within 30 days (configurable) while required documents are missing', () => {
    const soon = { ...hongKongHousekeeper, expectedDepartureDate: '2025-07-15' };
    expect(codes(evaluateRedFlags(soon, licensed))).toEqual(['DEPARTURE_BEFORE_DOCUMENTS']);
    expect(codes(evaluateRedFlags({ ...soon, expectedDepartureDate: '2025-07-16' }, licensed))).toEqual([]);
    expect(codes(evaluateRedFlags(soon, { ...licensed, departureSoonDays: 7 }))).toEqual([]);
    expect(codes(evaluateRedFlags(soon, { ...licensed, documents: complete }))).toEqual([]);
  });

  it('says when the departure date has already passed', () => {
    const late = { ...hongKongHousekeeper, expectedDepartureDate: '2025-06-01' };
    expect(find(evaluateRedFlags(late, licensed), 'DEPARTURE_BEFORE_DOCUMENTS')?.explanation).toMatch(
      /^Perkiraan berangkat 01-06-2025 \(sudah lewat\), tetapi masih kurang: /,
    );
  });

  it('flags a passport and work visa in hand while the protective papers are not', () => {
    const flags = evaluateRedFlags(hongKongHousekeeper, { ...licensed, documents: recorded(['paspor', 'visa_kerja', 'perjanjian_kerja']) });
    expect(codes(flags)).toEqual(['ONLY_PASSPORT_AND_VISA']);
    expect(flags[0]?.explanation).toMatch(/^Paspor dan visa sudah ada, tetapi yang berikut belum: Perjanjian penempatan, Surat izin suami\/istri/);
  });

  it('refuses a malformed `today`, which is a programming error', () => {
    expect(() => evaluateRedFlags(hongKongHousekeeper, { ...licensed, today: '2025-6-15' })).toThrow(RangeError);
  });
});

describe('evaluateRedFlags: the recruiter and the contract', () => {
  it('questions a recruiter reached only on social media and a contract the worker cannot read', () => {
    const flags = evaluateRedFlags({ ...hongKongHousekeeper, recruiterContact: 'media_sosial_saja', contractReadable: false }, licensed);
    expect(flags.map((flag) => [flag.code, flag.severity])).toEqual([
      ['RECRUITER_SOCIAL_MEDIA_ONLY', 'sedang'],
      ['CONTRACT_UNREADABLE', 'sedang'],
    ]);
    expect(flags[1]?.explanation).toContain('(UU 18/2017 Pasal 15)');
  });
});
