import type { SummaryRow, Target } from '../summary/api';

export interface TargetRow {
  year: number;
  target: number | null;
  enrolled: number;
}

/** One row per year that has a target or enrolled villages, newest first. */
export function mergeTargetRows(targets: Target[], summary: SummaryRow[]): TargetRow[] {
  const years = new Set([...targets.map((item) => item.year), ...summary.map((row) => row.year)]);
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => ({
      year,
      target: targets.find((item) => item.year === year)?.target ?? null,
      enrolled: summary.find((row) => row.year === year)?.enrolled ?? 0,
    }));
}
