import { describe, expect, it } from 'vitest';
import { checkAccountAssignment } from './accounts.js';

const coordinator = { role: 'koordinator_kabupaten', scopeCode: '3212' } as const;
const nationalAdmin = { role: 'admin', scopeCode: '' } as const;

describe('who may create which account', () => {
  it('lets a regency coordinator create village accounts in the regency', () => {
    expect(checkAccountAssignment(coordinator, { role: 'petugas_desa', scopeCode: '3212162004' })).toEqual([]);
    expect(checkAccountAssignment(coordinator, { role: 'pengurus_koperasi', scopeCode: '3212022002' })).toEqual([]);
  });

  it('refuses a coordinator another regency, a higher role, or a village role on a regency', () => {
    expect(checkAccountAssignment(coordinator, { role: 'petugas_desa', scopeCode: '3307102004' })).toEqual([
      { field: 'scopeCode', message: 'Wilayah akun berada di luar wilayah Anda' },
    ]);
    expect(checkAccountAssignment(coordinator, { role: 'koordinator_kabupaten', scopeCode: '3212' })).toEqual([
      { field: 'role', message: 'Anda tidak berwenang membuat akun dengan peran ini' },
    ]);
    expect(checkAccountAssignment(coordinator, { role: 'kepala_desa', scopeCode: '3212' })).toEqual([
      { field: 'scopeCode', message: 'Wilayah akun untuk peran ini harus tingkat desa' },
    ]);
  });

  it('lets a national admin create any role at the level that role works at', () => {
    expect(checkAccountAssignment(nationalAdmin, { role: 'koordinator_kabupaten', scopeCode: '3307' })).toEqual([]);
    expect(checkAccountAssignment(nationalAdmin, { role: 'mitra', scopeCode: '' })).toEqual([]);
    expect(checkAccountAssignment(nationalAdmin, { role: 'mitra', scopeCode: '32' })).toEqual([
      { field: 'scopeCode', message: 'Wilayah akun untuk peran ini harus tingkat nasional' },
    ]);
    expect(checkAccountAssignment(nationalAdmin, { role: 'admin', scopeCode: '3212162004' })).toEqual([
      { field: 'scopeCode', message: 'Wilayah akun untuk peran ini harus tingkat nasional atau provinsi atau kabupaten/kota' },
    ]);
  });

  it('keeps a provincial admin inside the province', () => {
    const provincial = { role: 'admin', scopeCode: '33' } as const;
    expect(checkAccountAssignment(provincial, { role: 'koordinator_kabupaten', scopeCode: '3307' })).toEqual([]);
    expect(checkAccountAssignment(provincial, { role: 'admin', scopeCode: '' })[0]?.message).toBe('Wilayah akun berada di luar wilayah Anda');
  });
});
