// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { newestFirst } from './statusHistory';

describe('newestFirst', () => {
  it('orders by effective date, then by when it was recorded', () => {
    const events = [
      { id: 'left', effectiveDate: '2021-03-01', recordedAt: '2021-03-02T01:00:00Z' },
      { id: 'back', effectiveDate: '2024-08-15', recordedAt: '2024-08-16T01:00:00Z' },
      { id: 'corrected', effectiveDate: '2024-08-15', recordedAt: '2024-09-01T01:00:00Z' },
    ];
    expect(newestFirst(events).map((event) => event.id)).toEqual(['corrected', 'back', 'left']);
    expect(events[0]?.id).toBe('left');
  });
});
