import { cleanIdentityNumber, parseNoKk } from '@desmigratif/domain';

export interface NoKkFeedback {
  digits: number;
  errors: string[];
  temporary: boolean;
  /** YYYY-MM-DD the card was issued, read from the number (null for a temporary or unreadable one). */
  issueDate: string | null;
}

/** The domain's No. KK checks as the officer types; an unfinished number counts as wrong only once `settled`. */
export function noKkFeedback(typed: string, settled: boolean): NoKkFeedback {
  const noKk = typed.replace(/-/g, '');
  const digits = cleanIdentityNumber(noKk).length;
  if (noKk.trim() === '') return { digits: 0, errors: [], temporary: false, issueDate: null };
  const parsed = parseNoKk(noKk);
  const unfinished = parsed.normalized === null && digits < 16 && /^[\d\s.]*$/.test(noKk) && !settled;
  return {
    digits,
    errors: unfinished ? [] : parsed.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.message),
    temporary: parsed.temporary,
    issueDate: parsed.issueDate,
  };
}
