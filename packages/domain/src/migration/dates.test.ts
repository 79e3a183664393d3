import { describe, expect, it } from 'vitest';
import { addDays, ageOn, anniversary, daysBetween, judgementDay } from './dates.js';

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2025-06-15', 30)).toBe('2025-07-15');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2025-06-15', '2025-06-25')).toBe(10);
    expect(daysBetween('2025-06-15', '2025-06-01')).toBe(-14);
  });

  it('counts age in completed years', () => {
    expect(ageOn('2008-03-05', '2025-09-01')).toBe(17);
    expect(ageOn('2008-03-05', '2026-03-04')).toBe(17);
    expect(ageOn('2008-03-05', '2026-03-05')).toBe(18);
  });

  it('lets someone born on 29 February turn a year older on 1 March in a common year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(anniversary('2008-02-29', 18)).toBe('2026-03-01');
    expect(anniversary('2008-02-29', 16)).toBe('2024-02-29');
  });

  it('judges a plan on its departure, or today when the departure is unknown or past', () => {
    expect(judgementDay('2025-09-01', '2025-06-15')).toEqual({ date: '2025-09-01', words: 'tanggal berangkat 01-09-2025' });
    expect(judgementDay(null, '2025-06-15')).toEqual({ date: '2025-06-15', words: 'hari ini' });
    expect(judgementDay('2025-06-01', '2025-06-15')).toEqual({ date: '2025-06-15', words: 'hari ini' });
  });

  it('refuses what is not a date', () => {
    expect(() => ageOn('2008-02-30', '2025-01-01')).toThrow(RangeError);
    expect(() => addDays('kemarin', 1)).toThrow(RangeError);
  });
});
