// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compareVersions, expandChanges, settle, shouldReplace, toSnakeCase } from './merge';

const row = (version: string) => ({ id: 'p1', village_code: '3212162004', version });

describe('merge by version', () => {
  it('compares versions as numbers, not text', () => {
    expect(compareVersions('10', '9')).toBe(1);
    expect(compareVersions('9', '10')).toBe(-1);
    expect(compareVersions('12345678901234567890', '12345678901234567890')).toBe(0);
  });

  it('takes a pulled row at least as new as the local one, unless a local change waits', () => {
    expect(shouldReplace(undefined, row('1'), false)).toBe(true);
    expect(shouldReplace(row('5'), row('5'), false)).toBe(true);
    expect(shouldReplace(row('5'), row('4'), false)).toBe(false);
    expect(shouldReplace(row('0'), row('7'), true)).toBe(false);
  });

  it('expands the compact pull rows into snake_case objects', () => {
    const [people] = expandChanges([{ table: 'people', columns: ['id', 'familyId', 'version'], rows: [['p1', null, 3]] }]);
    expect(people).toEqual({ table: 'people', rows: [{ id: 'p1', family_id: null, version: '3' }] });
    expect(toSnakeCase('village_code')).toBe('village_code');
  });
});

describe('settle', () => {
  const base = { id: '0195d3a0-0000-7000-8000-000000000001', seq: 1 };
  it('counts applied and already-applied changes as sent', () => {
    expect(settle({ ...base, status: 'applied' })).toEqual({ status: 'sent' });
    expect(settle({ ...base, status: 'skipped' })).toEqual({ status: 'sent' });
  });

  it('keeps the reason of a rejection', () => {
    expect(settle({ ...base, status: 'rejected', reason: 'Di luar wilayah Anda' })).toEqual({ status: 'rejected', reason: 'Di luar wilayah Anda' });
  });
});
