import { describe, expect, it } from 'vitest';
import { type Session, useTestApp } from '../../test/support.js';

const t = useTestApp();

type Listed = { id: string; current: boolean; ip: string | null; userAgent: string | null; createdAt: string; lastSeenAt: string };

async function sessionsOf(session: Session): Promise<Listed[]> {
  const res = await session.request({ method: 'GET', url: '/api/v1/auth/sessions' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

const signedIn = async (session: Session) => (await session.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode === 200;

describe('own sessions', () => {
  it('lists only the caller’s live sessions, marks the current one, and never shows a token', async () => {
    const first = await t.login('kades.kenanga');
    const second = await t.login('kades.kenanga');
    await t.login('koperasi.kenanga');
    const listed = await sessionsOf(second);
    expect(listed).toHaveLength(2);
    expect(listed.filter((s) => s.current)).toHaveLength(1);
    expect(listed.every((s) => s.ip && s.createdAt && s.lastSeenAt)).toBe(true);
    const raw = JSON.stringify(listed);
    expect(raw).not.toContain(first.cookie.split('=')[1]);
    expect(raw).not.toMatch(/token|csrf/i);
    // The other device sees the same two, with itself as the current one.
    const fromFirst = await sessionsOf(first);
    expect(fromFirst.find((s) => s.current)!.id).toBe(listed.find((s) => !s.current)!.id);
  });

  it('ends one other session: that device is signed out, this one is not, and it is audited', async () => {
    const phone = await t.login('petugas.kuripan');
    const laptop = await t.login('petugas.kuripan');
    const phoneId = (await sessionsOf(phone)).find((s) => s.current)!.id;
    const res = await laptop.request({ method: 'DELETE', url: `/api/v1/auth/sessions/${phoneId}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.cookies.find((c) => c.name === 'desmigratif_session')).toBeUndefined();
    expect(await signedIn(phone)).toBe(false);
    expect(await signedIn(laptop)).toBe(true);
    const again = await laptop.request({ method: 'DELETE', url: `/api/v1/auth/sessions/${phoneId}` });
    expect(again.statusCode).toBe(404);
    const { rows } = await t.pool.query(`SELECT actor_username, region_code, before FROM audit_log WHERE action = 'revoke_session' AND entity_id = $1`, [phoneId]);
    expect(rows).toEqual([{ actor_username: 'petugas.kuripan', region_code: '3307102004', before: expect.objectContaining({ ip: expect.any(String) }) }]);
  });

  it('ends the current session and clears its cookie', async () => {
    const session = await t.login('petugas.kroya');
    const id = (await sessionsOf(session)).find((s) => s.current)!.id;
    const res = await session.request({ method: 'DELETE', url: `/api/v1/auth/sessions/${id}` });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'desmigratif_session')?.value).toBe('');
    expect(await signedIn(session)).toBe(false);
  });

  it('refuses to show or end another account’s session, even a manager’s own scope', async () => {
    const officer = await t.login('petugas.kenanga');
    const officerSessionId = (await sessionsOf(officer)).find((s) => s.current)!.id;
    for (const username of ['kades.kenanga', 'disnaker.indramayu', 'admin']) {
      const other = await t.login(username);
      expect((await sessionsOf(other)).map((s) => s.id)).not.toContain(officerSessionId);
      const res = await other.request({ method: 'DELETE', url: `/api/v1/auth/sessions/${officerSessionId}` });
      expect(res.statusCode, username).toBe(404);
    }
    expect(await signedIn(officer)).toBe(true);
  });

  it('signs out every other device and keeps this one', async () => {
    const a = await t.login('kemnaker');
    const b = await t.login('kemnaker');
    const c = await t.login('kemnaker');
    const res = await c.request({ method: 'POST', url: '/api/v1/auth/sessions/revoke-others' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().revoked).toBeGreaterThanOrEqual(2);
    expect([await signedIn(a), await signedIn(b), await signedIn(c)]).toEqual([false, false, true]);
    expect(await sessionsOf(c)).toHaveLength(1);
    const { rows } = await t.pool.query(`SELECT after FROM audit_log WHERE action = 'revoke_other_sessions' AND actor_username = 'kemnaker'`);
    expect(rows[0].after.revoked).toBe(res.json().revoked);
  });
});

describe('a manager ending an account’s sessions', () => {
  const userId = async (username: string) => (await t.pool.query(`SELECT id FROM users WHERE username = $1`, [username])).rows[0].id as string;

  it('lets the regency coordinator sign a village account out everywhere, audited, without disabling it', async () => {
    const officer = await t.login('koperasi.kenanga');
    const coordinator = await t.login('disnaker.indramayu');
    const id = await userId('koperasi.kenanga');
    const res = await coordinator.request({ method: 'POST', url: `/api/v1/users/${id}/sessions/revoke` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().revoked).toBeGreaterThanOrEqual(1);
    expect(await signedIn(officer)).toBe(false);
    expect(await signedIn(await t.login('koperasi.kenanga'))).toBe(true);
    const { rows } = await t.pool.query(`SELECT actor_username, region_code FROM audit_log WHERE action = 'revoke_sessions' AND entity_id = $1`, [id]);
    expect(rows).toEqual([{ actor_username: 'disnaker.indramayu', region_code: '3212162004' }]);
  });

  it('keeps the manager’s own current session when they sign their own account out elsewhere', async () => {
    const elsewhere = await t.login('admin');
    const here = await t.login('admin');
    const res = await here.request({ method: 'POST', url: `/api/v1/users/${await userId('admin')}/sessions/revoke` });
    expect(res.statusCode).toBe(200);
    expect([await signedIn(elsewhere), await signedIn(here)]).toEqual([false, true]);
  });

  it('refuses a coordinator of another regency (not found) and a village officer (forbidden)', async () => {
    const officer = await t.login('petugas.kenanga');
    const id = await userId('petugas.kenanga');
    const outsider = await t.login('disnaker.wonosobo');
    expect((await outsider.request({ method: 'POST', url: `/api/v1/users/${id}/sessions/revoke` })).statusCode).toBe(404);
    const village = await t.login('kades.kenanga');
    expect((await village.request({ method: 'POST', url: `/api/v1/users/${id}/sessions/revoke` })).statusCode).toBe(403);
    expect(await signedIn(officer)).toBe(true);
  });
});
