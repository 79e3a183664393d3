// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ageOn, isChild } from './age';

describe('ageOn', () => {
  it('counts a year only once the birthday has come', () => {
    expect(ageOn('2008-11-23', '2026-11-22')).toBe(17);
    expect(ageOn('2008-11-22', '2026-11-22')).toBe(18);
    expect(ageOn('1950-06-30', '2026-11-22')).toBe(76);
  });

  it('handles a birthday on 29 February', () => {
    expect(ageOn('2004-02-29', '2026-02-28')).toBe(21);
    expect(ageOn('2004-02-29', '2026-03-01')).toBe(22);
  });

  it('is unknown without a birth date', () => {
    expect(ageOn(null, '2026-11-22')).toBeNull();
    expect(ageOn('', '2026-11-22')).toBeNull();
  });
});

describe('isChild', () => {
  it('is true below 18 and false for an unknown age', () => {
    expect(isChild('2009-11-30', '2026-11-22')).toBe(true);
    expect(isChild('2003-03-17', '2026-11-22')).toBe(false);
    expect(isChild(null, '2026-11-22')).toBe(false);
  });
});
