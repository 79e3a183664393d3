// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { suggestionQuery } from './suggestionQuery';

const blank = { name: '', birthDate: '', nik: '', fatherName: '', motherName: '' };

describe('suggestionQuery', () => {
  it('asks nothing before there is a name or a complete NIK', () => {
    expect(suggestionQuery(blank)).toBeNull();
    expect(suggestionQuery({ ...blank, name: 'S', birthDate: '1986-07-09' })).toBeNull();
    expect(suggestionQuery({ ...blank, nik: '321216490786000' })).toBeNull();
  });

  it('sends what is complete and leaves out the rest', () => {
    expect(suggestionQuery({ ...blank, name: ' Sri Mulyani ', birthDate: '1986-07', motherName: ' Casmirah ' })).toEqual({
      name: 'Sri Mulyani',
      motherName: 'Casmirah',
    });
  });

  it('sends a NIK only once it has no errors, cleaned of spaces', () => {
    expect(suggestionQuery({ ...blank, nik: '3212 1649 0786 0002' })).toEqual({ nik: '3212164907860002' });
    expect(suggestionQuery({ ...blank, name: 'Sri', nik: '9912164907860002' })).toEqual({ name: 'Sri' });
  });
});
