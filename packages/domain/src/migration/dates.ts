import { formatDmy, isIsoDate } from '../identity/calendar.js';

/** Calendar arithmetic on YYYY-MM-DD dates, in UTC so that no time zone shifts a day. */

const dayMs = 24 * 60 * 60 * 1000;

function toUtc(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`Tanggal harus YYYY-MM-DD: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

/** @throws RangeError when `date` is not a real YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * dayMs).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / dayMs);
}

/**
 * Age in completed years on `onDate`. Someone born on 29 February turns a year older
 * on 1 March in a common year, as Indonesian civil practice counts it.
 */
export function ageOn(birthDate: string, onDate: string): number {
  toUtc(birthDate);
  toUtc(onDate);
  const [birthYear, birthMonthDay] = [Number(birthDate.slice(0, 4)), birthDate.slice(5)];
  const [year, monthDay] = [Number(onDate.slice(0, 4)), onDate.slice(5)];
  return year - birthYear - (monthDay < birthMonthDay ? 1 : 0);
}

/** The day `years` after `birthDate`: a birthday, with 29 February falling on 1 March in a common year. */
export function anniversary(birthDate: string, years: number): string {
  const date = `${String(Number(birthDate.slice(0, 4)) + years).padStart(4, '0')}${birthDate.slice(4)}`;
  return isIsoDate(date) ? date : addDays(date.replace(/-29$/, '-28'), 1);
}

/**
 * The day a plan's age and papers are judged on: the expected departure, or today when
 * the departure is unknown or already past; with the words the officer reads.
 */
export function judgementDay(expectedDeparture: string | null | undefined, today: string) {
  const date = expectedDeparture && expectedDeparture > today ? expectedDeparture : today;
  return { date, words: date === today ? 'hari ini' : `tanggal berangkat ${formatDmy(date)}` };
}
