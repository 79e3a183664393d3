import type { Session } from './support.js';

/** The Kenanga village (Indramayu) every probe reaches for. */
export const KENANGA = '3212162004';

/** Records made in Kenanga by its officer before the probes run. */
export type BaseIds = {
  kenangaOfficerId: string;
  personId: string;
  childId: string;
  familyId: string;
  consentId: string;
  linkId: string;
  planId: string;
};
/** The base records plus whatever a module's `setup` made (its own keys). */
export type Ids = BaseIds & Record<string, string>;

export type Probe =
  /** Must be refused (403/404) and change nothing. */
  | { expect: 'deny'; url: (ids: Ids) => string; body?: unknown | ((ids: Ids) => unknown) }
  /** A listing: its rows must all lie in the caller's scope, and asking for Kenanga is refused. */
  | { expect: 'filtered'; url: string; regionsOf: (body: unknown) => string[]; narrowTo?: string }
  /** No region-bound data: national reference data, a public page or the caller's own account. */
  | { expect: 'not-region-bound'; url: string; body?: unknown };

/**
 * One module's share of the authorization test: a probe for each of its routes, the routes
 * of it a partner ministry (mitra) may call (none returning personal data), Kenanga records
 * it makes first (as Kenanga's officer, or as the Indramayu coordinator), and the tables
 * whose Kenanga rows must be unchanged after every outsider's attempt.
 */
export interface ProbeSet {
  probes: Record<string, Probe>;
  partnerSafe?: string[];
  setup?: (as: { officer: Session; coordinator: Session; ids: BaseIds }) => Promise<Record<string, string>>;
  /** Tables with a `village_code` column, snapshotted for Kenanga before and after. */
  villageTables?: string[];
}
