// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pickerLevels, scopeFits } from './scopeChoice';

describe('scope choice', () => {
  it('maps scope lengths to region levels, leaving out national', () => {
    expect(pickerLevels([0, 2, 4])).toEqual(['provinsi', 'kabupaten']);
    expect(pickerLevels([10])).toEqual(['desa']);
    expect(pickerLevels([0])).toEqual([]);
  });

  it('checks a scope against the allowed lengths', () => {
    expect(scopeFits('', [0])).toBe(true);
    expect(scopeFits('3212', [10])).toBe(false);
  });
});
