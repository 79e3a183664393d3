/** Calendar helpers for the dates written inside a NIK or No. KK (DDMMYY). */

/** Today in Western Indonesia Time (WIB) as YYYY-MM-DD. */
export function todayInJakarta(now: Date = new Date()): string {
  // WIB is UTC+7 all year (Indonesia has no daylight saving), so a fixed offset is exact.
  return new Date(now.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export const monthNames = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Whether `value` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** YYYY-MM-DD → DD-MM-YYYY, the order Indonesian documents print. */
export function formatDmy(iso: string): string {
  return iso.split('-').reverse().join('-');
}

/**
 * The four-digit year of a two-digit one: 20YY up to this year's YY, else 19YY.
 * A NIK or No. KK never names a year after today's.
 */
export function fullYear(twoDigitYear: number, today: string): number {
  const thisCentury = Math.floor(Number(today.slice(0, 4)) / 100) * 100;
  const candidate = thisCentury + twoDigitYear;
  return candidate <= Number(today.slice(0, 4)) ? candidate : candidate - 100;
}

/**
 * Why day/month/year is not a date, in words for an officer ("tanggal 32",
 * "bulan 13", "30 Februari 2001"), or null when it is one.
 */
export function impossibleDateDetail(day: number, month: number, year: number): string | null {
  if (day < 1 || day > 31) return `tanggal ${String(day).padStart(2, '0')}`;
  if (month < 1 || month > 12) return `bulan ${String(month).padStart(2, '0')}`;
  if (day > daysInMonth(year, month)) return `${day} ${monthNames[month - 1]} ${year}`;
  return null;
}
