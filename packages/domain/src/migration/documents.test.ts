import type { ChecklistItem, DocumentKind } from '@desmigratif/contracts';
import { describe, expect, it } from 'vitest';
import { computeDocumentChecklist } from './documents.js';
import { budi, hongKongHousekeeper, koreaManufacturing, recorded, siti, taiwanFishingCrew, today } from './fixtures.js';

const byKind = (items: ChecklistItem[]) => Object.fromEntries(items.map((item) => [item.kind, item])) as Record<DocumentKind, ChecklistItem>;
const requiredKinds = (items: ChecklistItem[]) => items.filter((item) => item.requirement === 'required').map((item) => item.kind);

describe('computeDocumentChecklist: a domestic worker to Hong Kong through a P3MI', () => {
  const checklist = computeDocumentChecklist(hongKongHousekeeper, siti, [], { today });
  const items = byKind(checklist);

  it('asks for the identity papers and every document of UU 18/2017 Pasal 13, in checklist order', () => {
    expect(requiredKinds(checklist)).toEqual([
      'ktp_nik',
      'kk',
      'akta_lahir',
      'surat_status_perkawinan',
      'buku_nikah',
      'izin_keluarga',
      'sertifikat_kompetensi',
      'pemeriksaan_kesehatan_psikologi',
      'bpjs_ketenagakerjaan',
      'paspor',
      'visa_kerja',
      'perjanjian_penempatan',
      'perjanjian_kerja',
    ]);
    expect(items.buku_pelaut.requirement).toBe('not_applicable');
    expect(items.ijazah.requirement).toBe('optional');
  });

  it('names the rule behind each document', () => {
    expect(items.izin_keluarga.legalBasis).toBe('UU 18/2017 Pasal 13 huruf b');
    expect(items.bpjs_ketenagakerjaan.legalBasis).toBe('UU 18/2017 Pasal 5 huruf d; Permenaker 4/2023');
    expect(items.bpjs_ketenagakerjaan.reason).toContain('Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM) wajib');
    expect(items.perjanjian_penempatan.reason).toBe('Dibuat antara calon PMI dan P3MI yang menempatkan.');
  });

  it('says in plain Indonesian what is still missing', () => {
    expect(items.paspor).toMatchObject({ status: 'belum', complete: false, missing: 'Paspor belum ada. Urus paspor di kantor imigrasi.' });
    expect(items.bpjs_ketenagakerjaan.missing).toBe(
      'BPJS Ketenagakerjaan (JKK dan JKM) belum ada. Daftar BPJS Ketenagakerjaan program JKK dan JKM (iuran sebelum bekerja Rp37.500).',
    );
    expect(items.buku_pelaut.missing).toBeNull();
    expect(items.ijazah.missing).toBeNull();
  });

  it('shows the status the officer recorded', () => {
    const withPapers = byKind(
      computeDocumentChecklist(
        hongKongHousekeeper,
        siti,
        [...recorded(['ktp_nik', 'kk']), { kind: 'paspor', status: 'diproses' }, { kind: 'visa_kerja', status: 'tidak_berlaku' }],
        { today },
      ),
    );
    expect(withPapers.ktp_nik).toMatchObject({ status: 'lengkap', complete: true, missing: null });
    expect(withPapers.paspor.missing).toBe('Paspor masih diproses; pastikan selesai sebelum berangkat.');
    expect(withPapers.visa_kerja.missing).toMatch(/^Visa kerja tidak berlaku lagi; urus yang baru\./);
  });

  it('counts a passport that expires before the departure as no longer valid', () => {
    const items = byKind(
      computeDocumentChecklist(hongKongHousekeeper, siti, [{ kind: 'paspor', status: 'lengkap', expiresOn: '2025-08-31' }], { today }),
    );
    expect(items.paspor).toMatchObject({
      status: 'tidak_berlaku',
      complete: false,
      missing: 'Paspor habis berlaku pada 31-08-2025, sebelum tanggal berangkat 01-09-2025; urus yang baru.',
    });
    const stillValid = computeDocumentChecklist(hongKongHousekeeper, siti, [{ kind: 'paspor', status: 'lengkap', expiresOn: '2025-09-01' }], { today });
    expect(byKind(stillValid).paspor.complete).toBe(true);
  });

  it('takes the best record when a paper was recorded twice (an old passport and a new one)', () => {
    const items = byKind(
      computeDocumentChecklist(
        hongKongHousekeeper,
        siti,
        [
          { kind: 'paspor', status: 'lengkap', expiresOn: '2024-01-01' },
          { kind: 'paspor', status: 'lengkap', expiresOn: '2030-01-01' },
        ],
        { today },
      ),
    );
    expect(items.paspor.complete).toBe(true);
  });
});

describe('computeDocumentChecklist: the family permission letter', () => {
  it('asks a married worker for the spouse\'s permission and a copy of the marriage book', () => {
    const items = byKind(computeDocumentChecklist(hongKongHousekeeper, siti, [], { today }));
    expect(items.izin_keluarga.label).toBe('Surat izin suami/istri (diketahui kepala desa)');
    expect(items.izin_keluarga.missing).toBe(
      'Surat izin suami/istri (diketahui kepala desa) belum ada. Buat surat izin yang ditandatangani suami atau istri dan diketahui kepala desa.',
    );
    expect(items.buku_nikah.requirement).toBe('required');
  });

  it('asks a single worker for the parents\' or guardian\'s permission and no marriage book', () => {
    const items = byKind(computeDocumentChecklist(hongKongHousekeeper, budi, [], { today }));
    expect(items.izin_keluarga.label).toBe('Surat izin orang tua/wali (diketahui kepala desa)');
    expect(items.izin_keluarga.reason).toContain('izin dari orang tua atau wali, diketahui kepala desa');
    expect(items.buku_nikah).toMatchObject({ requirement: 'not_applicable', reason: 'Hanya untuk yang sudah menikah.', missing: null });
  });

  it('treats a divorced or widowed worker like a single one', () => {
    for (const maritalStatus of [3, 4]) {
      const items = byKind(computeDocumentChecklist(hongKongHousekeeper, { ...budi, maritalStatus }, [], { today }));
      expect(items.izin_keluarga.label).toBe('Surat izin orang tua/wali (diketahui kepala desa)');
      expect(items.buku_nikah.requirement).toBe('not_applicable');
    }
  });

  it('keeps both possibilities open while the marital status is not recorded', () => {
    const items = byKind(computeDocumentChecklist(hongKongHousekeeper, { ...budi, maritalStatus: null }, [], { today }));
    expect(items.izin_keluarga.label).toBe('Surat izin keluarga (diketahui kepala desa)');
    expect(items.buku_nikah.requirement).toBe('optional');
  });
});

