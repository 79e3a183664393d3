import { describe, expect, it } from 'vitest';
import { contractEndsSoon } from './contract-ending.js';

const today = '2025-06-15';

describe('contractEndsSoon', () => {
  it('shows a contract ending within 60 days, both ends included', () => {
    expect(contractEndsSoon('2025-06-15', today)).toBe(true);
    expect(contractEndsSoon('2025-08-14', today)).toBe(true);
    expect(contractEndsSoon('2025-08-15', today)).toBe(false);
  });

  it('does not show a contract that has already ended', () => {
    expect(contractEndsSoon('2025-06-14', today)).toBe(false);
  });

  it('takes another window', () => {
    expect(contractEndsSoon('2025-09-10', today, 90)).toBe(true);
    expect(contractEndsSoon('2025-06-16', today, 0)).toBe(false);
    expect(contractEndsSoon('2025-06-15', today, 0)).toBe(true);
  });

  it('refuses malformed dates and a negative window', () => {
    expect(() => contractEndsSoon('15-08-2025', today)).toThrow(RangeError);
    expect(() => contractEndsSoon('2025-02-30', today)).toThrow(RangeError);
    expect(() => contractEndsSoon('2025-08-15', today, -1)).toThrow(RangeError);
  });
});
