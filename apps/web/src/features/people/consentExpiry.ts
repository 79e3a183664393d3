import { todayInJakarta } from '@desmigratif/domain';

/** Within this many days a consent's end is announced ("berakhir dalam N hari"), so the officer asks again in time. */
export const consentEndingSoonDays = 30;

/** Whole days from `today` to `date` (both YYYY-MM-DD); negative once `date` has passed. */
export function daysFrom(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export type ConsentExpiry =
  /** Its last day has passed: the processing resting on it needs a new consent or another basis. */
  | { state: 'lapsed' }
  /** Holds through its last day, `days` from today (0 = today is the last day). */
  | { state: 'ending'; days: number }
  | { state: 'holds' };

/**
 * Where a consent given for a limited time stands today (Western Indonesia Time). `expiresAt`
 * is its last day, as on the expired-consents list: it lapses the day after.
 */
export function consentExpiry(expiresAt: string | null, today: string = todayInJakarta()): ConsentExpiry | null {
  if (!expiresAt) return null;
  const days = daysFrom(today, expiresAt);
  if (days < 0) return { state: 'lapsed' };
  if (days <= consentEndingSoonDays) return { state: 'ending', days };
  return { state: 'holds' };
}

/** The first day an end date may be set to: tomorrow (a consent ending today is no limit at all). */
export function firstPossibleLastDay(today: string = todayInJakarta()): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
