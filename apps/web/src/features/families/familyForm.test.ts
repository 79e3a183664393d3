// @vitest-environment node
import { createFamilyRequestSchema, updateFamilyRequestSchema, type Family } from '@desmigratif/contracts';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../../lib/validation';
import { familyToForm, toCreateFamilyRequest, toOfflineFamilyEdit, toUpdateFamilyRequest } from './familyForm';

const id = '019a5b2c-7d3e-7f00-8a00-0000000000f1';
const head = '019a5b2c-7d3e-7f00-8a00-000000000001';
const wife = '019a5b2c-7d3e-7f00-8a00-000000000002';

const family: Family = {
  id,
  villageCode: '3212162004',
  noKk: '3212161104160001',
  noKkMasked: false,
  noKkTemporary: false,
  noKkHistory: [{ noKk: '3212161104160001', validFrom: '2016-04-11', validTo: null }],
  headPersonId: head,
  headName: 'Warsono',
  address: 'Kenanga Lor RT 001 RW 001',
  dusun: 'Kenanga Lor',
  rw: '001',
  rt: '001',
  members: [],
  version: '9',
};

describe('new family', () => {
  it('sends the number and the address, blanks as null', () => {
    const request = toCreateFamilyRequest({ noKk: ' 3212161104160001 ', dusun: 'Kenanga Lor', rw: '', rt: '', address: '' }, id);
    expect(request).toEqual({ id, noKk: '3212161104160001', dusun: 'Kenanga Lor', rw: null, rt: null, address: null });
    expect(schemaErrors(createFamilyRequestSchema, request)).toEqual({});
  });

  it('names a short No. KK in Indonesian', () => {
    const request = toCreateFamilyRequest({ noKk: '32121611', dusun: '', rw: '', rt: '', address: '' }, id);
    expect(schemaErrors(createFamilyRequestSchema, request).noKk).toBe('No. KK harus 16 digit angka');
  });
});

describe('editing a family', () => {
  it('sends only the version when nothing changed', () => {
    const values = familyToForm(family);
    expect(toUpdateFamilyRequest(values, values, '9')).toEqual({ version: '9' });
  });

  it('records a new KK number with the date it applies from, and a new head', () => {
    const baseline = familyToForm(family);
    const typed = { ...baseline, newNoKk: '3212160203260001', noKkValidFrom: '2026-03-02', headPersonId: wife };
    const request = toUpdateFamilyRequest(typed, baseline, '9');
    expect(request).toEqual({ noKk: '3212160203260001', noKkValidFrom: '2026-03-02', headPersonId: wife, version: '9' });
    expect(schemaErrors(updateFamilyRequestSchema, request)).toEqual({});
  });

  it('lets the server date a new card from its number when no date is given', () => {
    const baseline = familyToForm(family);
    expect(toUpdateFamilyRequest({ ...baseline, newNoKk: '3212160203260001' }, baseline, '9')).toEqual({
      noKk: '3212160203260001',
      version: '9',
    });
  });
});

describe('editing a family without signal', () => {
  it('keeps the changed fields with the values opened, and the card it replaces as the base of a new number', () => {
    const baseline = familyToForm(family);
    const typed = { ...baseline, headPersonId: wife, rt: '004', newNoKk: '3212162503260002', noKkValidFrom: '2026-03-25' };
    const request = updateFamilyRequestSchema.parse(toUpdateFamilyRequest(typed, baseline, '9'));
    expect(toOfflineFamilyEdit(request, baseline, family.noKk)).toEqual({
      changes: { headPersonId: wife, rt: '004', noKk: '3212162503260002' },
      base: { headPersonId: head, rt: '001', noKk: '3212161104160001' },
      baseVersion: '9',
      // Sent, never compared: the start date is not a stored value of the family.
      extraArgs: { noKkValidFrom: '2026-03-25' },
    });
  });

  it('sends nothing but the version when nothing changed', () => {
    const baseline = familyToForm(family);
    expect(toOfflineFamilyEdit(toUpdateFamilyRequest(baseline, baseline, '9'), baseline, family.noKk)).toEqual({
      changes: {},
      base: {},
      baseVersion: '9',
      extraArgs: {},
    });
  });
});
