import type { ProbeSet } from '../../test/probes.js';

/** Region-scope probes for the officer's and coordinator's home dashboards (see platform/authorization.test.ts). */
export const homeProbes: ProbeSet = { probes: {} };
