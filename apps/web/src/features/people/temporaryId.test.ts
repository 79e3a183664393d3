// @vitest-environment node
import { isTemporaryId } from '@desmigratif/domain';
import { describe, expect, it } from 'vitest';
import { nextTemporaryId, nextTemporarySequence } from './temporaryId';

describe('temporary NIK and No. KK sequence', () => {
  it('starts at 1 in a village without temporary NIKs', () => {
    expect(nextTemporarySequence([], 0)).toBe(1);
    expect(nextTemporaryId('3212162004', [], 0)).toBe('0321216200400001');
  });

  it('goes one past the highest sequence in use, even with gaps', () => {
    expect(nextTemporarySequence(['0321216200400001', '0321216200400007'], 2)).toBe(8);
  });

  it('goes one past the count when listed numbers are fewer than recorded', () => {
    expect(nextTemporarySequence(['0321216200400002'], 5)).toBe(6);
  });

  it('reads the visible tail of a masked number', () => {
    expect(nextTemporarySequence(['0321••••••••0012'], 1)).toBe(13);
  });

  it('falls back to the lowest free sequence at the end of the range given with signal', () => {
    expect(nextTemporarySequence(['0321216200489999', '0321216200400001'], 2)).toBe(2);
  });

  it('counts up below the numbers given on phones without signal', () => {
    expect(nextTemporarySequence(['0321216200400004', '0321216200490312'], 2)).toBe(5);
  });

  it('makes a number the domain recognises as temporary', () => {
    expect(isTemporaryId(nextTemporaryId('32.12.16.2004', [], 41))).toBe(true);
  });
});
