import { cleanIdentityNumber, parseNik } from '@desmigratif/domain';

export interface NikFeedback {
  /** Digits typed so far (spaces and dots ignored). */
  digits: number;
  /** The number cannot be right: the record is not saved. */
  errors: string[];
  /** The number and the record disagree (birth date, sex): shown, never blocking — a NIK never changes. */
  warnings: string[];
  /** An OpenSID temporary number (0 + village code + sequence). */
  temporary: boolean;
}

export interface NikContext {
  /** YYYY-MM-DD as typed, '' when empty. */
  birthDate: string;
  /** '1' laki-laki, '2' perempuan, '' not chosen. */
  sex: string;
  /**
   * Whether an unfinished number already counts as wrong: not while the officer is still typing the first digits,
   * but once they leave the field, or once they have typed 16 or more.
   */
  settled: boolean;
}

const sexLetter = { '1': 'L', '2': 'P' } as const;

/** The domain's NIK checks, as the officer types. */
export function nikFeedback(typed: string, context: NikContext): NikFeedback {
  // The contracts accept dashes between the digit groups, as some civil-registry exports write them.
  const nik = typed.replace(/-/g, '');
  const digits = cleanIdentityNumber(nik).length;
  if (nik.trim() === '') return { digits: 0, errors: [], warnings: [], temporary: false };
  const parsed = parseNik(nik, {
    birthDate: /^\d{4}-\d{2}-\d{2}$/.test(context.birthDate) ? context.birthDate : undefined,
    sex: context.sex === '1' || context.sex === '2' ? sexLetter[context.sex] : undefined,
  });
  const unfinished = parsed.normalized === null && digits < 16 && /^[\d\s.]*$/.test(nik) && !context.settled;
  const of = (severity: 'error' | 'warning') =>
    parsed.issues.filter((issue) => issue.severity === severity).map((issue) => issue.message);
  return { digits, errors: unfinished ? [] : of('error'), warnings: of('warning'), temporary: parsed.temporary };
}
