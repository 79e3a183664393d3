// @vitest-environment node
import {
  consentBasisLabels,
  familyLinkRelationLabels,
  importJobStatusLabels,
  migrantStatusLabels,
} from '@desmigratif/contracts';
import { describe, expect, it } from 'vitest';
import id from '../../i18n/id.json';

describe('Indonesian registry labels', () => {
  it('say what the contracts (and so the server and the exports) say', () => {
    expect(id.migrantStatus).toEqual(migrantStatusLabels);
    expect(id.linkRelation).toEqual(familyLinkRelationLabels);
    expect(id.consentBasis).toEqual(consentBasisLabels);
    expect(id.importStatus).toEqual(importJobStatusLabels);
  });
});
