import type { Role } from '@desmigratif/contracts';

/**
 * Roles that see identity numbers (NIK, No. KK) in full: the village officers who record
 * and verify them. Everyone else sees them masked (UU 27/2022: data minimisation).
 */
export const rolesSeeingFullIdentity: readonly Role[] = ['petugas_desa', 'kepala_desa'];

export function seesFullIdentity(role: Role): boolean {
  return rolesSeeingFullIdentity.includes(role);
}

/** 3212165203900001 → 3212••••••••0001: region and serial stay readable for a clerk on the phone. */
export function maskIdentityNumber(value: string): string {
  if (value.length <= 8) return '•'.repeat(value.length);
  return `${value.slice(0, 4)}${'•'.repeat(value.length - 8)}${value.slice(-4)}`;
}
