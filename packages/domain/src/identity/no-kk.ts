import { fullYear, impossibleDateDetail, isIsoDate, isoDate, todayInJakarta } from './calendar.js';
import { type IdentityIssue, type IssueSummary, identityIssue, summarizeIssues } from './issues.js';
import { type IdentityNumberParts, readIdentityNumber } from './identity-number.js';

/**
 * No. KK (Kartu Keluarga, family card), 16 digits: region (6) of the issuing district,
 * issue date DDMMYY (no +40) and a serial from 0001. A family gets a new number when it
 * moves, splits, or loses its head, so the number is a dated attribute of the family,
 * never a key.
 */

export type ParseNoKkOptions = {
  /** YYYY-MM-DD; defaults to today in Asia/Jakarta. */
  today?: string;
};

export type NoKkParseResult = IssueSummary &
  IdentityNumberParts & {
    /** YYYY-MM-DD, null when temporary or impossible. */
    issueDate: string | null;
  };

const noKkCodes = {
  format: 'NO_KK_FORMAT',
  region: { province: 'NO_KK_PROVINCE_UNKNOWN', regency: 'NO_KK_REGENCY_UNKNOWN', district: 'NO_KK_DISTRICT_UNKNOWN' },
  serialZero: 'NO_KK_SERIAL_ZERO',
} as const;

/** @throws RangeError when `options.today` is not a YYYY-MM-DD date. */
export function parseNoKk(noKk: string, options: ParseNoKkOptions = {}): NoKkParseResult {
  const today = options.today ?? todayInJakarta();
  if (!isIsoDate(today)) throw new RangeError(`today harus tanggal YYYY-MM-DD: ${today}`);

  const { parts, issues, datePart } = readIdentityNumber(noKk, noKkCodes);
  const issueDate = datePart === null ? null : readIssueDate(datePart, today, issues);
  return { ...summarizeIssues(issues), ...parts, issueDate };
}

function readIssueDate(ddmmyy: string, today: string, issues: IdentityIssue[]): string | null {
  const day = Number(ddmmyy.slice(0, 2));
  const month = Number(ddmmyy.slice(2, 4));
  // Unlike a birth date, the year is not pushed back a century to keep the date in the
  // past: a KK "issued" later this year is a typo worth reporting.
  const year = fullYear(Number(ddmmyy.slice(4, 6)), today);
  const detail = impossibleDateDetail(day, month, year);
  if (detail) {
    issues.push(identityIssue('NO_KK_ISSUE_DATE_INVALID', { detail }));
    return null;
  }
  const issueDate = isoDate(year, month, day);
  if (issueDate > today) issues.push(identityIssue('NO_KK_ISSUE_DATE_FUTURE', { found: issueDate }));
  return issueDate;
}
