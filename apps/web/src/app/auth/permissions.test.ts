// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { allowedScopeLengths, can, canSelectVillages, creatableRoles, settableStatuses } from './permissions';

describe('can', () => {
  it('keeps partner ministries to aggregates', () => {
    expect(can('mitra', 'viewVillages')).toBe(false);
    expect(can('mitra', 'manageUsers')).toBe(false);
    expect(can('mitra', 'viewAudit')).toBe(false);
    expect(can('mitra', 'viewTargets')).toBe(true);
  });

  it('lets only the ministry and admins edit targets', () => {
    expect(can('kementerian', 'editTargets')).toBe(true);
    expect(can('admin', 'editTargets')).toBe(true);
    expect(can('koordinator_kabupaten', 'editTargets')).toBe(false);
  });

  it('lets coordinators write villages and manage accounts, not village officers', () => {
    expect(can('koordinator_kabupaten', 'writeVillages')).toBe(true);
    expect(can('koordinator_kabupaten', 'manageUsers')).toBe(true);
    expect(can('petugas_desa', 'writeVillages')).toBe(false);
    expect(can('petugas_desa', 'viewVillages')).toBe(true);
  });
});

describe('the registry of residents', () => {
  it('is read by every role with personal data, never by partner ministries', () => {
    expect(can('pengurus_koperasi', 'viewPeople')).toBe(true);
    expect(can('kementerian', 'viewPeople')).toBe(true);
    expect(can('mitra', 'viewPeople')).toBe(false);
  });

  it('is written and imported by village officers, village heads, coordinators and admins', () => {
    for (const role of ['petugas_desa', 'kepala_desa', 'koordinator_kabupaten', 'admin'] as const) {
      expect(can(role, 'writePeople')).toBe(true);
      expect(can(role, 'importPeople')).toBe(true);
    }
    expect(can('kementerian', 'writePeople')).toBe(false);
    expect(can('pengurus_koperasi', 'writePeople')).toBe(false);
    expect(can('pengurus_koperasi', 'importPeople')).toBe(false);
  });

  it('is exported (full NIKs) only by the roles that see NIKs in full, and admins', () => {
    for (const role of ['petugas_desa', 'kepala_desa', 'admin'] as const) expect(can(role, 'exportPeople')).toBe(true);
    for (const role of ['koordinator_kabupaten', 'kementerian', 'pengurus_koperasi', 'mitra'] as const) {
      expect(can(role, 'exportPeople')).toBe(false);
    }
  });

  it('has likely duplicates reviewed by the village officer and those above, and resolved only by those who write', () => {
    expect(can('koordinator_kabupaten', 'reviewDuplicates')).toBe(true);
    expect(can('kementerian', 'reviewDuplicates')).toBe(true);
    expect(can('petugas_desa', 'reviewDuplicates')).toBe(true);
    expect(can('kepala_desa', 'reviewDuplicates')).toBe(false);
    expect(can('kementerian', 'resolveDuplicates')).toBe(false);
    expect(can('koordinator_kabupaten', 'resolveDuplicates')).toBe(true);
  });
});

describe('village selection', () => {
  it('leaves status and cohort to the ministry and admins', () => {
    expect(canSelectVillages('kementerian')).toBe(true);
    expect(canSelectVillages('koordinator_kabupaten')).toBe(false);
  });

  it('limits a coordinator to proposing', () => {
    expect(settableStatuses('koordinator_kabupaten')).toEqual(['diusulkan']);
    expect(settableStatuses('kementerian')).toEqual(['diusulkan', 'aktif', 'mandiri', 'nonaktif']);
  });
});

describe('creatableRoles', () => {
  it('gives a coordinator the village roles only', () => {
    expect(creatableRoles({ role: 'koordinator_kabupaten', scopeCode: '3212' })).toEqual([
      'petugas_desa',
      'kepala_desa',
      'pengurus_koperasi',
    ]);
  });

  it('gives a national admin every role', () => {
    expect(creatableRoles({ role: 'admin', scopeCode: '' })).toHaveLength(7);
  });

  it('gives a province admin only roles that fit inside the province', () => {
    expect(creatableRoles({ role: 'admin', scopeCode: '32' })).toEqual([
      'petugas_desa',
      'kepala_desa',
      'pengurus_koperasi',
      'koordinator_kabupaten',
      'admin',
    ]);
    expect(allowedScopeLengths({ scopeCode: '32' }, 'admin')).toEqual([2, 4]);
  });

  it('gives other roles nothing', () => {
    expect(creatableRoles({ role: 'kementerian', scopeCode: '' })).toEqual([]);
  });
});
