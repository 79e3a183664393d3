// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readPeopleFilters } from './peopleSearch';

describe('readPeopleFilters', () => {
  it('reads the filters a link or a reload carries', () => {
    expect(
      readPeopleFilters({
        q: ' sri ',
        migrantStatus: 'pmi',
        dusun: 'Kenanga Lor',
        sex: '2',
        ageBand: '25-39',
        statusDasar: 1,
        page: '3',
      }),
    ).toEqual({ q: 'sri', migrantStatus: 'pmi', dusun: 'Kenanga Lor', sex: 2, ageBand: '25-39', statusDasar: 1, page: 3 });
  });

  it('drops values the server would refuse', () => {
    expect(readPeopleFilters({ migrantStatus: 'tki', sex: '3', ageBand: '18-60', statusDasar: '5', page: '1' })).toEqual({
      q: undefined,
      migrantStatus: undefined,
      dusun: undefined,
      sex: undefined,
      ageBand: undefined,
      statusDasar: undefined,
      page: undefined,
    });
  });
});
