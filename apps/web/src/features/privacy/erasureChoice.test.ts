// @vitest-environment node
import { eraseDataRequestSchema } from '@desmigratif/contracts';
import { describe, expect, it } from 'vitest';
import { erasureChoice } from './erasureChoice';

describe('erasureChoice', () => {
  it('goes on with something chosen, a note being optional', () => {
    expect(erasureChoice(['telepon'], '')).toEqual({ noteRequired: false, canContinue: true });
  });

  it('asks for the answer to the requester when nothing is chosen', () => {
    expect(erasureChoice([], '')).toEqual({ noteRequired: true, canContinue: false });
    expect(erasureChoice([], '   ')).toEqual({ noteRequired: true, canContinue: false });
    expect(erasureChoice([], 'Wajib disimpan menurut UU 18/2017')).toEqual({ noteRequired: true, canContinue: true });
  });

  it('sends what the server accepts', () => {
    expect(eraseDataRequestSchema.safeParse({ categories: ['telepon', 'pindaian_dokumen'], note: null, version: '12' }).success).toBe(true);
    expect(eraseDataRequestSchema.safeParse({ categories: ['telepon', 'telepon'], version: '12' }).success).toBe(false);
  });
});
