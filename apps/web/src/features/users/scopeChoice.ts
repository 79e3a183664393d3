import type { RegionLevel } from '@desmigratif/contracts';
import { levelOfLength } from '../../lib/regions';

/** Region levels a picker must offer for the allowed scope lengths (0, national, is not a region). */
export function pickerLevels(lengths: number[]): RegionLevel[] {
  return lengths.flatMap((length) => {
    const level = levelOfLength(length);
    return level ? [level] : [];
  });
}

/** Whether `scopeCode` has one of the allowed lengths. */
export function scopeFits(scopeCode: string, lengths: number[]): boolean {
  return lengths.includes(scopeCode.length);
}
