import { makeTemporaryId } from '@desmigratif/domain';

/**
 * Sequences 90000–99999 are kept for numbers given on a phone without signal (offline/temporaryIds.ts);
 * the numbers given with signal count up below them, so the two never meet.
 */
export const OFFLINE_FIRST_SEQUENCE = 90_000;
export const MAX_SEQUENCE = 99_999;
const maxOnlineSequence = OFFLINE_FIRST_SEQUENCE - 1;

/**
 * The sequence of a temporary number as the server sent it: all 5 digits of a full one, the last 4 of a masked one
 * (0321••••••••0003), which is the most a masked number tells.
 */
export function sequenceOf(number: string): number | null {
  if (/^0\d{15}$/.test(number)) return Number(number.slice(11));
  const tail = /(\d{4})$/.exec(number)?.[1];
  return tail ? Number(tail) : null;
}

/**
 * The next free sequence for a village's temporary NIK or No. KK ("0" + village code + 5 digits) given with signal:
 * one past both the highest sequence in use below the offline range and the count of temporary numbers recorded,
 * so a gap left by a merged record is never filled with a number someone else may still hold.
 */
export function nextTemporarySequence(existing: readonly string[], total: number): number {
  const used = existing.map(sequenceOf).filter((sequence): sequence is number => sequence !== null);
  const next = Math.max(total, ...used.filter((sequence) => sequence <= maxOnlineSequence), 0) + 1;
  if (next <= maxOnlineSequence) return next;
  const taken = new Set(used);
  let free = 1;
  while (taken.has(free) && free < maxOnlineSequence) free += 1;
  return free;
}

/** "0" + village code + the next sequence. */
export function nextTemporaryId(villageCode: string, existing: readonly string[], total: number): string {
  return makeTemporaryId(villageCode, nextTemporarySequence(existing, total));
}
