// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { oneOf, optionalDigits, optionalInt, optionalString, pageNumber, safeRedirect } from './searchParams';

describe('search parameter readers', () => {
  it('reads numbers the router parsed back as strings', () => {
    expect(optionalString(3212)).toBe('3212');
    expect(optionalDigits(3212162004)).toBe('3212162004');
    expect(optionalDigits('32.12')).toBeUndefined();
    expect(optionalString('  ')).toBeUndefined();
  });

  it('reads whole numbers and pages', () => {
    expect(optionalInt('2019')).toBe(2019);
    expect(optionalInt('-1')).toBeUndefined();
    expect(pageNumber(3)).toBe(3);
    expect(pageNumber(1)).toBeUndefined();
    expect(pageNumber('abc')).toBeUndefined();
  });

  it('accepts only listed values', () => {
    expect(oneOf(['aktif', 'mandiri'] as const, 'aktif')).toBe('aktif');
    expect(oneOf(['aktif', 'mandiri'] as const, 'hapus')).toBeUndefined();
  });

  it('redirects only within the site', () => {
    expect(safeRedirect('/desa?page=2')).toBe('/desa?page=2');
    expect(safeRedirect('//evil.example')).toBeUndefined();
    expect(safeRedirect('/\\evil.example')).toBeUndefined();
    expect(safeRedirect('https://evil.example')).toBeUndefined();
  });
});
