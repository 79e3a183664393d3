import type { ProbeSet } from '../../test/probes.js';

/** Region-scope probes for job information (lowongan), agency import, the public page's API (see platform/authorization.test.ts). */
export const jobsProbes: ProbeSet = { probes: {} };
