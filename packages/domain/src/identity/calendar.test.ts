import { describe, expect, it } from 'vitest';
import { daysInMonth, formatDmy, fullYear, impossibleDateDetail, isIsoDate, todayInJakarta } from './calendar.js';

describe('calendar', () => {
  it('gives the date in Jakarta (UTC+7), which runs ahead of UTC in the evening', () => {
    expect(todayInJakarta(new Date('2025-06-15T16:59:59Z'))).toBe('2025-06-15');
    expect(todayInJakarta(new Date('2025-06-15T17:00:00Z'))).toBe('2025-06-16');
    expect(todayInJakarta(new Date('2024-12-31T18:30:00Z'))).toBe('2025-01-01');
  });

  it('knows February in leap and common years', () => {
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2025, 4)).toBe(30);
  });

  it('checks YYYY-MM-DD strictly', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-6-1')).toBe(false);
    expect(isIsoDate('12-03-1990')).toBe(false);
  });

  it('completes a two-digit year without going past this year', () => {
    expect(fullYear(25, '2025-06-15')).toBe(2025);
    expect(fullYear(0, '2025-06-15')).toBe(2000);
    expect(fullYear(26, '2025-06-15')).toBe(1926);
    expect(fullYear(99, '2025-06-15')).toBe(1999);
  });

  it('words an impossible date for the officer', () => {
    expect(impossibleDateDetail(32, 1, 1990)).toBe('tanggal 32');
    expect(impossibleDateDetail(0, 1, 1990)).toBe('tanggal 00');
    expect(impossibleDateDetail(1, 13, 1990)).toBe('bulan 13');
    expect(impossibleDateDetail(29, 2, 2023)).toBe('29 Februari 2023');
    expect(impossibleDateDetail(29, 2, 2024)).toBeNull();
    expect(formatDmy('1990-03-12')).toBe('12-03-1990');
  });
});
