import { todayInJakarta } from '@desmigratif/domain';

/** Whole years between a YYYY-MM-DD birth date and `today` (YYYY-MM-DD, Western Indonesia Time); null without a birth date. */
export function ageOn(birthDate: string | null, today: string = todayInJakarta()): number | null {
  if (!birthDate) return null;
  const [year, month, day] = birthDate.split('-').map(Number);
  const [todayYear, todayMonth, todayDay] = today.split('-').map(Number);
  if (!year || !month || !day || !todayYear || !todayMonth || !todayDay) return null;
  const beforeBirthday = todayMonth < month || (todayMonth === month && todayDay < day);
  return todayYear - year - (beforeBirthday ? 1 : 0);
}

/** A child's data needs a parent's or guardian's consent (UU 27/2022). */
export const adultAge = 18;

export function isChild(birthDate: string | null, today?: string): boolean {
  const age = ageOn(birthDate, today);
  return age !== null && age < adultAge;
}
