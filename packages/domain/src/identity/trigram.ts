/**
 * Trigram similarity computed the way PostgreSQL's pg_trgm `similarity(a, b)` does, so
 * that suggestions the web makes offline rank names as the server's SQL ranks them:
 * - words are runs of letters and digits, lowercased; everything else separates words;
 * - each word is padded with two spaces in front and one behind ("  siti ");
 * - a text's trigrams are the distinct 3-character windows of its padded words;
 * - similarity = shared trigrams ÷ distinct trigrams of both texts, as a float4 (real),
 *   returned as the number node-postgres hands the server for it (0.36363637).
 * For non-ASCII letters pg_trgm depends on the database locale and hashes long
 * trigrams; names go through normalizePersonName first, which leaves only a–z, 0–9.
 */

export function trigrams(text: string): Set<string> {
  const found = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = Array.from(`  ${word} `);
    for (let i = 0; i + 3 <= chars.length; i += 1) found.add(chars.slice(i, i + 3).join(''));
  }
  return found;
}

export function trigramSimilarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const trigram of left) if (right.has(trigram)) shared += 1;
  return asPostgresReal(shared / (left.size + right.size - shared));
}

/**
 * PostgreSQL computes in single precision (float32; rounding the double quotient to
 * float32 gives the same value) and prints the shortest decimal that reads back as that
 * float32, which is what the server's driver parses: 4/11 → 0.36363637.
 */
function asPostgresReal(value: number): number {
  const single = Math.fround(value);
  for (let digits = 1; digits < 9; digits += 1) {
    const shortest = Number(single.toPrecision(digits));
    if (Math.fround(shortest) === single) return shortest;
  }
  return Number(single.toPrecision(9));
}
