import { type CaseStatus, caseStatusTransitions } from '@desmigratif/contracts';

/**
 * The service level of a family's complaint (kasus/pengaduan): how long a case may stay
 * in each open status. Hours are calendar hours, not office hours — a family whose
 * relative is detained abroad does not wait for Monday.
 */

export type OpenCaseStatus = Exclude<CaseStatus, 'selesai'>;

export type CaseSlaSettings = {
  /** Hours a case may stay in each open status; missing entries take the defaults. */
  slaHours?: Partial<Record<OpenCaseStatus, number>>;
};

/**
 * baru: the village takes the case up within a day; ditangani_desa: a week to settle it
 * or refer it; dirujuk_kabupaten: two weeks for the regency coordinator.
 */
export const defaultCaseSlaHours: Readonly<Record<OpenCaseStatus, number>> = {
  baru: 24,
  ditangani_desa: 7 * 24,
  dirujuk_kabupaten: 14 * 24,
};

const hourMs = 60 * 60 * 1000;

function slaHours(status: OpenCaseStatus, settings: CaseSlaSettings): number {
  const hours = settings.slaHours?.[status] ?? defaultCaseSlaHours[status];
  if (!Number.isFinite(hours) || hours <= 0) throw new RangeError(`Batas waktu kasus harus jam positif: ${hours}`);
  return hours;
}

function toTime(value: Date | string): number {
  const time = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(time)) throw new RangeError(`Waktu tidak valid: ${String(value)}`);
  return time;
}

/**
 * When a case in `status` must have moved on, counted from `enteredAt`, the moment it
 * entered that status (for 'baru', when it was opened). A closed case has no deadline.
 *
 * @throws RangeError for an unreadable time or a non-positive SLA setting.
 */
export function caseDeadline(status: CaseStatus, enteredAt: Date | string, settings: CaseSlaSettings = {}): Date | null {
  if (status === 'selesai') return null;
  return new Date(toTime(enteredAt) + slaHours(status, settings) * hourMs);
}

/** Whether the case has stayed in `status` past its deadline at `now`. */
export function isCaseOverdue(
  status: CaseStatus,
  enteredAt: Date | string,
  now: Date | string,
  settings: CaseSlaSettings = {},
): boolean {
  const deadline = caseDeadline(status, enteredAt, settings);
  return deadline !== null && toTime(now) > deadline.getTime();
}

/** The statuses a case in `status` may move to, in the order the officer is offered them. */
export function nextCaseStatuses(status: CaseStatus): readonly CaseStatus[] {
  return caseStatusTransitions[status];
}

export function canMoveCase(from: CaseStatus, to: CaseStatus): boolean {
  return caseStatusTransitions[from].includes(to);
}
