// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ancestorCodes, displayRegionName, isKelurahan, isWithin, levelOfLength, parentCodeOf } from './regions';

describe('region codes', () => {
  it('knows the level from the code length', () => {
    expect(levelOfLength(2)).toBe('provinsi');
    expect(levelOfLength(4)).toBe('kabupaten');
    expect(levelOfLength(6)).toBe('kecamatan');
    expect(levelOfLength(10)).toBe('desa');
    expect(levelOfLength(0)).toBeNull();
  });

  it('lists the ancestors from the province down', () => {
    expect(ancestorCodes('3212162004')).toEqual(['32', '3212', '321216']);
    expect(ancestorCodes('3212')).toEqual(['32']);
    expect(ancestorCodes('32')).toEqual([]);
  });

  it('finds the parent code', () => {
    expect(parentCodeOf('3212162004')).toBe('321216');
    expect(parentCodeOf('3212')).toBe('32');
    expect(parentCodeOf('32')).toBe('');
  });

  it('checks scope by prefix, the whole country being the empty scope', () => {
    expect(isWithin('3212162004', '3212')).toBe(true);
    expect(isWithin('3307102004', '3212')).toBe(false);
    expect(isWithin('3307102004', '')).toBe(true);
  });

  it('tells a kelurahan from a desa', () => {
    expect(isKelurahan('3212162004')).toBe(false);
    expect(isKelurahan('1673081003')).toBe(true);
  });
});

describe('displayRegionName', () => {
  it('title-cases names written in capitals', () => {
    expect(displayRegionName('JAWA BARAT')).toBe('Jawa Barat');
    expect(displayRegionName('KABUPATEN INDRAMAYU')).toBe('Kabupaten Indramayu');
    expect(displayRegionName('DKI JAKARTA')).toBe('DKI Jakarta');
    expect(displayRegionName('KOTA ADM. JAKARTA PUSAT')).toBe('Kota Adm. Jakarta Pusat');
    expect(displayRegionName('KABUPATEN TOLI-TOLI')).toBe('Kabupaten Toli-Toli');
  });

  it('leaves mixed-case names alone', () => {
    expect(displayRegionName('Kenanga')).toBe('Kenanga');
    expect(displayRegionName('Kuta Baro')).toBe('Kuta Baro');
  });
});
