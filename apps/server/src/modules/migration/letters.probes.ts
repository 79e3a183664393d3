import type { ProbeSet } from '../../test/probes.js';

/** Region-scope probes for document scans and letters (PDF with QR) (see platform/authorization.test.ts). */
export const lettersProbes: ProbeSet = { probes: {} };
