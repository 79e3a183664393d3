import type { ProbeSet } from '../../test/probes.js';

/** Region-scope probes for departures, returns and cases (see platform/authorization.test.ts). */
export const casesProbes: ProbeSet = { probes: {} };
