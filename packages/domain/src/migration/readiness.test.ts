import { type DocumentKind, documentKinds } from '@desmigratif/contracts';
import { describe, expect, it } from 'vitest';
import { computeDocumentChecklist } from './documents.js';
import { budi, dewi, hongKongHousekeeper, koreaManufacturing, recorded, siti, taiwanFishingCrew, today } from './fixtures.js';
import { assessReadiness } from './readiness.js';

const codes = (issues: { code: string }[]) => issues.map((issue) => issue.code);

/** Every document the plan requires, ticked lengkap. */
function everythingFor(plan: Parameters<typeof computeDocumentChecklist>[0], person: Parameters<typeof computeDocumentChecklist>[1]) {
  const kinds: DocumentKind[] = computeDocumentChecklist(plan, person, [], { today })
    .filter((item) => item.requirement === 'required')
    .map((item) => item.kind);
  return recorded(kinds);
}

describe('assessReadiness: documents', () => {
  it('becomes ready once every required document is lengkap, one document at a time', () => {
    const required = everythingFor(hongKongHousekeeper, siti);
    for (let count = 0; count < required.length; count += 1) {
      const readiness = assessReadiness(hongKongHousekeeper, siti, required.slice(0, count), { today });
      expect(readiness.ready, `${count} of ${required.length} documents`).toBe(false);
      expect(readiness.missing).toHaveLength(required.length - count);
    }
    expect(assessReadiness(hongKongHousekeeper, siti, required, { today })).toEqual({
      ready: true,
      blockers: [],
      warnings: [],
      missing: [],
    });
  });

  it('lists what is missing in plain Indonesian', () => {
    const documents = everythingFor(hongKongHousekeeper, siti).filter((doc) => doc.kind !== 'izin_keluarga' && doc.kind !== 'paspor');
    const readiness = assessReadiness(hongKongHousekeeper, siti, [...documents, { kind: 'paspor', status: 'diproses' }], { today });
    expect(readiness.ready).toBe(false);
    expect(readiness.missing).toEqual([
      {
        kind: 'izin_keluarga',
        label: 'Surat izin suami/istri (diketahui kepala desa)',
        message:
          'Surat izin suami/istri (diketahui kepala desa) belum ada. Buat surat izin yang ditandatangani suami atau istri dan diketahui kepala desa.',
      },
      { kind: 'paspor', label: 'Paspor', message: 'Paspor masih diproses; pastikan selesai sebelum berangkat.' },
    ]);
  });

  it('does not wait for papers the plan does not need (a seafarer\'s diploma, a single man\'s marriage book)', () => {
    const documents = everythingFor(taiwanFishingCrew, budi);
    expect(documents.map((doc) => doc.kind)).not.toContain('buku_nikah');
    expect(documents.map((doc) => doc.kind)).not.toContain('ijazah');
    expect(documents.map((doc) => doc.kind)).toContain('buku_pelaut');
    expect(assessReadiness(taiwanFishingCrew, budi, documents, { today }).ready).toBe(true);
  });

  it('needs no placement agreement from a worker going mandiri', () => {
    const plan = { ...koreaManufacturing, scheme: 'mandiri' as const };
    const documents = everythingFor(plan, budi);
    expect(documents.map((doc) => doc.kind)).not.toContain('perjanjian_penempatan');
    expect(assessReadiness(plan, budi, documents, { today }).ready).toBe(true);
  });
});

