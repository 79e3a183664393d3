/** Audit actions and record types the server writes today; anything else is shown as written. */
const auditActions = [
  'create',
  'update',
  'update_reset_password',
  'login',
  'login_failed',
  'change_password',
  'seed',
  'record_status',
  'record_consent',
  'withdraw_consent',
  'link_family',
  'unlink_family',
  'import',
  'export',
  'merge',
  'dismiss_duplicate',
  'record_document',
  'record_return',
  'transition',
  'add_note',
  'follow_up_done',
  'issue_letter',
  'replace_scan',
  'verify',
  'upload_scan',
  'breach_report',
  'erase_personal_data',
  'export_person_data',
  'purge_retention',
  'read_sensitive',
  'resolve_sync_conflict',
  'revoke_other_sessions',
  'revoke_session',
  'revoke_sessions',
  'sync_conflict',
  'totp_disable',
  'totp_enable',
  'totp_recovery_codes',
  'totp_reset',
  'totp_setup_start',
] as const;
export const auditEntityTypes = [
  'program_village',
  'program_target',
  'user',
  'person',
  'family',
  'person_pair',
  'import_job',
  'people_export',
  'system',
  'migration_service',
  'migration_plan',
  'migration_placement',
  'migration_case',
  'placement_agency',
  'job_order',
  'letter',
  'village_centre',
  'cases_export',
  'placements_export',
  'data_subject_request',
  'retention_rule',
  'session',
] as const;

/** Field names that appear in audit records (programme villages, targets, accounts). */
const auditFields = [
  'cohortYear',
  'status',
  'officers',
  'name',
  'phone',
  'headName',
  'headPhone',
  'notes',
  'year',
  'target',
  'username',
  'fullName',
  'role',
  'scopeCode',
  'scopeName',
  'disabled',
  'mustChangePassword',
  'lockedUntil',
  'lastLoginAt',
  'createdAt',
] as const;

type AuditAction = (typeof auditActions)[number];
type AuditEntityType = (typeof auditEntityTypes)[number];

export function knownAction(action: string): AuditAction | undefined {
  return auditActions.find((known) => known === action);
}

export function knownEntityType(type: string): AuditEntityType | undefined {
  return auditEntityTypes.find((known) => known === type);
}

export function knownField(field: string): (typeof auditFields)[number] | undefined {
  return auditFields.find((known) => known === field);
}
