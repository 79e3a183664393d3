import { describe, expect, it } from 'vitest';
import { changedPlanFields, emptyPlanForm, toPlanInput } from './planForm';

describe('plan form', () => {
  it('sends blanks as null and yes/no answers as booleans', () => {
    const input = toPlanInput({
      ...emptyPlanForm,
      destinationCountry: 'SA',
      occupation: 'Pengurus rumah tangga',
      sector: 'domestik',
      scheme: 'p_to_p',
      agencyName: '  ',
      feesAskedRupiah: 15000000,
      feesToPersonalAccount: 'true',
      contractReadable: 'false',
    });
    expect(input).toMatchObject({
      destinationCountry: 'SA',
      agencyName: null,
      feesAskedRupiah: 15000000,
      feesToPersonalAccount: true,
      shelterBeforeDocuments: null,
      contractReadable: false,
      visaType: null,
    });
  });

  it('names the fields that differ', () => {
    expect(changedPlanFields(emptyPlanForm, { ...emptyPlanForm, occupation: 'Perawat', visaType: 'kerja' })).toEqual(['occupation', 'visaType']);
  });
});
