import { type Pool, type Queryable, withTransaction } from '@desmigratif/db';
import { compareRecords, thresholds } from './matching.js';
import * as repo from './repository.js';

/** Serializes the writers of duplicate_candidates (refreshes and merges), so they cannot deadlock. */
const CANDIDATES_LOCK = 7_302_455_201;
/** People searched per transaction: a large import is worked off in steps that each commit. */
const BATCH_SIZE = 5_000;
const MATCHES_PER_RULE = 50;

export async function lockCandidates(db: Queryable): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock($1)', [CANDIDATES_LOCK]);
}

/** The smallest region holding both villages: the village, else the district, regency, province, or '' (national). */
export function smallestCommonRegion(a: string, b: string): string {
  for (const length of [10, 6, 4, 2]) {
    if (a.slice(0, length) === b.slice(0, length)) return a.slice(0, length);
  }
  return '';
}

/**
 * Brings the stored pairs of a region up to date: everyone queued there since the last
 * look (recorded, edited, deleted or merged: the triggers of 0004_duplicates.sql) loses
 * their pairs and is searched again. The review list calls it before reading, so a list
 * costs what changed since, not the size of the regency; an import may call it when done.
 * Returns how many people were searched.
 */
export async function refreshCandidates(pool: Pool, scope: string): Promise<number> {
  let searched = 0;
  for (;;) {
    const claimed = await withTransaction(pool, async (tx) => {
      await lockCandidates(tx);
      const ids = await repo.claimQueued(tx, scope, BATCH_SIZE);
      if (ids.length === 0) return 0;
      await repo.deleteCandidatesOf(tx, ids);
      const pairs = await repo.findCandidatePairs(tx, ids, {
        nameWithBirthDate: thresholds.nameWithBirthDate,
        nameWithParent: thresholds.nameWithParent,
        perRule: MATCHES_PER_RULE,
      });
      const records = await repo.loadRecords(tx, [...new Set(pairs.flat())]);
      const candidates: repo.CandidateRow[] = [];
      for (const [a, b] of pairs) {
        const first = records.get(a);
        const second = records.get(b);
        if (!first || !second) continue;
        const comparison = compareRecords(comparable(first), comparable(second));
        if (!comparison.likely) continue;
        candidates.push({
          personA: a,
          personB: b,
          regionCode: smallestCommonRegion(first.village_code, second.village_code),
          score: comparison.score,
          reasons: comparison.reasons,
        });
      }
      await repo.upsertCandidates(tx, candidates);
      return ids.length;
    });
    searched += claimed;
    if (claimed < BATCH_SIZE) return searched;
  }
}

export const comparable = (r: repo.RecordRow) => ({
  nik: r.nik,
  name: r.name,
  birthDate: r.birth_date,
  fatherName: r.father_name,
  motherName: r.mother_name,
});
