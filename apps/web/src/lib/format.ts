const timeZone = 'Asia/Jakarta';

const dateFormat = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
const dateTimeFormat = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone,
});
const numberFormat = new Intl.NumberFormat('id-ID');
const percentFormat = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 0 });

/** A date-only string (YYYY-MM-DD) is a calendar date, not an instant: read it at noon UTC so no time zone shifts its day. */
function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
}

/** 22 November 2026 */
export function formatDate(value: string | Date): string {
  return dateFormat.format(toDate(value));
}

/** 22 Nov 2026 16.05 (Western Indonesia Time) */
export function formatDateTime(value: string | Date): string {
  const parts = Object.fromEntries(dateTimeFormat.formatToParts(toDate(value)).map((part) => [part.type, part.value]));
  return `${parts.day} ${parts.month} ${parts.year} ${parts.hour}.${parts.minute}`;
}

/** 83.762 */
export function formatNumber(value: number | bigint): string {
  return numberFormat.format(value);
}

/** Rp1.250.000 — money is whole rupiah. */
export function formatRupiah(value: number | bigint): string {
  const negative = value < 0;
  const amount = negative ? -value : value;
  return `${negative ? '-' : ''}Rp${numberFormat.format(amount)}`;
}

/** 0.834 → 83% */
export function formatPercent(ratio: number): string {
  return percentFormat.format(ratio);
}
