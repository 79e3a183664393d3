import type { Role } from '@desmigratif/contracts';
import { roleScopeLevels } from '@desmigratif/contracts';
import { isInScope } from './scope.js';

/** Roles that may see personal data of residents and officers. `mitra` sees aggregates only. */
export const rolesWithPersonalData: readonly Role[] = [
  'petugas_desa',
  'kepala_desa',
  'pengurus_koperasi',
  'koordinator_kabupaten',
  'kementerian',
  'admin',
];

/** Roles that manage accounts (inside their own scope). */
export const accountManagerRoles: readonly Role[] = ['admin', 'koordinator_kabupaten'];

/** Roles a manager may hand out. A coordinator creates the village's own accounts only. */
export const creatableRoles: Record<Role, readonly Role[]> = {
  admin: ['petugas_desa', 'kepala_desa', 'pengurus_koperasi', 'koordinator_kabupaten', 'kementerian', 'mitra', 'admin'],
  koordinator_kabupaten: ['petugas_desa', 'kepala_desa', 'pengurus_koperasi'],
  petugas_desa: [],
  kepala_desa: [],
  pengurus_koperasi: [],
  kementerian: [],
  mitra: [],
};

export type AccountRuleViolation = { field: 'role' | 'scopeCode'; message: string };

/**
 * Checks that `actor` may create or manage an account with `role` and `scopeCode`.
 * Returns the violations in Indonesian, empty when allowed.
 */
export function checkAccountAssignment(
  actor: { role: Role; scopeCode: string },
  target: { role: Role; scopeCode: string },
): AccountRuleViolation[] {
  const violations: AccountRuleViolation[] = [];
  if (!creatableRoles[actor.role].includes(target.role)) {
    violations.push({ field: 'role', message: 'Anda tidak berwenang membuat akun dengan peran ini' });
  }
  if (!roleScopeLevels[target.role].includes(target.scopeCode.length)) {
    const need = roleScopeLevels[target.role]
      .map((n) => ({ 0: 'nasional', 2: 'provinsi', 4: 'kabupaten/kota', 10: 'desa' })[n])
      .join(' atau ');
    violations.push({ field: 'scopeCode', message: `Wilayah akun untuk peran ini harus tingkat ${need}` });
  } else if (!isInScope(actor.scopeCode, target.scopeCode)) {
    violations.push({ field: 'scopeCode', message: 'Wilayah akun berada di luar wilayah Anda' });
  }
  return violations;
}
