import { trigramSimilarity } from './trigram.js';

/**
 * Name comparison for finding the same person recorded twice. Indonesian names have no
 * fixed spelling: old and new spelling (Soekarno/Sukarno), abbreviations (Moh., St.),
 * doubled letters (Sitti) and spaces (Nur Aini/Nuraini) vary between the KTP, the KK,
 * OpenSID and what an officer types. The rules below only fold variants that are well
 * known to be the same name; the keys propose candidates, an officer decides.
 *
 * Two levels:
 * - normalizePersonName: letters only, one spelling per abbreviation. Store it beside
 *   the name; nameSimilarity (and the server's pg_trgm similarity) compare these.
 * - nameVariantsKey: the normalized name with spelling variants folded and spaces
 *   removed; equal keys are strong duplicate candidates.
 */

/**
 * Every spelling of Muhammad met in Indonesian records: Muhammad, Muhamad, Mohammad,
 * Mohamad, Mohammed, Muhammed, Mochammad, Mochamad, Muchammad, Mukhammad, Muhammat…
 */
const muhammadSpelling = /^m[ou](?:c?h|kh)am+[ae][dt]$/;
/** Abbreviations of Muhammad, wherever they stand: Moh., Moch., Mohd., Much., Muh., Mhd. */
const muhammadAbbreviations = new Set(['moh', 'moch', 'mohd', 'much', 'muh', 'muhd', 'mhd']);
/** Siti and its Bugis/Makassar spelling Sitti. */
const sitiSpellings = new Set(['siti', 'sitti']);

function foldToken(token: string, index: number, tokens: string[]): string {
  const hasNext = index < tokens.length - 1;
  if (muhammadSpelling.test(token) || muhammadAbbreviations.has(token)) return 'muhammad';
  // A lone "M." or "St." is Muhammad or Siti only as the first word of a longer name
  // (M. Rizki, St. Aminah); elsewhere ("Ahmad M. Yusuf") it may be any initial.
  if (index === 0 && hasNext && token === 'm') return 'muhammad';
  if (index === 0 && hasNext && token === 'st') return 'siti';
  if (sitiSpellings.has(token)) return 'siti';
  if (token === 'abd') return 'abdul';
  return token;
}

/**
 * Lower case, accents removed, apostrophes dropped (Ma'ruf → maruf), other punctuation
 * and runs of spaces turned into one space, abbreviations written out (M. → muhammad).
 * Nur and Nurul are kept apart: Nurul is "Nur al-", and both are given names in
 * their own right, so folding them would merge different people.
 */
export function normalizePersonName(name: string): string {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (plain === '') return '';
  const tokens = plain.split(' ');
  return tokens.map(foldToken).join(' ');
}

/**
 * Spelling rules applied to each word, in this order:
 * 1. Pre-1972 spelling to today's: oe → u (Soekarno), dj → j (Djoko), tj → c (Tjandra),
 *    sj → sy (Sjamsul), nj → ny (Njoman). The old j (= today's y: Jusuf, Tjahjo) is not
 *    folded, because after dj → j it can no longer be told from a modern j.
 * 2. kh → h (Khoirul/Hoirul, Akhmad/Ahmad): Arabic kh is written both ways.
 * 3. ch → h inside a word (Achmad, Rachmat, Fachrul), the Dutch-era spelling of the same
 *    sound. At the start of a word ch is kept: there it is as often the c of Chandra
 *    (Candra) as the kh of Choirul.
 * 4. dh → d (Ramadhan/Ramadan, Fadhil/Fadil).
 * 5. A final y after a consonant → i (Rudy/Rudi, Hendry/Hendri, Yanty/Yanti).
 * Then the words are joined without spaces (Nur Aini = Nuraini) and doubled letters
 * collapsed (Sitti = Siti, Hassan = Hasan, Nur Rahman = Nurahman).
 */
const spellingRules: Array<[RegExp, string]> = [
  [/oe/g, 'u'],
  [/dj/g, 'j'],
  [/tj/g, 'c'],
  [/sj/g, 'sy'],
  [/nj/g, 'ny'],
  [/kh/g, 'h'],
  [/(?<=.)ch/g, 'h'],
  [/dh/g, 'd'],
  [/(?<=[^aeiouy])y$/, 'i'],
];

export function nameVariantsKey(name: string): string {
  const words = normalizePersonName(name).split(' ');
  const folded = words.map((word) =>
    spellingRules.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), word),
  );
  return folded.join('').replace(/(.)\1+/g, '$1');
}

/**
 * 0..1, pg_trgm's similarity of the two normalized names: equal to
 * `similarity(normalized_a, normalized_b)` in PostgreSQL.
 */
export function nameSimilarity(a: string, b: string): number {
  return trigramSimilarity(normalizePersonName(a), normalizePersonName(b));
}
