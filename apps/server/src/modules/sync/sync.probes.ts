import type { ProbeSet } from '../../test/probes.js';

/** Region-scope probes for the sync routes (see platform/authorization.test.ts). */
export const syncProbes: ProbeSet = { probes: {} };