describe('computeDocumentChecklist: a seafarer on a Taiwanese fishing boat', () => {
  const checklist = computeDocumentChecklist(taiwanFishingCrew, budi, [], { today });
  const items = byKind(checklist);

  it('asks for the seaman book and a seafarer\'s certificate instead of a general one', () => {
    expect(items.buku_pelaut).toMatchObject({
      requirement: 'required',
      legalBasis: 'UU 17/2008 tentang Pelayaran; PP 7/2000 tentang Kepelautan',
    });
    expect(items.buku_pelaut.missing).toBe(
      'Buku pelaut (seaman book) belum ada. Urus buku pelaut di kantor syahbandar (KSOP) setelah memiliki sertifikat pelaut.',
    );
    expect(items.sertifikat_kompetensi.label).toBe('Sertifikat keahlian/keterampilan pelaut (mis. BST)');
    expect(items.ijazah.requirement).toBe('not_applicable');
  });

  it('names the employment contract a sea employment agreement and is honest about the visa', () => {
    expect(items.perjanjian_kerja.label).toBe('Perjanjian kerja laut (PKL)');
    expect(items.visa_kerja.requirement).toBe('required');
    expect(items.visa_kerja.reason).toContain('bergantung pada negara bendera kapal dan pelabuhan');
  });
});

describe('computeDocumentChecklist: placement schemes', () => {
  it('has the placement agreement made with the government agency under G to G (Korea, EPS)', () => {
    const items = byKind(computeDocumentChecklist(koreaManufacturing, budi, [], { today }));
    expect(items.perjanjian_penempatan).toMatchObject({
      requirement: 'required',
      reason: 'Dibuat antara calon PMI dan BP2MI/KP2MI sebagai pelaksana penempatan.',
    });
  });

  it('needs no placement agreement for a worker going on their own (mandiri) to an incorporated employer', () => {
    const items = byKind(computeDocumentChecklist({ ...koreaManufacturing, scheme: 'mandiri' }, budi, [], { today }));
    expect(items.perjanjian_penempatan).toMatchObject({
      requirement: 'not_applicable',
      legalBasis: 'UU 18/2017 Pasal 49 dan Pasal 63',
      missing: null,
    });
    expect(items.bpjs_ketenagakerjaan.missing).toContain('PMI perseorangan membayar iuran sekaligus sesuai lama perjanjian kerja');
    expect(items.perjanjian_kerja.requirement).toBe('required');
  });

  it('has a UKPS worker sign the placement agreement with the company placing them', () => {
    const items = byKind(computeDocumentChecklist({ ...koreaManufacturing, scheme: 'ukps' }, budi, [], { today }));
    expect(items.perjanjian_penempatan.reason).toBe('Dibuat antara calon PMI dan perusahaan yang menempatkan pekerjanya sendiri.');
  });
});

describe('computeDocumentChecklist: a school diploma for the competency certificate', () => {
  const documents = recorded(['ijazah']);

  it('accepts the diploma once the labour office said no certification scheme exists', () => {
    const items = byKind(computeDocumentChecklist(koreaManufacturing, budi, documents, { today, noCompetencyScheme: true }));
    expect(items.sertifikat_kompetensi).toMatchObject({ status: 'lengkap', complete: true, missing: null });
    expect(items.sertifikat_kompetensi.reason).toContain('Ijazah dipakai karena belum ada skema sertifikasi');
  });

  it('otherwise tells the officer whom to ask', () => {
    const items = byKind(computeDocumentChecklist(koreaManufacturing, budi, documents, { today }));
    expect(items.sertifikat_kompetensi.complete).toBe(false);
    expect(items.sertifikat_kompetensi.missing).toBe(
      'Sertifikat kompetensi kerja belum ada. Ijazah sudah ada, tetapi hanya dapat menggantikan sertifikat bila belum ada skema sertifikasi untuk jabatan ini — tanyakan ke Disnaker/LTSA.',
    );
  });
});

describe('computeDocumentChecklist: dates', () => {
  it('judges expiry by today when the departure is unknown or past', () => {
    const passport = [{ kind: 'paspor' as const, status: 'lengkap' as const, expiresOn: '2025-06-14' }];
    for (const expectedDepartureDate of [null, '2025-01-01']) {
      const items = byKind(computeDocumentChecklist({ ...hongKongHousekeeper, expectedDepartureDate }, siti, passport, { today }));
      expect(items.paspor.missing).toBe('Paspor habis berlaku pada 14-06-2025, sebelum hari ini; urus yang baru.');
    }
  });

  it('refuses a malformed `today`, which is a programming error', () => {
    expect(() => computeDocumentChecklist(hongKongHousekeeper, siti, [], { today: '15-06-2025' })).toThrow(RangeError);
  });
});
