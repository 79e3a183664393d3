// @vitest-environment node
import {
  createPersonRequestSchema,
  updatePersonRequestSchema,
  type PersonDetail,
} from '@desmigratif/contracts';
import { describe, expect, it } from 'vitest';
import { schemaErrors } from '../../lib/validation';
import { differingFields, emptyPersonForm, personToForm, toCreateRequest, toOfflineEdit, toUpdateRequest } from './personForm';

const id = '019a5b2c-7d3e-7f00-8a00-000000000001';

const sriMulyani: PersonDetail = {
  id,
  villageCode: '3212162004',
  nik: '3212164907860002',
  nikMasked: false,
  nikTemporary: false,
  name: 'Sri Mulyani',
  sex: 2,
  birthPlace: 'Indramayu',
  birthDate: '1986-07-09',
  dusun: 'Kenanga Lor',
  rw: '001',
  rt: '001',
  migrantStatus: 'pmi',
  statusDasar: 1,
  familyId: '019a5b2c-7d3e-7f00-8a00-0000000000f1',
  nikDuplicateCount: 0,
  version: '17',
  religion: 1,
  educationKk: null,
  educationCurrent: null,
  occupation: 2,
  maritalStatus: 2,
  familyRelationship: 3,
  citizenship: 1,
  bloodType: null,
  fatherNik: null,
  fatherName: null,
  motherNik: null,
  motherName: null,
  passportNumber: null,
  passportExpiry: null,
  address: 'Kenanga Lor RT 001 RW 001',
  phone: null,
  nikIssues: [],
  statusHistory: [],
  consents: [],
  links: [],
  family: null,
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
};

describe('new person', () => {
  it('sends codes as numbers, blanks as null, and the id made on the device', () => {
    const values = {
      ...emptyPersonForm(),
      dusun: 'Kenanga Lor',
      nik: ' 3212 1652 0390 0001 ',
      name: '  Ani Suryani ',
      sex: '2',
      birthDate: '1990-03-12',
      occupation: '88',
      migrantStatus: 'calon_pmi' as const,
    };
    const request = toCreateRequest(values, id, false);
    expect(request).toMatchObject({
      id,
      name: 'Ani Suryani',
      sex: 2,
      occupation: 88,
      religion: null,
      citizenship: 1,
      statusDasar: 1,
      birthPlace: null,
      dusun: 'Kenanga Lor',
      migrantStatus: 'calon_pmi',
    });
    expect(request).not.toHaveProperty('confirmNotDuplicate');
    expect(schemaErrors(createPersonRequestSchema, request)).toEqual({});
    expect(createPersonRequestSchema.parse(request).nik).toBe('3212165203900001');
  });

  it('says which required fields are missing, in Indonesian', () => {
    const errors = schemaErrors(createPersonRequestSchema, toCreateRequest(emptyPersonForm(), id, false));
    expect(errors.nik).toBe('NIK harus 16 digit angka');
    expect(errors.name).toBe('Nama minimal 2 huruf');
    expect(errors.sex).toBeDefined();
  });

  it('marks a save the officer confirmed is not a duplicate', () => {
    expect(toCreateRequest(emptyPersonForm(), id, true)).toMatchObject({ confirmNotDuplicate: true });
  });
});

describe('editing a person', () => {
  it('round-trips a loaded record without changes', () => {
    const values = personToForm(sriMulyani);
    expect(differingFields(values, values)).toEqual([]);
    expect(toUpdateRequest(values, values, '17')).toEqual({ version: '17' });
  });

  it('sends only what was changed, with the version it was read at', () => {
    const baseline = personToForm(sriMulyani);
    const typed = { ...baseline, phone: '081234567890', occupation: '', passportNumber: 'C1234567' };
    const request = toUpdateRequest(typed, baseline, '17');
    expect(request).toEqual({ occupation: null, passportNumber: 'C1234567', phone: '081234567890', version: '17' });
    expect(schemaErrors(updatePersonRequestSchema, request)).toEqual({});
  });

  it('never sends back a masked NIK it did not change', () => {
    const masked = personToForm({ ...sriMulyani, nik: '3212••••••••0002', nikMasked: true });
    const request = toUpdateRequest({ ...masked, name: 'Sri Mulyani Dewi' }, masked, '17');
    expect(request).toEqual({ name: 'Sri Mulyani Dewi', version: '17' });
  });
});

describe('editing a person without signal', () => {
  it('keeps the changed fields, the values they had when opened, and the version read', () => {
    const baseline = personToForm(sriMulyani);
    const typed = { ...baseline, phone: '081234567890', occupation: '', rt: '009' };
    const request = updatePersonRequestSchema.parse(toUpdateRequest(typed, baseline, '17'));
    expect(toOfflineEdit(request, baseline)).toEqual({
      changes: { occupation: null, phone: '081234567890', rt: '009' },
      base: { occupation: sriMulyani.occupation, phone: sriMulyani.phone, rt: sriMulyani.rt },
      baseVersion: '17',
    });
  });

  it('leaves an unchanged masked NIK out of both the change and its base', () => {
    const masked = personToForm({ ...sriMulyani, nik: '3212••••••••0002', nikMasked: true });
    const edit = toOfflineEdit(toUpdateRequest({ ...masked, name: 'Sri Mulyani Dewi' }, masked, '17'), masked);
    expect(edit).toEqual({ changes: { name: 'Sri Mulyani Dewi' }, base: { name: sriMulyani.name }, baseVersion: '17' });
  });
});
