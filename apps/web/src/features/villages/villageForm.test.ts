// @vitest-environment node
import type { ProgramVillage } from '@desmigratif/contracts';
import { enrollVillageRequestSchema } from '@desmigratif/contracts';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../../lib/validation';
import { changedFields, emptyVillageForm, toEnrollRequest, toUpdateRequest, villageToForm } from './villageForm';

const kenanga: ProgramVillage = {
  villageCode: '3212162004',
  villageName: 'Kenanga',
  districtName: 'Sindang',
  regencyName: 'KABUPATEN INDRAMAYU',
  provinceName: 'JAWA BARAT',
  cohortYear: 2016,
  status: 'aktif',
  officers: [
    { name: 'Siti Aminah', phone: '081234567890' },
    { name: 'Darsono', phone: null },
  ],
  headName: 'Kuwu Kenanga',
  headPhone: null,
  notes: null,
  centreAddress: null,
  centreHours: null,
  centrePhone: null,
  enrolledAt: '2016-10-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
  version: '41',
};

let counter = 0;
const newKey = () => `k${++counter}`;

describe('village form', () => {
  it('round-trips a saved village', () => {
    const values = villageToForm(kenanga, newKey);
    expect(values.officers[1]).toMatchObject({ name: 'Darsono', phone: '' });
    expect(toEnrollRequest(values)).toEqual({
      villageCode: '3212162004',
      cohortYear: 2016,
      status: 'aktif',
      officers: [
        { name: 'Siti Aminah', phone: '081234567890' },
        { name: 'Darsono', phone: null },
      ],
      headName: 'Kuwu Kenanga',
      headPhone: null,
      notes: null,
    });
    expect(changedFields(kenanga, values)).toEqual([]);
  });

  it('sends blanks as null so the contracts schema accepts them', () => {
    const values = { ...emptyVillageForm('3212162004', 'aktif', 2026), headName: '  ', notes: '' };
    const request = toEnrollRequest(values);
    expect(request.headName).toBeNull();
    expect(schemaErrors(enrollVillageRequestSchema, request)).toEqual({});
  });

  it('leaves status and cohort out of a coordinator update', () => {
    const values = villageToForm(kenanga, newKey);
    expect(toUpdateRequest(values, '41', false)).not.toHaveProperty('status');
    expect(toUpdateRequest(values, '41', false)).not.toHaveProperty('cohortYear');
    expect(toUpdateRequest(values, '41', true)).toMatchObject({ status: 'aktif', cohortYear: 2016, version: '41' });
  });

  it('lists the fields someone else saved differently', () => {
    const typed = { ...villageToForm(kenanga, newKey), headPhone: '081299990000', status: 'mandiri' as const };
    expect(changedFields(kenanga, typed)).toEqual(['status', 'headPhone']);
  });
});
