import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support.js';
import { detectScanType } from './scans.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'desmigratif-scans-'));
const t = useTestApp({ dataDir });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const KENANGA = '3212162004';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('foto paspor')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('ktp')]);
const PDF = Buffer.from('%PDF-1.4\nkontrak kerja');

/** A multipart body with one file in the field "file". */
function multipart(content: Buffer, fileName: string, contentType: string) {
  const boundary = '----desmigratif-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function kenangaPlan(nik: string) {
  const officer = await t.login('petugas.kenanga');
  const person = await officer.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/people`, payload: { nik, name: 'Ratna Sari', sex: 2, birthDate: '1994-04-04' } });
  const plan = await officer.request({ method: 'POST', url: `/api/v1/people/${person.json().id}/migration-plans`, payload: { destinationCountry: 'TW', occupation: 'Operator pabrik', sector: 'formal', scheme: 'p_to_p' } });
  expect(plan.statusCode, plan.body).toBe(201);
  return { officer, planId: plan.json().id as string };
}

describe('detectScanType', () => {
  it('reads the type from the first bytes, not the name', () => {
    expect(detectScanType(JPEG)).toBe('image/jpeg');
    expect(detectScanType(PNG)).toBe('image/png');
    expect(detectScanType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))).toBe('image/webp');
    expect(detectScanType(PDF)).toBe('application/pdf');
    expect(detectScanType(Buffer.from('<html><script>'))).toBeNull();
    expect(detectScanType(Buffer.from('RIFF....WAVE'))).toBeNull();
  });
});

describe('document scans', () => {
  it('stores a photo outside the web root, serves it back within scope and audits a replacement', async () => {
    const { officer, planId } = await kenangaPlan('3212164404940011');
    const url = `/api/v1/migration-plans/${planId}/documents/paspor/scan`;
    const first = await officer.request({ method: 'POST', url, ...multipart(JPEG, 'paspor.jpg', 'image/jpeg') });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ kind: 'paspor', contentType: 'image/jpeg', sizeBytes: JPEG.length });
    const stored = readdirSync(path.join(dataDir, 'uploads'));
    expect(stored).toHaveLength(1);
    // Sealed on disk: the uploads folder (and a backup of it) does not hold the photo in the clear.
    const onDisk = readFileSync(path.join(dataDir, 'uploads', stored[0]!));
    expect(onDisk.includes(Buffer.from('foto paspor'))).toBe(false);
    expect(onDisk[0]).toBe(0x01);

    const detail = await officer.request({ method: 'GET', url: `/api/v1/migration-plans/${planId}` });
    expect(detail.json().scans).toEqual([expect.objectContaining({ kind: 'paspor', contentType: 'image/jpeg' })]);

    // A PDF sent as "image/png" is stored as what it is.
    const replaced = await officer.request({ method: 'POST', url, ...multipart(PDF, 'paspor.png', 'image/png') });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json().contentType).toBe('application/pdf');
    // The replaced file is gone; only the new one is kept.
    expect(readdirSync(path.join(dataDir, 'uploads'))).toHaveLength(1);

    const download = await officer.request({ method: 'GET', url });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(PDF)).toBe(true);

    const audit = await t.pool.query(`SELECT action, before, after FROM audit_log WHERE entity_id = $1 AND action LIKE '%scan' ORDER BY id`, [planId]);
    expect(audit.rows.map((r) => r.action)).toEqual(['upload_scan', 'replace_scan']);
    expect(audit.rows[1].before).toMatchObject({ kind: 'paspor', contentType: 'image/jpeg' });

    const coordinator = await t.login('disnaker.indramayu');
    expect((await coordinator.request({ method: 'GET', url })).statusCode).toBe(200);
  });

  it('refuses other types, empty and oversized files with Indonesian messages', async () => {
    const { officer, planId } = await kenangaPlan('3212164404940012');
    const url = `/api/v1/migration-plans/${planId}/documents/ktp_nik/scan`;
    const html = await officer.request({ method: 'POST', url, ...multipart(Buffer.from('<html>bukan foto</html>'), 'ktp.jpg', 'image/jpeg') });
    expect(html.statusCode, html.body).toBe(415);
    expect(html.json().error.message).toContain('Jenis berkas tidak didukung');
    const big = await officer.request({ method: 'POST', url, ...multipart(Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]), 'ktp.jpg', 'image/jpeg') });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain('terlalu besar');
    const notMultipart = await officer.request({ method: 'POST', url, payload: { file: 'x' } });
    expect(notMultipart.statusCode).toBe(415);
    const missing = await officer.request({ method: 'GET', url });
    expect(missing.statusCode).toBe(404);
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM migration_document_scans WHERE plan_id = $1`, [planId]);
    expect(rows[0].n).toBe(0);
  });

  it('keeps scans inside the plan village', async () => {
    const { officer, planId } = await kenangaPlan('3212164404940013');
    const url = `/api/v1/migration-plans/${planId}/documents/kk/scan`;
    expect((await officer.request({ method: 'POST', url, ...multipart(PNG, 'kk.png', 'image/png') })).statusCode).toBe(200);
    const outsider = await t.login('petugas.kuripan');
    expect((await outsider.request({ method: 'GET', url })).statusCode).toBe(403);
    const upload = await outsider.request({ method: 'POST', url, ...multipart(JPEG, 'kk.jpg', 'image/jpeg') });
    expect(upload.statusCode).toBe(403);
    const { rows } = await t.pool.query(`SELECT content_type FROM migration_document_scans WHERE plan_id = $1`, [planId]);
    expect(rows).toEqual([{ content_type: 'image/png' }]);
    const partner = await t.login('mitra.kemenkes');
    expect((await partner.request({ method: 'GET', url })).statusCode).toBe(403);
  });
});
