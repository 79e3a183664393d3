import { formatRegionCode } from '@desmigratif/contracts';
import { formatDmy } from './calendar.js';

/**
 * The problems a NIK or No. KK can have: a stable machine code (for the API, filters
 * and tests) and the Indonesian sentence the officer reads. Errors mean the number
 * cannot be right; warnings mean the number and the record disagree, and since a NIK
 * never changes even when the date inside it is wrong, the record is not blocked.
 */

export type Sex = 'L' | 'P';

type RegionContext = { /** Plain region code, shown dotted. */ code: string };
type DetailContext = { /** What makes the date impossible, e.g. "tanggal 32". */ detail: string };
type DateContext = { /** YYYY-MM-DD in the number. */ found: string; /** YYYY-MM-DD on record. */ expected: string };
type SexContext = { found: Sex; expected: Sex };

const sexWords: Record<Sex, string> = { L: 'laki-laki', P: 'perempuan' };

export const identityMessages = {
  NIK_FORMAT: () => 'NIK harus 16 digit angka',
  NIK_PROVINCE_UNKNOWN: ({ code }: RegionContext) => `Kode provinsi ${code} pada NIK tidak dikenal`,
  NIK_REGENCY_UNKNOWN: ({ code }: RegionContext) =>
    `Kode kabupaten/kota ${formatRegionCode(code)} pada NIK tidak dikenal`,
  NIK_DISTRICT_UNKNOWN: ({ code }: RegionContext) => `Kode kecamatan ${formatRegionCode(code)} pada NIK tidak dikenal`,
  NIK_BIRTH_DATE_INVALID: ({ detail }: DetailContext) => `Tanggal lahir dalam NIK tidak mungkin (${detail})`,
  NIK_SERIAL_ZERO: () => 'Nomor urut di akhir NIK tidak boleh nol',
  NIK_BIRTH_DATE_MISMATCH: ({ found, expected }: DateContext) =>
    `Tanggal lahir di NIK (${formatDmy(found)}) berbeda dengan tanggal lahir tercatat (${formatDmy(expected)})`,
  NIK_SEX_MISMATCH: ({ found, expected }: SexContext) =>
    `NIK menunjukkan jenis kelamin ${sexWords[found]}, tetapi yang tercatat ${sexWords[expected]}`,
  NO_KK_FORMAT: () => 'Nomor KK harus 16 digit angka',
  NO_KK_PROVINCE_UNKNOWN: ({ code }: RegionContext) => `Kode provinsi ${code} pada nomor KK tidak dikenal`,
  NO_KK_REGENCY_UNKNOWN: ({ code }: RegionContext) =>
    `Kode kabupaten/kota ${formatRegionCode(code)} pada nomor KK tidak dikenal`,
  NO_KK_DISTRICT_UNKNOWN: ({ code }: RegionContext) =>
    `Kode kecamatan ${formatRegionCode(code)} pada nomor KK tidak dikenal`,
  NO_KK_ISSUE_DATE_INVALID: ({ detail }: DetailContext) => `Tanggal terbit dalam nomor KK tidak mungkin (${detail})`,
  NO_KK_ISSUE_DATE_FUTURE: ({ found }: Pick<DateContext, 'found'>) =>
    `Tanggal terbit dalam nomor KK (${formatDmy(found)}) belum terjadi`,
  NO_KK_SERIAL_ZERO: () => 'Nomor urut di akhir nomor KK tidak boleh nol',
} as const;

export type IdentityIssueCode = keyof typeof identityMessages;

/** What a code's message needs: nothing, or e.g. `{ code: '3299' }`. */
export type IdentityIssueArgs<C extends IdentityIssueCode> = Parameters<(typeof identityMessages)[C]>;

export type IdentityIssue = {
  code: IdentityIssueCode;
  severity: 'error' | 'warning';
  message: string;
};

const warningCodes: ReadonlySet<IdentityIssueCode> = new Set(['NIK_BIRTH_DATE_MISMATCH', 'NIK_SEX_MISMATCH']);

export function describeIdentityIssue<C extends IdentityIssueCode>(code: C, ...args: IdentityIssueArgs<C>): string {
  const message = identityMessages[code] as (...context: IdentityIssueArgs<C>) => string;
  return message(...args);
}

export function identityIssue<C extends IdentityIssueCode>(code: C, ...args: IdentityIssueArgs<C>): IdentityIssue {
  return {
    code,
    severity: warningCodes.has(code) ? 'warning' : 'error',
    message: describeIdentityIssue(code, ...args),
  };
}

export type IssueSummary = {
  /** True when there is no error (warnings allowed). */
  valid: boolean;
  errors: IdentityIssueCode[];
  warnings: IdentityIssueCode[];
  issues: IdentityIssue[];
};

// Issues are listed in the order of the digits they concern (region, date, serial),
// which is the order of the codes above, whatever order the checks ran in.
const codeOrder = Object.keys(identityMessages) as IdentityIssueCode[];

export function summarizeIssues(issues: IdentityIssue[]): IssueSummary {
  const sorted = [...issues].sort((a, b) => codeOrder.indexOf(a.code) - codeOrder.indexOf(b.code));
  const codes = (severity: IdentityIssue['severity']) =>
    sorted.filter((issue) => issue.severity === severity).map((issue) => issue.code);
  const errors = codes('error');
  return { valid: errors.length === 0, errors, warnings: codes('warning'), issues: sorted };
}
