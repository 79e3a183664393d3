export {
  type CaseSlaSettings,
  type OpenCaseStatus,
  canMoveCase,
  caseDeadline,
  defaultCaseSlaHours,
  isCaseOverdue,
  nextCaseStatuses,
} from './cases.js';
export { caseTransitionNeedsNote, caseTransitionRefusal, caseTransitionsFor } from './case-roles.js';
export { contractEndsSoon } from './contract-ending.js';
export { type ChecklistOptions, type ChecklistPlan, computeDocumentChecklist } from './documents.js';
export type { MigrantPerson, PlanDocument } from './person.js';
export {
  type ReadinessOptions,
  type ReadinessPlan,
  assessReadiness,
  defaultMinimumDomesticWorkerAge,
  minimumMigrantAge,
} from './readiness.js';
export { type RedFlagContext, defaultDepartureSoonDays, evaluateRedFlags, isFeeFreePlan } from './red-flags.js';
