import { describe, expect, it } from 'vitest';
import { isTemporaryId, makeTemporaryId } from './temporary-id.js';

describe('OpenSID temporary NIK / No. KK', () => {
  it('makes "0" + village code + 5-digit sequence, as OpenSID does', () => {
    expect(makeTemporaryId('3212162004', 1)).toBe('0321216200400001');
    expect(makeTemporaryId('32.12.16.2004', 123)).toBe('0321216200400123');
    expect(makeTemporaryId('3307102004', 99_999)).toBe('0330710200499999');
  });

  it('refuses a village code that is not 10 digits and a sequence outside 1–99999', () => {
    expect(() => makeTemporaryId('321216', 1)).toThrow('Kode desa harus 10 digit: 321216');
    expect(() => makeTemporaryId('3212162004', 0)).toThrow(RangeError);
    expect(() => makeTemporaryId('3212162004', 100_000)).toThrow(RangeError);
    expect(() => makeTemporaryId('3212162004', 1.5)).toThrow(RangeError);
  });

  it('tells temporary numbers from real ones by the leading 0', () => {
    expect(isTemporaryId('0321216200400001')).toBe(true);
    expect(isTemporaryId(' 0321 2162 0040 0001 ')).toBe(true);
    expect(isTemporaryId('3212165203900001')).toBe(false);
    expect(isTemporaryId('0')).toBe(false);
    expect(isTemporaryId('032121620040001')).toBe(false);
  });
});
