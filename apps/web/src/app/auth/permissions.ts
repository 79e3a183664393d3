import {
  programVillageStatuses,
  roleScopeLevels,
  type ProgramVillageStatus,
  type Role,
  type SessionUser,
} from '@desmigratif/contracts';
import { accountManagerRoles, creatableRoles as creatableByRole, rolesWithPersonalData } from '@desmigratif/domain';

/** What the UI shows or hides per role. The server decides; this only keeps people away from doors that will not open. */
export type Permission =
  | 'viewVillages'
  | 'writeVillages'
  | 'viewTargets'
  | 'editTargets'
  | 'manageUsers'
  | 'viewAudit'
  | 'viewPeople'
  | 'writePeople'
  | 'importPeople'
  | 'exportPeople'
  | 'reviewDuplicates'
  | 'resolveDuplicates'
  | 'viewMigration'
  | 'writeMigration'
  | 'issueLetters'
  | 'keepAgencies'
  | 'editVillageCentre'
  | 'viewAccessLog'
  | 'handleDataRequests'
  | 'administerPrivacy';

const villageRoles: readonly Role[] = ['petugas_desa', 'kepala_desa', 'pengurus_koperasi'];

/** Who records residents: the village's own officers and those above them who act for it (never the ministry). */
const registryWriters: readonly Role[] = ['petugas_desa', 'kepala_desa', 'koordinator_kabupaten', 'admin'];

const grants: Record<Permission, readonly Role[]> = {
  viewVillages: rolesWithPersonalData,
  writeVillages: ['koordinator_kabupaten', 'kementerian', 'admin'],
  viewTargets: ['koordinator_kabupaten', 'kementerian', 'mitra', 'admin'],
  editTargets: ['kementerian', 'admin'],
  manageUsers: accountManagerRoles,
  viewAudit: accountManagerRoles,
  viewPeople: rolesWithPersonalData,
  writePeople: registryWriters,
  /** An import's rejected rows carry full NIKs: the same roles as the writers. */
  importPeople: registryWriters,
  /**
   * The export carries every full NIK and No. KK: only the roles that see them in full on screen, and admins — not a
   * coordinator, who sees them masked (the server refuses the export to anyone else).
   */
  exportPeople: ['petugas_desa', 'kepala_desa', 'admin'],
  /** The region's list of likely duplicates (a village officer's: their own village). */
  reviewDuplicates: ['petugas_desa', 'koordinator_kabupaten', 'kementerian', 'admin'],
  /** Merging or setting aside a pair: a coordinator or admin in their region, an officer in their village. */
  resolveDuplicates: ['petugas_desa', 'koordinator_kabupaten', 'admin'],
  /** The migration centre's service log and plans (personal data: never mitra nor the cooperative's board). */
  viewMigration: ['petugas_desa', 'kepala_desa', 'koordinator_kabupaten', 'kementerian', 'admin'],
  writeMigration: registryWriters,
  /** Letters print full NIKs: the village's officer and head, and admins (the server refuses anyone else). */
  issueLetters: ['petugas_desa', 'kepala_desa', 'admin'],
  /** The national registry of licensed agencies and the job orders: the ministry and the regency coordinators. */
  keepAgencies: ['kementerian', 'admin', 'koordinator_kabupaten'],
  /** A village centre's address and hours: its own officers and those above them. */
  editVillageCentre: ['petugas_desa', 'kepala_desa', 'koordinator_kabupaten', 'kementerian', 'admin'],
  /** "Who looked at this person's data" (UU 27/2022): the regency coordinator, the admin and the village head. */
  viewAccessLog: ['koordinator_kabupaten', 'admin', 'kepala_desa'],
  /** Data-subject requests and the person's data export: the village and those who act for it. */
  handleDataRequests: registryWriters,
  /** Retention rules and the breach-response report: the (national) admin. */
  administerPrivacy: ['admin'],
};

export function can(role: Role, permission: Permission): boolean {
  return grants[permission].includes(role);
}

/** Officers, village heads and cooperative boards work in one village. */
export function isVillageRole(role: Role): boolean {
  return villageRoles.includes(role);
}

/** The ministry and admins select villages and cohorts; a regency coordinator only proposes. */
export function canSelectVillages(role: Role): boolean {
  return role === 'kementerian' || role === 'admin';
}

/** Statuses a role may give a village it enrols. */
export function settableStatuses(role: Role): readonly ProgramVillageStatus[] {
  return canSelectVillages(role) ? programVillageStatuses : ['diusulkan'];
}

/** Scope lengths a new account of `role` may have when created by `actor` (0 = national): inside the actor's own scope. */
export function allowedScopeLengths(actor: Pick<SessionUser, 'scopeCode'>, role: Role): number[] {
  const actorLength = actor.scopeCode.length;
  return roleScopeLevels[role].filter((length) => actorLength === 0 || length >= actorLength);
}

/** Roles an account manager may hand out, limited to those whose accounts fit inside the manager's scope. */
export function creatableRoles(actor: Pick<SessionUser, 'role' | 'scopeCode'>): Role[] {
  return creatableByRole[actor.role].filter((role) => allowedScopeLengths(actor, role).length > 0);
}
