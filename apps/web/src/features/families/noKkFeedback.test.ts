// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { noKkFeedback } from './noKkFeedback';

describe('noKkFeedback', () => {
  it('reads the issue date out of a No. KK', () => {
    expect(noKkFeedback('3212161104160001', false)).toEqual({
      digits: 16,
      errors: [],
      temporary: false,
      issueDate: '2016-04-11',
    });
  });

  it('waits for the last digits, then names the format error', () => {
    expect(noKkFeedback('32121611041600', false).errors).toEqual([]);
    expect(noKkFeedback('32121611041600', true).errors).toEqual(['Nomor KK harus 16 digit angka']);
  });

  it('recognises a temporary No. KK', () => {
    expect(noKkFeedback('0321216200400003', true)).toMatchObject({ errors: [], temporary: true, issueDate: null });
  });
});
