import type { SyncMutation } from '@desmigratif/contracts';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { type ChildServer, useChildServers } from '../../test/child-server.js';
import { KENANGA, outbox } from './sync-test-kit.js';

/**
 * Crash safety of a sync push, on the real server process: `kill -9` while a phone's batch of
 * 500 changes is being applied, start again, and the phone sends the same batch again (it
 * never got an answer). Every change must end up applied exactly once, the client's `last_seq`
 * at the end of the batch, and no record half-written (each person with its status event and
 * audit entry, each service with its audit entry).
 *
 * The server runs on its own database cloned from the test template (DATABASE_URL mode), so
 * PostgreSQL outlives the killed process as a separate database server would, whichever way
 * the suite runs.
 */

const PAIRS = 250;

const servers = useChildServers('desmigratif-sync-crash-');
const startServer = servers.start;
const login = servers.login;
type Server = ChildServer;

function push(server: Server, headers: Record<string, string>, body: unknown) {
  return fetch(`${server.base}/api/v1/sync/push`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

const count = async (sql: string, params: unknown[]) => Number((await servers.pool.query(sql, params)).rows[0].count);
const appliedOf = (clientId: string) => count(`SELECT count(*) FROM sync_mutations WHERE client_id = $1`, [clientId]);

async function waitUntil(what: string, done: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** One phone's outbox: a prospective migrant registered, then a service given to them, 250 times. */
function phoneBatch() {
  const box = outbox();
  const personIds: string[] = [];
  const serviceIds: string[] = [];
  const mutations: SyncMutation[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const personId = uuidv7();
    const serviceId = uuidv7();
    personIds.push(personId);
    serviceIds.push(serviceId);
    // NIK of a woman born 1 Jan 2001 in Kenanga's district, serials 9000+ (none in the demo data).
    const nik = `321216410101${9000 + i}`;
    mutations.push(
      box.next('person.create', { villageCode: KENANGA, id: personId, nik, name: `Calon Pekerja ${i}`, sex: 2, birthDate: '2001-01-01', migrantStatus: 'calon_pmi' }),
      box.next('service.create', { villageCode: KENANGA, id: serviceId, personId, serviceType: 'informasi_migrasi_aman', serviceDate: '2026-02-01' }),
    );
  }
  return { box, personIds, serviceIds, body: box.body(mutations) };
}


describe('sync push crash safety', () => {
  it('applies every change of a batch exactly once after the server is killed in the middle of it', async () => {
    const { box, personIds, serviceIds, body } = phoneBatch();
    const first = await startServer();
    const headers = await login(first);

    // The phone sends its batch; while the server is applying it, the process dies.
    const lost = push(first, headers, body).then(
      (res) => `answered ${res.status}`,
      () => 'connection lost',
    );
    await waitUntil('the first changes to be applied', async () => (await appliedOf(box.clientId)) >= 20);
    first.process.kill('SIGKILL');
    await first.exited;
    expect(await lost).toBe('connection lost');
    const appliedBeforeCrash = await appliedOf(box.clientId);
    expect(appliedBeforeCrash).toBeGreaterThan(0);
    expect(appliedBeforeCrash).toBeLessThan(2 * PAIRS);
    // Every mutation recorded as applied is wholly there, and last_seq says exactly how far.
    const { rows: before } = await servers.pool.query(`SELECT last_seq FROM sync_clients WHERE client_id = $1`, [box.clientId]);
    expect(Number(before[0].last_seq)).toBe(appliedBeforeCrash);

    // The phone never got an answer: it sends the same batch to the restarted server.
    const second = await startServer();
    const retry = await push(second, await login(second), body);
    expect(retry.status).toBe(200);
    const answer = (await retry.json()) as { lastSeq: number; results: Array<{ seq: number; status: string; reason?: string }>; stopped?: string };
    expect(answer.stopped).toBeUndefined();
    expect(answer.lastSeq).toBe(2 * PAIRS);
    const statuses = answer.results.map((r) => r.reason ?? r.status);
    expect(statuses).toEqual([...Array(appliedBeforeCrash).fill('skipped'), ...Array(2 * PAIRS - appliedBeforeCrash).fill('applied')]);

    // Exactly once, nothing half-written.
    expect(await count(`SELECT count(*) FROM sync_mutations WHERE client_id = $1 AND status = 'applied'`, [box.clientId])).toBe(2 * PAIRS);
    const { rows: clients } = await servers.pool.query(`SELECT last_seq FROM sync_clients WHERE client_id = $1`, [box.clientId]);
    expect(Number(clients[0].last_seq)).toBe(2 * PAIRS);
    const { rows: people } = await servers.pool.query<{ id: string; migrant_status: string; events: number; audits: number }>(
      `SELECT p.id, p.migrant_status,
              (SELECT count(*)::int FROM migrant_status_events e WHERE e.person_id = p.id) AS events,
              (SELECT count(*)::int FROM audit_log a WHERE a.entity_id = p.id::text AND a.action = 'create') AS audits
         FROM people p WHERE p.id = ANY($1::uuid[])`,
      [personIds],
    );
    expect(people).toHaveLength(PAIRS);
    expect(people.filter((p) => p.migrant_status !== 'calon_pmi' || p.events !== 1 || p.audits !== 1)).toEqual([]);
    const { rows: services } = await servers.pool.query<{ id: string; person_id: string; audits: number }>(
      `SELECT s.id, s.person_id,
              (SELECT count(*)::int FROM audit_log a WHERE a.entity_id = s.id::text) AS audits
         FROM migration_services s WHERE s.id = ANY($1::uuid[])`,
      [serviceIds],
    );
    expect(services).toHaveLength(PAIRS);
    expect(services.filter((s) => s.audits !== 1 || !personIds.includes(s.person_id))).toEqual([]);

    // Once more, as a phone would after a lost answer: nothing changes.
    const third = await push(second, await login(second), body);
    expect(((await third.json()) as { results: Array<{ status: string }> }).results.every((r) => r.status === 'skipped')).toBe(true);
    expect(await count(`SELECT count(*) FROM people WHERE id = ANY($1::uuid[])`, [personIds])).toBe(PAIRS);
    expect(await count(`SELECT count(*) FROM migration_services WHERE id = ANY($1::uuid[])`, [serviceIds])).toBe(PAIRS);
  }, 240_000);
});
