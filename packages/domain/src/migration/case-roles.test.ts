import { describe, expect, it } from 'vitest';
import { caseTransitionNeedsNote, caseTransitionRefusal, caseTransitionsFor } from './case-roles.js';

describe('who may move a case', () => {
  it('lets the village officer take up, settle and refer a case, but not close a referred one', () => {
    expect(caseTransitionsFor('baru', 'petugas_desa')).toEqual(['ditangani_desa', 'dirujuk_kabupaten']);
    expect(caseTransitionsFor('ditangani_desa', 'kepala_desa')).toEqual(['dirujuk_kabupaten', 'selesai']);
    expect(caseTransitionsFor('dirujuk_kabupaten', 'petugas_desa')).toEqual([]);
    expect(caseTransitionRefusal('dirujuk_kabupaten', 'selesai', 'petugas_desa')).toMatch(/hanya koordinator kabupaten/);
  });

  it('lets the regency coordinator pull a case up and close a referred one, not mark it handled by the village', () => {
    expect(caseTransitionsFor('baru', 'koordinator_kabupaten')).toEqual(['dirujuk_kabupaten']);
    expect(caseTransitionsFor('ditangani_desa', 'koordinator_kabupaten')).toEqual(['dirujuk_kabupaten']);
    expect(caseTransitionsFor('dirujuk_kabupaten', 'koordinator_kabupaten')).toEqual(['selesai']);
    expect(caseTransitionRefusal('baru', 'ditangani_desa', 'koordinator_kabupaten')).toMatch(/dipilih oleh petugas desa/);
    expect(caseTransitionRefusal('ditangani_desa', 'selesai', 'koordinator_kabupaten')).toMatch(/Rujuk kasus ini ke kabupaten/);
  });

  it('refuses steps outside the workflow whoever asks, with the steps that are allowed', () => {
    expect(caseTransitionRefusal('baru', 'selesai', 'admin')).toBe(
      'Kasus berstatus "Baru" tidak dapat langsung dipindah ke "Selesai"; langkah berikutnya: "Ditangani desa" atau "Dirujuk ke kabupaten".',
    );
    expect(caseTransitionRefusal('selesai', 'baru', 'admin')).toMatch(/sudah selesai/);
    expect(caseTransitionRefusal('baru', 'baru', 'petugas_desa')).toMatch(/sudah berstatus "Baru"/);
    expect(caseTransitionsFor('dirujuk_kabupaten', 'admin')).toEqual(['selesai']);
  });

  it('refuses roles that do not handle cases', () => {
    expect(caseTransitionsFor('baru', 'kementerian')).toEqual([]);
    expect(caseTransitionsFor('baru', 'mitra')).toEqual([]);
    expect(caseTransitionsFor('baru', 'pengurus_koperasi')).toEqual([]);
  });

  it('asks for a note when a case is closed or referred', () => {
    expect(caseTransitionNeedsNote('selesai')).toBe(true);
    expect(caseTransitionNeedsNote('dirujuk_kabupaten')).toBe(true);
    expect(caseTransitionNeedsNote('ditangani_desa')).toBe(false);
  });
});
