import { gunzipSync } from 'node:zlib';
import type { SyncPullResponse } from '@desmigratif/contracts';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { type Session, useTestApp } from '../../test/support.js';
import { KENANGA, KURIPAN, outbox } from './sync-test-kit.js';

const t = useTestApp();

const pullOnce = async (s: Session, query: string) => {
  const res = await s.request({ method: 'GET', url: `/api/v1/sync/pull?villageCode=${KENANGA}${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SyncPullResponse;
};

/** Pulls every page from the cursor on; returns the rows by table and id, the tombstones and the final cursor. */
async function pullAll(s: Session, cursor?: string, limit = 2000) {
  const rows = new Map<string, Record<string, unknown>>();
  const tombstones: string[] = [];
  let pages = 0;
  for (;;) {
    const page = await pullOnce(s, `&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    pages++;
    for (const change of page.changes) {
      for (const values of change.rows) {
        const row = Object.fromEntries(change.columns.map((c, i) => [c, values[i]]));
        rows.set(`${change.table}:${row.id}`, row);
      }
    }
    tombstones.push(...page.tombstones.map((ts) => `${ts.table}:${ts.id}`));
    cursor = page.cursor;
    if (!page.hasMore) return { rows, tombstones, cursor, pages };
  }
}

async function resident(s: Session, nik: string, name: string) {
  const id = uuidv7();
  const box = outbox();
  const res = await s.request({
    method: 'POST',
    url: '/api/v1/sync/push',
    payload: box.body([box.next('person.create', { villageCode: KENANGA, id, nik, name, sex: 2, birthDate: '1990-03-12', fatherNik: '3212160101600001' })]),
  });
  expect(res.json().results[0].status, res.body).toBe('applied');
  return id;
}

describe('sync pull', () => {
  it('sends the whole village page by page, the same rows as one big page', async () => {
    const s = await t.login('petugas.kenanga');
    await resident(s, '3212165203900041', 'Rasinah');
    const whole = await pullAll(s);
    const paged = await pullAll(s, undefined, 7);
    expect(paged.pages).toBeGreaterThan(2);
    expect([...paged.rows.keys()].sort()).toEqual([...whole.rows.keys()].sort());
    const live = await t.pool.query(`SELECT count(*)::int AS n FROM people WHERE village_code = $1 AND deleted_at IS NULL AND merged_into IS NULL`, [KENANGA]);
    expect([...whole.rows.keys()].filter((k) => k.startsWith('people:'))).toHaveLength(live.rows[0].n);
    expect([...whole.rows.values()].every((r) => r.village_code === KENANGA && typeof r.version === 'string')).toBe(true);
    expect(whole.tombstones).toEqual([]);
    expect([...whole.rows.values()][0]).not.toHaveProperty('sync_xid');
    // Nothing changed since: the next pull is empty.
    const next = await pullOnce(s, `&cursor=${encodeURIComponent(whole.cursor)}`);
    expect(next).toMatchObject({ hasMore: false, changes: [], tombstones: [] });
  });

  it('masks NIKs for roles that see them masked online', async () => {
    const officer = await t.login('petugas.kenanga');
    const coordinator = await t.login('disnaker.indramayu');
    const id = await resident(officer, '3212165203900042', 'Kartini');
    const full = (await pullAll(officer)).rows.get(`people:${id}`)!;
    const masked = (await pullAll(coordinator)).rows.get(`people:${id}`)!;
    expect(full).toMatchObject({ nik: '3212165203900042', father_nik: '3212160101600001', name: 'Kartini' });
    expect(masked).toMatchObject({ nik: '3212••••••••0042', father_nik: '3212••••••••0001', name: 'Kartini' });
  });

  it('sends changes and tombstones (deleted, merged) after the cursor', async () => {
    const s = await t.login('petugas.kenanga');
    const deleted = await resident(s, '3212165203900043', 'Carmi');
    const merged = await resident(s, '3212165203900044', 'Casmi');
    const edited = await resident(s, '3212165203900045', 'Darsih');
    const { cursor } = await pullAll(s);
    await t.pool.query(`UPDATE people SET deleted_at = now() WHERE id = $1`, [deleted]);
    await t.pool.query(`UPDATE people SET merged_into = $2, deleted_at = now() WHERE id = $1`, [merged, edited]);
    await t.pool.query(`UPDATE people SET dusun = 'Blok Baru' WHERE id = $1`, [edited]);
    const after = await pullAll(s, cursor);
    expect(after.tombstones.sort()).toEqual([`people:${deleted}`, `people:${merged}`].sort());
    expect([...after.rows.keys()]).toEqual([`people:${edited}`]);
    expect(after.rows.get(`people:${edited}`)).toMatchObject({ dusun: 'Blok Baru' });
  });

  it('never skips a row whose transaction commits after a later one', async () => {
    const s = await t.login('petugas.kenanga');
    const early = await resident(s, '3212165203900046', 'Eni');
    const late = await resident(s, '3212165203900047', 'Lina');
    const { cursor } = await pullAll(s);

    // The slow transaction writes first (lower row version) but commits last.
    const slow = await t.pool.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(`UPDATE people SET dusun = 'Ditulis lebih dulu' WHERE id = $1`, [early]);
      await t.pool.query(`UPDATE people SET dusun = 'Disimpan lebih dulu' WHERE id = $1`, [late]);
      // A cursor of row versions would now stand past the slow row and skip it for ever.
      const earlyVersion = (await slow.query(`SELECT version FROM people WHERE id = $1`, [early])).rows[0].version;
      const lateVersion = (await t.pool.query(`SELECT version FROM people WHERE id = $1`, [late])).rows[0].version;
      expect(BigInt(earlyVersion)).toBeLessThan(BigInt(lateVersion));

      const during = await pullAll(s, cursor);
      expect([...during.rows.keys()]).toEqual([`people:${late}`]);

      await slow.query('COMMIT');
      const after = await pullAll(s, during.cursor);
      expect(after.rows.get(`people:${early}`)).toMatchObject({ dusun: 'Ditulis lebih dulu' });
    } finally {
      slow.release();
    }
  });

  it('keeps a caller to their own villages and refuses a foreign cursor', async () => {
    const outsider = await t.login('petugas.kuripan');
    expect((await outsider.request({ method: 'GET', url: `/api/v1/sync/pull?villageCode=${KENANGA}` })).statusCode).toBe(403);
    const own = await outsider.request({ method: 'GET', url: `/api/v1/sync/pull?villageCode=${KURIPAN}` });
    expect(own.statusCode).toBe(200);
    const s = await t.login('petugas.kenanga');
    const foreign = await s.request({ method: 'GET', url: `/api/v1/sync/pull?villageCode=${KENANGA}&cursor=${own.json().cursor}` });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('cursor');
  });

  it('answers gzip when the phone accepts it', async () => {
    const s = await t.login('petugas.kenanga');
    const plain = await s.request({ method: 'GET', url: `/api/v1/sync/pull?villageCode=${KENANGA}` });
    const zipped = await s.request({ method: 'GET', url: `/api/v1/sync/pull?villageCode=${KENANGA}`, headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const body = JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8')) as SyncPullResponse;
    expect(body.changes).toEqual(plain.json().changes);
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
  });
});
