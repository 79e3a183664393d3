// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { defaultChoices, displayValue } from './conflictChoices';
import { lastSyncText } from './lastSyncText';
import { matchesSearch } from './localSearch';

const t = (key: string, options?: { count: number }) => (options ? `${key}:${options.count}` : key);

describe('lastSyncText', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  it('is relative within the hour and a WIB date after', () => {
    expect(lastSyncText('2026-11-22T09:59:40Z', now, t)).toBe('sync.justNow');
    expect(lastSyncText('2026-11-22T09:48:00Z', now, t)).toBe('sync.minutesAgo:12');
    expect(lastSyncText('2026-11-21T09:05:00Z', now, t)).toBe('21 Nov 2026 16.05');
  });
});

describe('matchesSearch', () => {
  const row = { id: 'p', village_code: '3212162004', version: '1', name: 'Siti Aminah', nik: '3212164507900001' };
  it('finds by every word of the name or the start of the NIK', () => {
    expect(matchesSearch(row, undefined)).toBe(true);
    expect(matchesSearch(row, 'aminah siti')).toBe(true);
    expect(matchesSearch(row, '321216')).toBe(true);
    expect(matchesSearch(row, 'budi')).toBe(false);
  });
});

describe('conflict choices', () => {
  it('keeps the applied value unless the person resolving picks the other', () => {
    expect(defaultChoices({ fields: [{ field: 'phone', base: null, theirs: '0811', mine: '0812' }] })).toEqual({ phone: 'mine' });
  });

  it('shows empty values as nothing', () => {
    expect(displayValue(null)).toBeNull();
    expect(displayValue('')).toBeNull();
    expect(displayValue(3)).toBe('3');
  });
});
