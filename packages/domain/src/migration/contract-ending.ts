import { daysBetween } from './dates.js';

/**
 * Whether a migrant's employment contract ends within `withinDays` of `today` (both days
 * included), so that the officer can prepare the family and the return. A contract that
 * has already ended is not "ending soon": the return is recorded instead.
 *
 * @throws RangeError when a date is not YYYY-MM-DD or `withinDays` is negative.
 */
export function contractEndsSoon(endDate: string, today: string, withinDays = 60): boolean {
  if (!Number.isInteger(withinDays) || withinDays < 0) {
    throw new RangeError(`Jumlah hari harus bilangan bulat ≥ 0: ${withinDays}`);
  }
  const daysLeft = daysBetween(today, endDate);
  return daysLeft >= 0 && daysLeft <= withinDays;
}
