import { vi } from 'vitest';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support.js';
import { KENANGA, outbox } from './sync-test-kit.js';

// The server moves on to mutation format 2; this phone still runs an app that writes format 1.
vi.mock('@desmigratif/contracts', async (importOriginal) => ({ ...(await importOriginal<object>()), SYNC_FORMAT_VERSION: 2 }));

const t = useTestApp();

describe('sync push from an outdated app', () => {
  it('asks to update first (426) and applies nothing; the outbox stays on the phone', async () => {
    const s = await t.login('petugas.kenanga');
    const box = outbox();
    const mutation = box.next('service.create', { villageCode: KENANGA, visitorName: 'Bu Lama', serviceType: 'bimbingan_konseling', serviceDate: '2026-02-02' });
    const res = await s.request({ method: 'POST', url: '/api/v1/sync/push', payload: box.body([mutation], 1) });
    expect(res.statusCode).toBe(426);
    expect(res.json().error).toMatchObject({
      code: 'UPDATE_REQUIRED',
      message: 'Perbarui aplikasi sebelum mengirim perubahan; perubahan Anda tetap tersimpan di ponsel.',
    });
    const { rows } = await t.pool.query(`SELECT (SELECT count(*) FROM migration_services WHERE visitor_name = 'Bu Lama')::int AS services,
      (SELECT count(*) FROM sync_clients WHERE client_id = $1)::int AS clients`, [box.clientId]);
    expect(rows[0]).toEqual({ services: 0, clients: 0 });

    const current = await s.request({ method: 'POST', url: '/api/v1/sync/push', payload: box.body([mutation], 2) });
    expect(current.json()).toMatchObject({ lastSeq: 1, results: [{ status: 'applied' }] });
  });
});
