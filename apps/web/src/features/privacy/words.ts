/** Audit actions and record types that appear in a person's access history (see privacy.action / privacy.entity). */
export const privacyActions = [
  'read_sensitive',
  'export_person_data',
  'create',
  'update',
  'record_status',
  'record_consent',
  'withdraw_consent',
  'link_family',
  'unlink_family',
  'merge',
  'record_document',
  'upload_scan',
  'replace_scan',
  'record_return',
  'transition',
  'add_note',
  'issue_letter',
  'follow_up_done',
  'erase_personal_data',
] as const;

export const privacyEntities = [
  'person',
  'migration_plan',
  'migration_placement',
  'migration_case',
  'migration_service',
  'letter',
  'data_subject_request',
  'family',
] as const;
