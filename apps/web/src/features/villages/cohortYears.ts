/** Programme cohorts run from the 2016 pilot to next year, newest first. */
export function cohortYears(now = new Date()): number[] {
  const last = now.getFullYear() + 1;
  return Array.from({ length: last - 2016 + 1 }, (_, index) => last - index);
}
