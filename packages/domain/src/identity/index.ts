export { todayInJakarta } from './calendar.js';
export { cleanIdentityNumber } from './clean-number.js';
export type { IdentityNumberParts } from './identity-number.js';
export {
  describeIdentityIssue,
  identityMessages,
  type IdentityIssue,
  type IdentityIssueArgs,
  type IdentityIssueCode,
  type IssueSummary,
  type Sex,
} from './issues.js';
export { findUnknownRegion, isKnownRegionCode } from './known-regions.js';
export { nameSimilarity, nameVariantsKey, normalizePersonName } from './names.js';
export { type NikParseResult, type ParseNikOptions, parseNik } from './nik.js';
export { type NoKkParseResult, type ParseNoKkOptions, parseNoKk } from './no-kk.js';
export { regionCodesSource } from './region-codes.js';
export { isTemporaryId, makeTemporaryId } from './temporary-id.js';
export { trigramSimilarity } from './trigram.js';
