// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { diffRecords, readablePath, showValue } from './diff';

describe('diffRecords', () => {
  it('marks changed, added, removed and unchanged fields, nested ones by dotted path', () => {
    const lines = diffRecords(
      { status: 'diusulkan', cohortYear: 2026, officers: [{ name: 'Siti', phone: null }], notes: 'lama' },
      { status: 'aktif', cohortYear: 2026, officers: [{ name: 'Siti', phone: '081234567890' }, { name: 'Darsono' }] },
    );
    expect(lines).toEqual([
      { path: 'status', before: 'diusulkan', after: 'aktif', change: 'changed' },
      { path: 'cohortYear', before: 2026, after: 2026, change: 'same' },
      { path: 'officers.0.name', before: 'Siti', after: 'Siti', change: 'same' },
      { path: 'officers.0.phone', before: null, after: '081234567890', change: 'changed' },
      { path: 'notes', before: 'lama', after: undefined, change: 'removed' },
      { path: 'officers.1.name', before: undefined, after: 'Darsono', change: 'added' },
    ]);
  });

  it('treats a record created from nothing as all added', () => {
    expect(diffRecords(null, { year: 2027, target: 200 })).toEqual([
      { path: 'year', before: undefined, after: 2027, change: 'added' },
      { path: 'target', before: undefined, after: 200, change: 'added' },
    ]);
  });

  it('keeps empty lists as values', () => {
    expect(diffRecords({ officers: [] }, { officers: [{ name: 'Siti' }] })).toEqual([
      { path: 'officers', before: [], after: undefined, change: 'removed' },
      { path: 'officers.0.name', before: undefined, after: 'Siti', change: 'added' },
    ]);
  });

  it('compares plain values at the top', () => {
    expect(diffRecords(null, null)).toEqual([]);
    expect(diffRecords('a', 'b')).toEqual([{ path: '', before: 'a', after: 'b', change: 'changed' }]);
  });
});

describe('showValue', () => {
  it('shows strings as they are and the rest as JSON', () => {
    expect(showValue('Kenanga')).toBe('Kenanga');
    expect(showValue(null)).toBe('—');
    expect(showValue(true)).toBe('true');
    expect(showValue([])).toBe('[]');
  });
});

describe('readablePath', () => {
  it('names known segments and counts list items from one', () => {
    const labels: Record<string, string> = { officers: 'Petugas', phone: 'Nomor HP' };
    expect(readablePath('officers.0.phone', (segment) => labels[segment])).toBe('Petugas › #1 › Nomor HP');
    expect(readablePath('lockedUntil', () => undefined)).toBe('lockedUntil');
    expect(readablePath('', () => undefined)).toBe('—');
  });
});
