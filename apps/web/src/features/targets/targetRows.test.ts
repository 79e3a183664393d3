// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mergeTargetRows } from './targetRows';

describe('mergeTargetRows', () => {
  it('joins targets and enrolled counts by year, newest first', () => {
    const rows = mergeTargetRows(
      [
        { year: 2017, target: 120 },
        { year: 2027, target: 200 },
      ],
      [
        { year: 2016, target: null, enrolled: 2, cumulativeEnrolled: 2, cumulativeTarget: null },
        { year: 2017, target: 120, enrolled: 120, cumulativeEnrolled: 122, cumulativeTarget: 120 },
      ],
    );
    expect(rows).toEqual([
      { year: 2027, target: 200, enrolled: 0 },
      { year: 2017, target: 120, enrolled: 120 },
      { year: 2016, target: null, enrolled: 2 },
    ]);
  });
});
