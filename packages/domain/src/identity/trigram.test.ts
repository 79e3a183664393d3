import { describe, expect, it } from 'vitest';
import { trigramSimilarity, trigrams } from './trigram.js';

// Expected values are PostgreSQL 17's own answers to SELECT similarity(a, b) with
// pg_trgm (as the server's driver returns them), taken from the embedded database.
describe('trigramSimilarity (pg_trgm similarity)', () => {
  it('pads each word with two spaces in front and one behind, and keeps each trigram once', () => {
    expect([...trigrams('Siti  AMINAH')].sort()).toEqual([
      '  a',
      '  s',
      ' am',
      ' si',
      'ah ',
      'ami',
      'ina',
      'iti',
      'min',
      'nah',
      'sit',
      'ti ',
    ]);
    expect([...trigrams('a')].sort()).toEqual(['  a', ' a ']);
    expect(trigrams(' - ').size).toBe(0);
  });

  it('matches the pg_trgm documentation example', () => {
    expect(trigramSimilarity('word', 'two words')).toBe(0.36363637);
  });

  it.each([
    ['siti nurhaliza', 'siti nur haliza', 0.7222222],
    ['nuraini', 'nur aini', 0.54545456],
    ['achmad soekarno', 'ahmad sukarno', 0.42857143],
    ['siti aminah', 'siti romlah', 0.33333334],
    ['wahyuningsih', 'wahyu ningsih', 0.6875],
    ['sri mulyani', 'sri mulyati', 0.6],
    ['karsinah binti tarmudi', 'karsinah', 0.39130434],
    ['tarsih', 'darsih', 0.4],
    ["Ma'ruf-Amin", 'maruf amin', 0.64285713],
  ])('similarity(%j, %j) = %d, as in PostgreSQL', (a, b, expected) => {
    expect(trigramSimilarity(a, b)).toBe(expected);
    expect(trigramSimilarity(b, a)).toBe(expected);
  });

  it('is 1 for the same words in any case or order and 0 when either side has no word', () => {
    expect(trigramSimilarity('Dewi Sartika', 'sartika dewi')).toBe(1);
    expect(trigramSimilarity('', '')).toBe(0);
    expect(trigramSimilarity('siti', '')).toBe(0);
  });
});
