import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as indonesian from '@zxcvbn-ts/language-id';
import { validationFailed } from '../../platform/errors.js';

/** zxcvbn's 0–4 scale: 3 means "safely unguessable" against an offline attack on a slow hash. */
export const MIN_PASSWORD_SCORE = 3;

// Words every account here shares: a password built on the program's own name is the first guess.
const programWords = ['desmigratif', 'desa', 'migran', 'produktif', 'kemnaker', 'disnaker', 'kenanga', 'koperasi', 'petugas', 'indonesia'];

// Built on first use: loading the dictionaries takes a few hundred milliseconds, which the
// server's start and the many requests that never set a password should not pay.
let estimator: ZxcvbnFactory | undefined;
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...indonesian.dictionary },
    graphs: common.adjacencyGraphs,
    translations: indonesian.translations,
    maxLength: 200,
  });
  return estimator;
}

/**
 * Why a new password is refused, in Indonesian, or null when it is strong enough. The length
 * is checked by the request schema; here, how guessable it is, counting the account's own
 * username and name as the first things an attacker tries.
 */
export function passwordWeakness(password: string, account: { username: string; fullName?: string }): string | null {
  if (password.toLowerCase().includes(account.username.toLowerCase())) return 'Kata sandi tidak boleh memuat nama pengguna';
  const nameParts = (account.fullName ?? '').toLowerCase().split(/\s+/).filter((part) => part.length >= 3);
  const result = strengthEstimator().check(password, [account.username, ...account.username.split(/[._-]/), ...nameParts, ...programWords]);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const hints = [result.feedback.warning, ...result.feedback.suggestions].filter((hint): hint is string => Boolean(hint));
  return ['Kata sandi terlalu mudah ditebak.', ...hints].join(' ');
}

/** Refuses a weak new password with the reason next to the field it was typed in. */
export function assertStrongPassword(path: string, password: string, account: { username: string; fullName?: string }): void {
  const weakness = passwordWeakness(password, account);
  if (weakness) throw validationFailed([{ path, message: weakness }], weakness);
}
