// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatPercent, formatRupiah } from './format';

describe('formatDate', () => {
  it('writes the month in full, in Indonesian', () => {
    expect(formatDate('2026-11-22')).toBe('22 November 2026');
    expect(formatDate('2026-08-17')).toBe('17 Agustus 2026');
  });

  it('reads an instant in Jakarta time', () => {
    expect(formatDate('2026-11-21T18:30:00Z')).toBe('22 November 2026');
  });
});

describe('formatDateTime', () => {
  it('writes a short month and a dotted 24-hour time in Jakarta time', () => {
    expect(formatDateTime('2026-11-22T09:05:00Z')).toBe('22 Nov 2026 16.05');
    expect(formatDateTime('2026-05-01T23:59:00+07:00')).toBe('1 Mei 2026 23.59');
  });

  it('shows midnight as 00', () => {
    expect(formatDateTime('2026-01-01T17:00:00Z')).toBe('2 Jan 2026 00.00');
  });
});

describe('formatNumber', () => {
  it('groups thousands with dots', () => {
    expect(formatNumber(83762)).toBe('83.762');
    expect(formatNumber(4000)).toBe('4.000');
    expect(formatNumber(12)).toBe('12');
  });
});

describe('formatRupiah', () => {
  it('writes Rp with no space and no decimals', () => {
    expect(formatRupiah(1250000)).toBe('Rp1.250.000');
    expect(formatRupiah(0)).toBe('Rp0');
  });

  it('puts the sign before Rp and accepts bigint', () => {
    expect(formatRupiah(-37500)).toBe('-Rp37.500');
    expect(formatRupiah(100000000000n)).toBe('Rp100.000.000.000');
  });
});

describe('formatPercent', () => {
  it('rounds to whole percent', () => {
    expect(formatPercent(0.834)).toBe('83%');
  });
});
