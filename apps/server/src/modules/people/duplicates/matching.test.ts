import { describe, expect, it } from 'vitest';
import { type ComparableRecord, compareRecords, labelReason } from './matching.js';

const person = (p: Partial<ComparableRecord>): ComparableRecord => ({
  nik: null,
  name: null,
  birthDate: null,
  fatherName: null,
  motherName: null,
  ...p,
});
const labels = (a: Partial<ComparableRecord>, b: Partial<ComparableRecord>) =>
  compareRecords(person(a), person(b)).reasons.map((r) => labelReason(r).label);

describe('compareRecords', () => {
  it.each([
    ['Muhammad Rizki', 'Muhamad Rizky'],
    ['Muhammad Rizki', 'M. Rizki'],
    ['Siti Aminah', 'Sitti Aminah'],
    ['Nur Aini', 'Nuraini'],
  ])('takes %s and %s born the same day for one person', (a, b) => {
    const result = compareRecords(person({ name: a, birthDate: '1990-05-12' }), person({ name: b, birthDate: '1990-05-12' }));
    expect(result.likely).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(75);
  });

  it('explains why, in the officer’s words', () => {
    expect(labels({ name: 'Muhammad Rizki', birthDate: '1990-05-12' }, { name: 'M. Rizki', birthDate: '1990-05-12' })).toEqual([
      'Nama sama',
      'Tanggal lahir sama',
    ]);
    expect(labels({ name: 'Nur Aini', motherName: 'Carsih' }, { name: 'Nuraini', motherName: 'CARSIH' })).toEqual([
      'Nama sama (beda ejaan)',
      'Nama ibu sama',
    ]);
    expect(labels({ name: 'Muhammad Rizki', birthDate: '1990-05-12' }, { name: 'Muhammad Rizal', birthDate: '1990-05-12' })).toEqual([
      'Nama mirip (67%)',
      'Tanggal lahir sama',
    ]);
    expect(labels({ nik: '3212165203900001', name: 'Siti Aminah' }, { nik: '3212165203900001', name: 'Warsini' })).toEqual(['NIK sama']);
  });

  it('does not take namesakes born on different days to different parents for one person', () => {
    const result = compareRecords(
      person({ name: 'Muhammad Rizki', birthDate: '1990-05-12', motherName: 'Carsih', fatherName: 'Tarmudi' }),
      person({ name: 'Muhammad Rizki', birthDate: '2001-11-03', motherName: 'Sumiati', fatherName: 'Kasmadi' }),
    );
    expect(result).toMatchObject({ likely: false, possible: false });
  });

  it('keeps siblings apart: the same mother, but names only as close as brothers’ names are', () => {
    const result = compareRecords(person({ name: 'Muhammad Rizki', motherName: 'Carsih' }), person({ name: 'Muhammad Rizal', motherName: 'Carsih' }));
    expect(result.likely).toBe(false);
  });

  it('shows a near-identical name while the birth date is not known yet, unless the parents differ', () => {
    expect(compareRecords(person({ name: 'Siti Aminah' }), person({ name: 'Sitti Aminah', birthDate: '1990-03-12' }))).toMatchObject({
      likely: false,
      possible: true,
    });
    expect(
      compareRecords(person({ name: 'Siti Aminah', motherName: 'Carsih' }), person({ name: 'Siti Aminah', motherName: 'Tarsih Warsini' })).possible,
    ).toBe(false);
  });

  it('does not compare temporary NIKs (0 + village code + sequence): two imports may hand out the same one', () => {
    const temporary = '0321216200400001';
    expect(compareRecords(person({ nik: temporary, name: 'Warsini' }), person({ nik: temporary, name: 'Rasem' })).likely).toBe(false);
  });

  it('ranks the same NIK with the same name and birth date highest', () => {
    const same = { nik: '3212165203900001', name: 'Siti Aminah', birthDate: '1990-03-12' };
    expect(compareRecords(person(same), person(same)).score).toBe(100);
  });
});
