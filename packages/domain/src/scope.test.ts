import { describe, expect, it } from 'vitest';
import { isInScope, narrowScope, scopeLevel } from './scope.js';

describe('region scope', () => {
  it('names the level of a scope from the length of its code', () => {
    expect(scopeLevel('')).toBe('nasional');
    expect(scopeLevel('32')).toBe('provinsi');
    expect(scopeLevel('3212')).toBe('kabupaten');
    expect(scopeLevel('321216')).toBe('kecamatan');
    expect(scopeLevel('3212162004')).toBe('desa');
    expect(() => scopeLevel('321')).toThrow('Kode wilayah tidak valid: 321');
    expect(() => scopeLevel('32.12')).toThrow();
  });

  it('puts a village inside its regency, province and the nation, and nowhere else', () => {
    expect(isInScope('', '3212162004')).toBe(true);
    expect(isInScope('32', '3212162004')).toBe(true);
    expect(isInScope('3212', '3212162004')).toBe(true);
    expect(isInScope('3212162004', '3212162004')).toBe(true);
    expect(isInScope('3307', '3212162004')).toBe(false);
    expect(isInScope('3212162004', '3212162005')).toBe(false);
    // A village's officer does not see the regency record above it.
    expect(isInScope('3212162004', '3212')).toBe(false);
  });

  it('narrows a listing to the smaller of scope and filter, or refuses when they do not meet', () => {
    expect(narrowScope('3212', undefined)).toBe('3212');
    expect(narrowScope('3212', '')).toBe('3212');
    expect(narrowScope('3212', '321216')).toBe('321216');
    expect(narrowScope('3212', '32')).toBe('3212');
    expect(narrowScope('', '33')).toBe('33');
    expect(narrowScope('3212', '3307')).toBeNull();
  });
});
