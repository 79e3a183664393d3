import type { CaseStatus, Role } from '@desmigratif/contracts';
import { caseTransitionsFor } from '@desmigratif/domain';
import type { LocalRow } from './db';

/**
 * The status steps an officer may take on a case without signal: the same as online for their
 * role (the domain's case-roles rules), but only on a case the server already has and with no
 * step of theirs still waiting. A step carries the version the server gave the case; a case made
 * offline has none yet, and a second step would carry the version the first one changed.
 */
export function offlineCaseSteps(row: LocalRow, role: Role, changeWaiting: boolean): CaseStatus[] {
  if (row.version === '0' || changeWaiting) return [];
  return caseTransitionsFor(row.status as CaseStatus, role);
}
