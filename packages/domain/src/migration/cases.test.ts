import { caseStatuses } from '@desmigratif/contracts';
import { describe, expect, it } from 'vitest';
import { canMoveCase, caseDeadline, defaultCaseSlaHours, isCaseOverdue, nextCaseStatuses } from './cases.js';

// A mother reports on Monday 2 June 2025, 09:00 WIB, that her daughter in Hong Kong has not been paid.
const reportedAt = '2025-06-02T09:00:00+07:00';

describe('caseDeadline', () => {
  it('gives the village a day to take up a new case, a week to handle it, the regency two weeks', () => {
    expect(defaultCaseSlaHours).toEqual({ baru: 24, ditangani_desa: 168, dirujuk_kabupaten: 336 });
    expect(caseDeadline('baru', reportedAt)?.toISOString()).toBe('2025-06-03T02:00:00.000Z');
    expect(caseDeadline('ditangani_desa', '2025-06-02T15:00:00+07:00')?.toISOString()).toBe('2025-06-09T08:00:00.000Z');
    expect(caseDeadline('dirujuk_kabupaten', '2025-06-09T10:00:00+07:00')?.toISOString()).toBe('2025-06-23T03:00:00.000Z');
  });

  it('counts calendar hours: a case reported on Saturday is due on Sunday', () => {
    expect(caseDeadline('baru', new Date('2025-06-07T10:00:00+07:00'))?.toISOString()).toBe('2025-06-08T03:00:00.000Z');
  });

  it('has no deadline once the case is closed', () => {
    expect(caseDeadline('selesai', reportedAt)).toBeNull();
  });

  it('takes the regency\'s own settings, keeping the defaults for the rest', () => {
    const settings = { slaHours: { baru: 12 } };
    expect(caseDeadline('baru', reportedAt, settings)?.toISOString()).toBe('2025-06-02T14:00:00.000Z');
    expect(caseDeadline('ditangani_desa', reportedAt, settings)?.toISOString()).toBe('2025-06-09T02:00:00.000Z');
  });

  it('refuses a setting that is not a positive number of hours, and an unreadable time', () => {
    expect(() => caseDeadline('baru', reportedAt, { slaHours: { baru: 0 } })).toThrow(RangeError);
    expect(() => caseDeadline('baru', reportedAt, { slaHours: { baru: Number.NaN } })).toThrow(RangeError);
    expect(() => caseDeadline('baru', 'kemarin')).toThrow(RangeError);
  });
});

describe('isCaseOverdue', () => {
  it('is overdue only after the deadline has passed', () => {
    expect(isCaseOverdue('baru', reportedAt, '2025-06-03T09:00:00+07:00')).toBe(false);
    expect(isCaseOverdue('baru', reportedAt, '2025-06-03T09:00:01+07:00')).toBe(true);
    expect(isCaseOverdue('baru', reportedAt, new Date('2025-06-02T20:00:00+07:00'))).toBe(false);
  });

  it('is never overdue once closed', () => {
    expect(isCaseOverdue('selesai', reportedAt, '2030-01-01T00:00:00Z')).toBe(false);
  });

  it('follows the settings', () => {
    expect(isCaseOverdue('baru', reportedAt, '2025-06-02T22:00:00+07:00', { slaHours: { baru: 12 } })).toBe(true);
  });
});

describe('nextCaseStatuses (baru → ditangani desa → dirujuk ke kabupaten → selesai)', () => {
  it('offers the steps of the workflow', () => {
    expect(nextCaseStatuses('baru')).toEqual(['ditangani_desa', 'dirujuk_kabupaten']);
    expect(nextCaseStatuses('ditangani_desa')).toEqual(['dirujuk_kabupaten', 'selesai']);
    expect(nextCaseStatuses('dirujuk_kabupaten')).toEqual(['selesai']);
    expect(nextCaseStatuses('selesai')).toEqual([]);
  });

  it('never goes back, and never closes a new case nobody has looked at', () => {
    expect(canMoveCase('baru', 'selesai')).toBe(false);
    expect(canMoveCase('dirujuk_kabupaten', 'ditangani_desa')).toBe(false);
    expect(canMoveCase('selesai', 'baru')).toBe(false);
    expect(canMoveCase('ditangani_desa', 'dirujuk_kabupaten')).toBe(true);
    for (const status of caseStatuses) expect(canMoveCase(status, status)).toBe(false);
  });
});
