import { makeTemporaryId } from '@desmigratif/domain';

const maxSequence = 99_999;

/**
 * The sequence of a temporary number as the server sent it: all 5 digits of a full one, the last 4 of a masked one
 * (0321••••••••0003), which is the most a masked number tells.
 */
function sequenceOf(number: string): number | null {
  if (/^0\d{15}$/.test(number)) return Number(number.slice(11));
  const tail = /(\d{4})$/.exec(number)?.[1];
  return tail ? Number(tail) : null;
}

/**
 * The next free sequence for a village's temporary NIK or No. KK ("0" + village code + 5 digits): one past both the
 * highest sequence in use and the count of temporary numbers recorded, so a gap left by a merged record is never
 * filled with a number someone else may still hold.
 */
export function nextTemporarySequence(existing: readonly string[], total: number): number {
  const used = existing.map(sequenceOf).filter((sequence): sequence is number => sequence !== null);
  const next = Math.max(total, ...used, 0) + 1;
  if (next <= maxSequence) return next;
  const taken = new Set(used);
  let free = 1;
  while (taken.has(free) && free < maxSequence) free += 1;
  return free;
}

/** "0" + village code + the next sequence. */
export function nextTemporaryId(villageCode: string, existing: readonly string[], total: number): string {
  return makeTemporaryId(villageCode, nextTemporarySequence(existing, total));
}