describe('assessReadiness: age (UU 18/2017 Pasal 5 huruf a)', () => {
  const plan = { ...hongKongHousekeeper };

  it('blocks a 17-year-old however complete her papers are, and says when she turns 18', () => {
    const readiness = assessReadiness(plan, dewi, recorded(documentKinds), { today });
    expect(readiness.ready).toBe(false);
    expect(readiness.blockers).toEqual([
      {
        code: 'UNDER_18',
        message:
          'Usia 17 tahun pada tanggal berangkat 01-09-2025; calon PMI harus berusia minimal 18 tahun (UU 18/2017 Pasal 5 huruf a). Genap 18 tahun pada 05-03-2026.',
      },
    ]);
  });

  it('judges the age on the expected departure, not on today', () => {
    // Born 20 August 2007: 17 today (15 June 2025), 18 by a departure on 1 September 2025.
    const person = { ...budi, nik: '3307102008070002', birthDate: '2007-08-20' };
    const documents = everythingFor(koreaManufacturing, person);
    expect(assessReadiness({ ...koreaManufacturing, expectedDepartureDate: '2025-09-01' }, person, documents, { today }).ready).toBe(true);
    const withoutDate = assessReadiness({ ...koreaManufacturing, expectedDepartureDate: null }, person, documents, { today });
    expect(codes(withoutDate.blockers)).toEqual(['UNDER_18']);
    expect(withoutDate.blockers[0]?.message).toContain('Usia 17 tahun pada hari ini');
  });

  it('counts a 29 February birthday as reached on 1 March in a common year', () => {
    const person = { ...budi, nik: '3307102902080002', birthDate: '2008-02-29' };
    const documents = everythingFor(koreaManufacturing, person);
    const on = (expectedDepartureDate: string) =>
      assessReadiness({ ...koreaManufacturing, expectedDepartureDate }, person, documents, { today });
    expect(codes(on('2026-02-28').blockers)).toEqual(['UNDER_18']);
    expect(on('2026-02-28').blockers[0]?.message).toContain('Genap 18 tahun pada 01-03-2026');
    expect(on('2026-03-01').ready).toBe(true);
  });

  it('reads the age from the NIK when no birth date is recorded, and blocks when neither tells it', () => {
    const documents = everythingFor(koreaManufacturing, budi);
    expect(assessReadiness(koreaManufacturing, { ...dewi, birthDate: null }, documents, { today }).blockers[0]?.code).toBe('UNDER_18');
    const temporary = { ...budi, nik: '0330710200400001', birthDate: null };
    expect(codes(assessReadiness(koreaManufacturing, temporary, documents, { today }).blockers)).toEqual([
      'NIK_TEMPORARY',
      'BIRTH_DATE_UNKNOWN',
    ]);
  });

  it('warns, never blocks, a domestic worker under the configurable minimum (default 21)', () => {
    // Born 1 January 2005: 20 on the departure to Hong Kong.
    const young = { ...siti, nik: '3212164101050001', birthDate: '2005-01-01' };
    const documents = everythingFor(hongKongHousekeeper, young);
    const readiness = assessReadiness(hongKongHousekeeper, young, documents, { today });
    expect(readiness.ready).toBe(true);
    expect(readiness.warnings).toEqual([
      {
        code: 'DOMESTIC_WORKER_AGE',
        message:
          'Usia 20 tahun untuk pekerja rumah tangga. Aturan lama (UU 39/2004) mensyaratkan minimal 21 tahun untuk pemberi kerja perseorangan; apakah batas ini masih berlaku belum dipastikan — tanyakan ke Disnaker.',
      },
    ]);
    expect(assessReadiness(hongKongHousekeeper, young, documents, { today, minimumDomesticWorkerAge: 18 }).warnings).toEqual([]);
    expect(assessReadiness(koreaManufacturing, young, everythingFor(koreaManufacturing, young), { today }).warnings).toEqual([]);
  });
});

describe('assessReadiness: identity and unrecorded facts', () => {
  it('warns when the NIK disagrees with the recorded birth date or sex, without blocking', () => {
    const documents = everythingFor(hongKongHousekeeper, siti);
    const readiness = assessReadiness(hongKongHousekeeper, { ...siti, birthDate: '1990-03-13', sex: 1 }, documents, { today });
    expect(readiness.ready).toBe(true);
    expect(readiness.warnings).toEqual([
      {
        code: 'NIK_BIRTH_DATE_MISMATCH',
        message:
          'Tanggal lahir di NIK (12-03-1990) berbeda dengan tanggal lahir tercatat (13-03-1990). Cocokkan dengan akta kelahiran dan data Dukcapil.',
      },
      {
        code: 'NIK_SEX_MISMATCH',
        message: 'NIK menunjukkan jenis kelamin perempuan, tetapi yang tercatat laki-laki. Cocokkan dengan akta kelahiran dan data Dukcapil.',
      },
    ]);
  });

  it('blocks a NIK that cannot be a Dukcapil number', () => {
    const readiness = assessReadiness(koreaManufacturing, { ...budi, nik: '9912100101010002' }, everythingFor(koreaManufacturing, budi), { today });
    expect(readiness.ready).toBe(false);
    expect(codes(readiness.blockers)).toEqual(['NIK_PROVINCE_UNKNOWN']);
  });

  it('warns when the marital status or the departure date is not recorded', () => {
    const person = { ...budi, maritalStatus: null };
    const plan = { ...koreaManufacturing, expectedDepartureDate: null };
    expect(codes(assessReadiness(plan, person, [], { today }).warnings)).toEqual(['MARITAL_STATUS_UNKNOWN', 'DEPARTURE_DATE_UNKNOWN']);
  });
});
