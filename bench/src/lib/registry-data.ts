import pg from 'pg';
import { type GeneratedPerson, type GeneratedVillage, type LoadCounts, RegistryGenerator, copyVillages, seededRandom } from './generate-registry.js';

/**
 * A regency-sized registry in the benchmark's own embedded PostgreSQL: one village
 * grown to `villagePeople` residents and the rest of the regency to `regencyPeople`
 * over its other villages, about `perVillage` each, written with COPY (see
 * generate-registry.ts), then VACUUM ANALYZE as autovacuum would have done on a real
 * install.
 */

/** packages/db/src/embedded.ts: the embedded cluster's fixed local password (it listens on 127.0.0.1 only). */
const EMBEDDED_PASSWORD = 'desmigratif-embedded';

export function embeddedDatabaseUrl(pgPort: number): string {
  return `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${pgPort}/postgres`;
}

export async function connectEmbedded(pgPort: number): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: embeddedDatabaseUrl(pgPort), application_name: 'desmigratif-bench' });
  // The server owns the cluster: if it goes away mid-run, the query in flight fails; an
  // idle connection's error must not crash the benchmark before it cleans up.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

export type RegencyPlan = {
  regency: string;
  village: string;
  /** Residents the village already had (the demo seed), and how many are added. */
  villageExisting: number;
  villageAdded: number;
  /** The other villages filled, with how many residents each gets. */
  others: Array<{ code: string; people: number }>;
  /** Residents of the regency outside `village` before loading. */
  othersExisting: number;
  /** A village of the regency left empty (for an import). */
  emptyVillage: string;
  villagesInRegency: number;
};

export async function planRegency(
  db: pg.ClientBase,
  o: { regency: string; village: string; villagePeople: number; regencyPeople: number; perVillage: number; seed: number },
): Promise<RegencyPlan> {
  const { rows: villages } = await db.query<{ code: string }>(`SELECT code FROM regions WHERE code LIKE $1 || '%' AND level = 4 ORDER BY code`, [
    o.regency,
  ]);
  if (!villages.some((v) => v.code === o.village)) throw new Error(`village ${o.village} is not a village of regency ${o.regency}`);
  const { rows: existing } = await db.query<{ village_code: string; n: number }>(
    `SELECT village_code, count(*)::int AS n FROM people WHERE village_code LIKE $1 || '%' GROUP BY village_code`,
    [o.regency],
  );
  const has = new Map(existing.map((r) => [r.village_code, r.n]));
  const villageExisting = has.get(o.village) ?? 0;
  const othersExisting = existing.filter((r) => r.village_code !== o.village).reduce((sum, r) => sum + r.n, 0);
  const empty = villages.map((v) => v.code).filter((code) => code !== o.village && !has.has(code));
  const needed = o.regencyPeople - o.villagePeople - othersExisting;
  const count = Math.max(1, Math.min(empty.length - 1, Math.round(needed / o.perVillage)));
  // Spread over the regency's districts: every k-th empty village in code order.
  const chosen = Array.from({ length: count }, (_, i) => empty[Math.floor(((i + 0.5) * empty.length) / count)]!);
  const chosenSet = new Set(chosen);
  const left = empty.filter((code) => !chosenSet.has(code));
  // Sizes around perVillage (±25%, in pairs so that the total is exact).
  const random = seededRandom(o.seed + 1);
  const sizes = chosen.map((_, i) => Math.floor(needed / count) + (i < needed % count ? 1 : 0));
  for (let i = 0; i + 1 < sizes.length; i += 2) {
    const delta = Math.floor((random() - 0.5) * 0.5 * o.perVillage);
    sizes[i]! += delta;
    sizes[i + 1]! -= delta;
  }
  return {
    regency: o.regency,
    village: o.village,
    villageExisting,
    villageAdded: Math.max(0, o.villagePeople - villageExisting),
    others: chosen.map((code, i) => ({ code, people: sizes[i]! })),
    othersExisting,
    emptyVillage: left[Math.floor(left.length / 2)] ?? '',
    villagesInRegency: villages.length,
  };
}

export type LoadedRegency = {
  counts: LoadCounts;
  generateMs: number;
  copyMs: number;
  /** The generated residents of the measured village (for realistic query values). */
  village: GeneratedVillage;
  /** A few residents of other villages (ditto). */
  elsewhere: GeneratedPerson[];
};

/** Generates and writes the plan in one transaction. */
export async function loadRegency(
  db: pg.ClientBase,
  generator: RegistryGenerator,
  plan: RegencyPlan,
  options: { villageDusun?: readonly string[]; batchVillages?: number } = {},
  progress: (message: string) => void = () => undefined,
): Promise<LoadedRegency> {
  const counts: LoadCounts = { people: 0, families: 0, cards: 0, events: 0, links: 0 };
  const add = (c: LoadCounts) => {
    for (const key of Object.keys(counts) as Array<keyof LoadCounts>) counts[key] += c[key];
  };
  let generateMs = 0;
  let copyMs = 0;
  const elsewhere: GeneratedPerson[] = [];
  await db.query('BEGIN');
  try {
    let t = performance.now();
    const village = generator.village(plan.village, plan.villageAdded, options.villageDusun ? { dusun: options.villageDusun } : {});
    generateMs += performance.now() - t;
    t = performance.now();
    add(await copyVillages(db, [village]));
    copyMs += performance.now() - t;
    progress(`${plan.village}: +${plan.villageAdded.toLocaleString('en')} residents written`);
    const batch = options.batchVillages ?? 10;
    for (let i = 0; i < plan.others.length; i += batch) {
      t = performance.now();
      const villages = plan.others.slice(i, i + batch).map((v) => generator.village(v.code, v.people));
      generateMs += performance.now() - t;
      for (const v of villages) elsewhere.push(...v.people.slice(0, 3));
      t = performance.now();
      add(await copyVillages(db, villages));
      copyMs += performance.now() - t;
      progress(`other villages: ${Math.min(i + batch, plan.others.length)}/${plan.others.length} written (${counts.people.toLocaleString('en')} residents so far)`);
    }
    await db.query('COMMIT');
    return { counts, generateMs, copyMs, village, elsewhere };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export const registryTables = ['people', 'families', 'family_card_numbers', 'migrant_status_events', 'migrant_family_links', 'duplicate_scan_queue'] as const;

/** VACUUM (ANALYZE) of the registry tables; returns milliseconds. */
export async function vacuumRegistry(db: pg.ClientBase): Promise<number> {
  const t = performance.now();
  for (const table of registryTables) await db.query(`VACUUM (ANALYZE) ${table}`);
  return performance.now() - t;
}
