import { describe, expect, it } from 'vitest';
import { cleanIdentityNumber } from './clean-number.js';

describe('cleanIdentityNumber', () => {
  it('removes grouping and invisible characters but keeps anything else for the format check', () => {
    expect(cleanIdentityNumber('3212 1652.0390\u00A00001')).toBe('3212165203900001');
    expect(cleanIdentityNumber('\u202F3212\u2060165203900001\u00AD')).toBe('3212165203900001');
    expect(cleanIdentityNumber('３２１２')).toBe('3212');
    expect(cleanIdentityNumber('3212-16')).toBe('3212-16');
    expect(cleanIdentityNumber("'3212165203900001")).toBe("'3212165203900001");
  });
});
