import { describe, expect, it } from 'vitest';
import { findUnknownRegion, isKnownRegionCode } from './known-regions.js';

describe('known Kemendagri regions', () => {
  it('knows the pilot villages\' districts, regencies and provinces', () => {
    expect(isKnownRegionCode('32')).toBe(true);
    expect(isKnownRegionCode('3212')).toBe(true);
    expect(isKnownRegionCode('321216')).toBe(true);
    expect(isKnownRegionCode('330710')).toBe(true);
    expect(isKnownRegionCode('96')).toBe(true);
  });

  it('does not know made-up or wrong-length codes', () => {
    expect(isKnownRegionCode('99')).toBe(false);
    expect(isKnownRegionCode('3299')).toBe(false);
    expect(isKnownRegionCode('321299')).toBe(false);
    expect(isKnownRegionCode('3212162004')).toBe(false);
    expect(isKnownRegionCode('')).toBe(false);
  });

  it('reports only the highest unknown level', () => {
    expect(findUnknownRegion('321216')).toBeNull();
    expect(findUnknownRegion('991216')).toEqual({ level: 'province', code: '99' });
    expect(findUnknownRegion('329916')).toEqual({ level: 'regency', code: '3299' });
    expect(findUnknownRegion('321299')).toEqual({ level: 'district', code: '321299' });
  });
});
