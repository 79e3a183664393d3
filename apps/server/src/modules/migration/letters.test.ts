import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support.js';

const t = useTestApp();
const KENANGA = '3212162004';

/** The text drawn on a page of an uncompressed pdfkit PDF: its TJ hex strings, decoded. */
function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const pieces: string[] = [];
  for (const [, array] of source.matchAll(/\[([^\]]*)\] TJ/g)) {
    pieces.push([...array!.matchAll(/<([0-9a-fA-F]*)>/g)].map(([, hex]) => Buffer.from(hex!, 'hex').toString('latin1')).join(''));
  }
  return pieces.join('\n');
}

/** A Kenanga couple in one KK (she is the migrant, he the head) and her migration plan. */
async function couplePlan() {
  const officer = await t.login('petugas.kenanga');
  const family = await officer.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/families`, payload: { noKk: '3212161203150099', dusun: 'Kenanga Lor', rt: '002', rw: '001' } });
  expect(family.statusCode, family.body).toBe(201);
  const familyId = family.json().id;
  const husband = await officer.request({
    method: 'POST',
    url: `/api/v1/villages/${KENANGA}/people`,
    payload: { nik: '3212161505880003', name: 'Warsito Hadi', sex: 1, birthDate: '1988-05-15', birthPlace: 'Indramayu', familyId, familyRelationship: 1, maritalStatus: 2 },
  });
  const wife = await officer.request({
    method: 'POST',
    url: `/api/v1/villages/${KENANGA}/people`,
    payload: { nik: '3212165709920004', name: 'Nur Aisyah', sex: 2, birthDate: '1992-09-17', birthPlace: 'Indramayu', familyId, familyRelationship: 3, maritalStatus: 2 },
  });
  expect([husband.statusCode, wife.statusCode], husband.body + wife.body).toEqual([201, 201]);
  const plan = await officer.request({
    method: 'POST',
    url: `/api/v1/people/${wife.json().id}/migration-plans`,
    payload: { destinationCountry: 'HK', occupation: 'Pengurus rumah tangga', sector: 'domestik', scheme: 'p_to_p', agencyName: 'PT Bina Karya Mandiri' },
  });
  expect(plan.statusCode, plan.body).toBe(201);
  return { officer, planId: plan.json().id as string, husbandId: husband.json().id as string };
}

describe('village letters', () => {
  it('issues the family permission letter with both people, the head, a running number and a QR code', async () => {
    const { officer, planId, husbandId } = await couplePlan();
    const options = await officer.request({ method: 'GET', url: `/api/v1/migration-plans/${planId}/letters` });
    expect(options.statusCode, options.body).toBe(200);
    expect(options.json()).toMatchObject({ letters: [], familyMembers: [{ id: husbandId, name: 'Warsito Hadi', relation: 'Suami/Istri' }], villageHeadName: 'Darsono' });

    const res = await officer.request({ method: 'GET', url: `/api/v1/migration-plans/${planId}/letters/izin-keluarga.pdf?familyMemberId=${husbandId}` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const text = pdfText(res.rawPayload);
    const year = new Date().getUTCFullYear();
    for (const expected of ['SURAT IZIN KELUARGA', `Nomor: 474/001/IZIN/${year}`, 'Nur Aisyah', '3212165709920004', 'Warsito Hadi', '3212161505880003', 'Darsono', 'DESA KENANGA', 'Hong Kong', 'PT Bina Karya Mandiri']) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Indramayu, 17 September 1992/);
    const url = text.match(/http:\/\/localhost[^\s]*\/verifikasi\/([A-Za-z0-9_-]{32})/);
    expect(url, text).not.toBeNull();
    const token = url![1]!;
    // The PDF embeds the QR code as an image.
    expect(res.rawPayload.toString('latin1')).toContain('/Subtype /Image');

    const { rows } = await t.pool.query(`SELECT kind, number, token, sha256, issued_by, family_member_id FROM letters WHERE plan_id = $1`, [planId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'izin_keluarga', number: `474/001/IZIN/${year}`, token, family_member_id: husbandId });
    expect(rows[0].sha256).toBe(createHash('sha256').update(res.rawPayload).digest('hex'));
    const audit = await t.pool.query(`SELECT region_code, after FROM audit_log WHERE action = 'issue_letter' AND after->>'planId' = $1`, [planId]);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].region_code).toBe(KENANGA);

    // The next letter of the village takes the next number, whatever its kind.
    const second = await officer.request({ method: 'GET', url: `/api/v1/migration-plans/${planId}/letters/rekomendasi-desa.pdf` });
    expect(second.statusCode).toBe(200);
    const secondText = pdfText(second.rawPayload);
    expect(secondText).toContain(`Nomor: 474/002/REKOM/${year}`);
    expect(secondText).toContain('SURAT REKOMENDASI');
    expect(secondText).toContain('adalah benar penduduk Desa Kenanga');
    const listed = await officer.request({ method: 'GET', url: `/api/v1/migration-plans/${planId}/letters` });
    expect(listed.json().letters.map((l: { number: string }) => l.number)).toEqual([`474/002/REKOM/${year}`, `474/001/IZIN/${year}`]);

    // Anyone holding the paper may check it, and learns no NIK nor the full name.
    const verified = await t.app.inject({ method: 'GET', url: `/api/v1/public/letters/${token}` });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({ kind: 'izin_keluarga', number: `474/001/IZIN/${year}`, issuedAt: expect.any(String), villageName: 'Kenanga', holderInitials: 'N. A.' });
    expect(verified.body).not.toContain('3212165709920004');
    expect(verified.body).not.toContain('Aisyah');
    const unknown = await t.app.inject({ method: 'GET', url: `/api/v1/public/letters/${'x'.repeat(32)}` });
    expect(unknown.statusCode).toBe(404);
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/public/letters/short' });
    expect(malformed.statusCode).toBe(400);
  });

  it('is signed only by a spouse or parent of the migrant', async () => {
    const s = await t.login('petugas.kenanga');
    const person = await s.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/people`, payload: { nik: '3212164101950006', name: 'Tanpa Keluarga', sex: 2, birthDate: '1995-01-01' } });
    const neighbour = await s.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/people`, payload: { nik: '3212160202700008', name: 'Tetangga Baik', sex: 1, birthDate: '1970-02-02' } });
    const plan = await s.request({ method: 'POST', url: `/api/v1/people/${person.json().id}/migration-plans`, payload: { destinationCountry: 'TW', occupation: 'Operator pabrik', sector: 'formal', scheme: 'p_to_p' } });
    const planId = plan.json().id;
    const options = await s.request({ method: 'GET', url: `/api/v1/migration-plans/${planId}/letters` });
    expect(options.json().familyMembers).toEqual([]);
    const notFamily = await s.request({ method: 'GET', url: `/api/v1/migration-plans/${planId}/letters/izin-keluarga.pdf?familyMemberId=${neighbour.json().id}` });
    expect(notFamily.statusCode).toBe(400);
    expect(notFamily.json().error.details[0]).toMatchObject({ path: 'familyMemberId' });
    const noQuery = await s.request({ method: 'GET', url: `/api/v1/migration-plans/${planId}/letters/izin-keluarga.pdf` });
    expect(noQuery.statusCode).toBe(400);
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM letters WHERE plan_id = $1`, [planId]);
    expect(rows[0].n).toBe(0);
  });

  it('refuses letters to coordinators (full NIK on paper) and to other villages', async () => {
    const s = await t.login('petugas.kenanga');
    const person = await s.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/people`, payload: { nik: '3212164202960007', name: 'Dewi Lestari', sex: 2, birthDate: '1996-02-02' } });
    const plan = await s.request({ method: 'POST', url: `/api/v1/people/${person.json().id}/migration-plans`, payload: { destinationCountry: 'JP', occupation: 'Perawat lansia', sector: 'formal', scheme: 'g_to_g' } });
    const planId = plan.json().id;
    const coordinator = await t.login('disnaker.indramayu');
    const asCoordinator = await coordinator.request({ method: 'GET', url: `/api/v1/migration-plans/${planId}/letters/rekomendasi-desa.pdf` });
    expect(asCoordinator.statusCode).toBe(403);
    // The coordinator may still see which letters exist.
    expect((await coordinator.request({ method: 'GET', url: `/api/v1/migration-plans/${planId}/letters` })).statusCode).toBe(200);
    const outsider = await t.login('petugas.kuripan');
    for (const url of [`/api/v1/migration-plans/${planId}/letters/rekomendasi-desa.pdf`, `/api/v1/migration-plans/${planId}/letters`]) {
      const res = await outsider.request({ method: 'GET', url });
      expect(res.statusCode).toBe(403);
    }
    const head = await t.login('kades.kenanga');
    const byHead = await head.request({ method: 'GET', url: `/api/v1/migration-plans/${planId}/letters/rekomendasi-desa.pdf` });
    expect(byHead.statusCode).toBe(200);
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM letters WHERE plan_id = $1`, [planId]);
    expect(rows[0].n).toBe(1);
  });

  it('needs the village head recorded for the signature block', async () => {
    const s = await t.login('petugas.kenanga');
    const person = await s.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/people`, payload: { nik: '3212164303970009', name: 'Yuni Astuti', sex: 2, birthDate: '1997-03-03' } });
    const plan = await s.request({ method: 'POST', url: `/api/v1/people/${person.json().id}/migration-plans`, payload: { destinationCountry: 'MY', occupation: 'Operator pabrik', sector: 'formal', scheme: 'p_to_p' } });
    await t.pool.query(`UPDATE program_villages SET head_name = NULL WHERE village_code = $1`, [KENANGA]);
    try {
      const res = await s.request({ method: 'GET', url: `/api/v1/migration-plans/${plan.json().id}/letters/rekomendasi-desa.pdf` });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('kepala desa');
      const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM letters WHERE plan_id = $1`, [plan.json().id]);
      expect(rows[0].n).toBe(0);
    } finally {
      await t.pool.query(`UPDATE program_villages SET head_name = 'Darsono' WHERE village_code = $1`, [KENANGA]);
    }
  });
});
