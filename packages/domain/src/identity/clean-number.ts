/**
 * The digits of a NIK or No. KK as typed or pasted: spaces, dots and invisible
 * characters removed. Numbers copied from PDFs, WhatsApp or spreadsheets often carry
 * zero-width spaces, no-break spaces or direction marks, and people group digits with
 * spaces or dots (3212 1652 0390 0001); none of these change the number.
 * NFKC turns full-width digits (３２１２) into ASCII ones. Anything else that is not a
 * digit stays, so the format check rejects it.
 */
export function cleanIdentityNumber(input: string): string {
  // \p{Cf}: format characters (zero-width space/joiners, BOM, soft hyphen, LRM/RLM, …).
  return input.normalize('NFKC').replace(/[\s.\p{Cf}]/gu, '');
}
