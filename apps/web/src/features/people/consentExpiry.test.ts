// @vitest-environment node
import { recordConsentRequestSchema } from '@desmigratif/contracts';
import { todayInJakarta } from '@desmigratif/domain';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../../lib/validation';
import { consentExpiry, daysFrom, firstPossibleLastDay } from './consentExpiry';

describe('consentExpiry', () => {
  const today = '2026-11-23';

  it('has nothing to say about a consent without an end date', () => {
    expect(consentExpiry(null, today)).toBeNull();
  });

  it('counts down the last 30 days, the last day itself being day 0', () => {
    expect(consentExpiry('2026-12-23', today)).toEqual({ state: 'ending', days: 30 });
    expect(consentExpiry('2026-11-24', today)).toEqual({ state: 'ending', days: 1 });
    expect(consentExpiry('2026-11-23', today)).toEqual({ state: 'ending', days: 0 });
    expect(consentExpiry('2026-12-24', today)).toEqual({ state: 'holds' });
  });

  it('has lapsed the day after its last day', () => {
    expect(consentExpiry('2026-11-22', today)).toEqual({ state: 'lapsed' });
    expect(consentExpiry('2020-01-01', today)).toEqual({ state: 'lapsed' });
  });

  it('counts calendar days across months, years and a leap day', () => {
    expect(daysFrom('2027-12-31', '2028-01-01')).toBe(1);
    expect(daysFrom('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysFrom('2026-03-01', '2026-02-28')).toBe(-1);
  });
});

describe('the end date a form may send', () => {
  const request = (expiresAt: string | null, basis = 'persetujuan') => ({ basis, givenByName: 'Sri Mulyani', expiresAt });

  it('starts tomorrow, as the server requires', () => {
    const tomorrow = firstPossibleLastDay();
    expect(daysFrom(todayInJakarta(), tomorrow)).toBe(1);
    expect(schemaErrors(recordConsentRequestSchema, request(tomorrow))).toEqual({});
    expect(schemaErrors(recordConsentRequestSchema, request(todayInJakarta()))).toEqual({ expiresAt: 'Tanggal berlaku sampai harus setelah hari ini' });
  });

  it('belongs to a consent only', () => {
    expect(schemaErrors(recordConsentRequestSchema, request(firstPossibleLastDay(), 'kewajiban_hukum'))).toEqual({
      expiresAt: 'Batas waktu hanya untuk persetujuan; kewajiban hukum tidak berakhir pada tanggal tertentu',
    });
    expect(schemaErrors(recordConsentRequestSchema, request(null, 'kewajiban_hukum'))).toEqual({});
  });
});
