import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, useBrowser } from './browser.js';

const browser = useBrowser();
const KENANGA = '3212162004';
const migrant = { nik: '3212165804980081', name: 'Sumirah Tanpa Sinyal', sex: 2, birthDate: '1998-04-18' };
const returnee = { nik: '3212165905970082', name: 'Kartini Pulang Offline', sex: 2, birthDate: '1997-05-19' };
const caseDescription = 'Keluarga tidak bisa menghubungi Sumirah sejak dua minggu (dicatat tanpa sinyal).';

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Picks an option of a Mantine select by its label, optionally typing to search first. */
async function choose(page: Page, label: string, option: string | RegExp, type?: string): Promise<void> {
  const box = page.getByRole('textbox', { name: label, exact: true }).or(page.getByRole('combobox', { name: label, exact: true })).first();
  await box.click();
  if (type) await box.fill(type);
  await page.getByRole('option', { name: option }).first().click();
}

async function waitingCount(page: Page): Promise<number> {
  const indicator = page.getByTestId('sync-indicator');
  const waiting = (await indicator.count()) ? await indicator.getAttribute('data-waiting') : null;
  return waiting === null ? Number.NaN : Number(waiting);
}

/** A write through the online API with this browser's session (CSRF header from /auth/me). */
async function post<T>(page: Page, url: string, data: unknown): Promise<T> {
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const response = await page.request.post(url, { headers: { 'x-csrf-token': csrfToken }, data });
  expect(response.ok()).toBe(true);
  return (await response.json()) as T;
}

/** Whether the phone's IndexedDB copy holds a record (i.e. a pull brought it). */
function onPhone(page: Page, table: string, id: string): Promise<boolean> {
  return page.evaluate(
    ([store, key]) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open('desmigratif');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(store!).objectStore(store!).get(key!);
          request.onsuccess = () => {
            open.result.close();
            resolve(Boolean(request.result));
          };
          request.onerror = () => reject(request.error);
        };
      }),
    [table, id],
  );
}

type Checklist = { checklist: Array<{ kind: string; label: string; requirement: string; status: string }>; documents: Array<{ kind: string; status: string }> };

describe('the village service centre without signal on a 360 px phone', () => {
  it('ticks a document and edits a pulled plan, opens a case, moves a pulled one, records a departure and a return offline; each reaches the server exactly once', async () => {
    const page = await browser.newPage();
    await login(page, 'petugas.kenanga');
    await page.getByText('Pekerjaan hari ini').waitFor();

    // A resident with a migration plan, made online, then pulled onto the phone.
    const person = await post<{ id: string }>(page, `/api/v1/villages/${KENANGA}/people`, migrant);
    const plan = await post<{ id: string } & Checklist>(page, `/api/v1/people/${person.id}/migration-plans`, {
      destinationCountry: 'HK',
      occupation: 'Operator produksi',
      sector: 'formal',
      scheme: 'p_to_p',
    });
    const pulledCase = await post<{ id: string }>(page, `/api/v1/villages/${KENANGA}/cases`, {
      migrantPersonId: person.id,
      reporterName: 'Tarmini',
      caseType: 'gaji_tidak_dibayar',
      description: 'Gaji dua bulan belum dibayar (dicatat dengan sinyal).',
    });
    // A resident already abroad (departure recorded online), to come home while there is no signal.
    const abroad = await post<{ id: string }>(page, `/api/v1/villages/${KENANGA}/people`, returnee);
    const { id: departureId } = await post<{ id: string }>(page, `/api/v1/people/${abroad.id}/placements`, { departureDate: '2025-01-10', destinationCountry: 'TW' });
    const document = plan.checklist.find((item) => item.requirement !== 'not_applicable' && item.status === 'belum')!;
    expect(document).toBeDefined();

    const pulled = page.waitForResponse((r) => r.url().includes('/api/v1/sync/pull') && r.ok(), { timeout: 30_000 });
    await page.reload();
    await pulled;
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.goto(`/rencana-migrasi/desa/${KENANGA}`);
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => onPhone(page, 'migration_plans', plan.id), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => onPhone(page, 'migration_placements', departureId), { timeout: 30_000 }).toBe(true);

    await page.context().setOffline(true);
    await expect.poll(() => page.getByTestId('sync-indicator').getAttribute('data-online'), { timeout: 10_000 }).toBe('false');

    // 1. The plan opens from the phone, computed there, and a document is ticked.
    await page.getByTestId('local-plan-row').filter({ hasText: migrant.name }).getByRole('link', { name: 'Lihat' }).click();
    await page.getByTestId('local-plan-view').waitFor();
    await page.getByRole('heading', { name: migrant.name }).waitFor();
    const card = page.locator('.mantine-Card-root').filter({ has: page.getByText(document.label, { exact: true }) });
    await card.getByRole('button', { name: 'Catat dokumen' }).click();
    await card.getByRole('textbox', { name: 'Status' }).or(card.getByRole('combobox', { name: 'Status' })).first().click();
    await page.getByRole('option', { name: 'Lengkap' }).click();
    await card.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Dokumen disimpan di HP ini dan akan dikirim saat ada sinyal.').waitFor();
    await expect.poll(() => card.getByText('Lengkap', { exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('sync-badge').first().getAttribute('data-status')).toBe('waiting');
    await expect.poll(() => waitingCount(page)).toBe(1);
    await noHorizontalScroll(page);

    // ...and the plan itself is edited on the phone (only the changed field is sent).
    await page.getByRole('button', { name: 'Ubah rencana' }).click();
    await page.getByLabel('Jabatan/pekerjaan').fill('Operator mesin jahit');
    await noHorizontalScroll(page);
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Perubahan rencana disimpan di HP ini dan akan dikirim saat ada sinyal.').waitFor();
    await page.getByText('Operator mesin jahit', { exact: true }).waitFor();
    await expect.poll(() => waitingCount(page)).toBe(2);

    // 2. A family's complaint, the migrant found among the residents on the phone.
    await page.goto('/kasus/baru');
    await choose(page, 'PMI yang dilaporkan', new RegExp(migrant.name), 'Sumirah');
    await choose(page, 'Jenis kasus', 'Hilang kontak');
    await page.getByLabel('Uraian kasus').fill(caseDescription);
    await page.getByLabel('Nama pelapor').fill('Karsiti');
    await noHorizontalScroll(page);
    await page.getByRole('button', { name: 'Simpan kasus' }).click();
    const caseView = page.getByTestId('local-case-view');
    await caseView.getByText(caseDescription).waitFor();
    expect(await page.getByTestId('sync-badge').first().getAttribute('data-status')).toBe('waiting');
    await expect.poll(() => waitingCount(page)).toBe(3);
    // A case made here takes its status steps once the server has it.
    expect(await caseView.getByRole('button', { name: /^Pindahkan ke/ }).count()).toBe(0);
    await noHorizontalScroll(page);

    // A pulled case moves one step, among those the officer's role may take.
    await page.goto('/kasus');
    await page.getByTestId('local-case').filter({ hasText: 'Gaji tidak dibayar' }).filter({ hasText: 'Baru' }).first().waitFor();
    await page.goto(`/kasus/${pulledCase.id}`);
    await caseView.getByText('Gaji dua bulan belum dibayar (dicatat dengan sinyal).').waitFor();
    expect(await caseView.getByRole('button', { name: /^Pindahkan ke/ }).allTextContents()).toEqual(['Pindahkan ke: Ditangani desa', 'Pindahkan ke: Dirujuk ke kabupaten']);
    await caseView.getByRole('button', { name: 'Pindahkan ke: Ditangani desa' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Simpan langkah' }).click();
    await page.getByText('Langkah kasus disimpan di HP ini dan akan dikirim saat ada sinyal.').waitFor();
    await expect.poll(() => page.getByTestId('local-case-status').textContent()).toBe('Ditangani desa');
    // One step per case until the server has answered.
    expect(await caseView.getByRole('button', { name: /^Pindahkan ke/ }).count()).toBe(0);
    await expect.poll(() => waitingCount(page)).toBe(4);
    await noHorizontalScroll(page);

    // 3. The departure, from the resident's page on the phone.
    await page.goto(`/penduduk/${person.id}`);
    const placement = page.getByTestId('local-placement');
    await placement.getByRole('button', { name: 'Catat keberangkatan' }).click();
    await choose(page, 'Negara tujuan', 'Hong Kong', 'Hong');
    await noHorizontalScroll(page);
    await placement.getByRole('button', { name: 'Catat keberangkatan' }).click();
    await placement.getByText(/Sedang bekerja di luar negeri sejak/).waitFor();
    expect(await placement.getByTestId('sync-badge').getAttribute('data-status')).toBe('waiting');
    await expect.poll(() => waitingCount(page)).toBe(5);
    await noHorizontalScroll(page);

    // 4. A return home, for a departure the phone pulled.
    await page.goto(`/penduduk/${abroad.id}`);
    await placement.getByText(/Sedang bekerja di luar negeri sejak/).waitFor();
    await placement.getByRole('button', { name: 'Catat kepulangan' }).click();
    await choose(page, 'Alasan pulang', 'Kontrak selesai');
    await noHorizontalScroll(page);
    await placement.getByRole('button', { name: 'Catat kepulangan' }).click();
    await page.getByText('Kepulangan disimpan di HP ini dan akan dikirim saat ada sinyal.').waitFor();
    await expect.poll(() => placement.getByText(/Sedang bekerja di luar negeri sejak/).count()).toBe(0);
    await expect.poll(() => waitingCount(page)).toBe(6);

    // Signal returns: the six changes are pushed, in order, and applied.
    const pushed = page.waitForResponse((r) => r.url().includes('/api/v1/sync/push') && r.ok(), { timeout: 30_000 });
    await page.context().setOffline(false);
    const push = (await (await pushed).json()) as { results: Array<{ status: string }> };
    expect(push.results.map((result) => result.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'applied']);
    await expect.poll(() => waitingCount(page), { timeout: 30_000 }).toBe(0);

    // Each is on the server exactly once.
    const after = (await (await page.request.get(`/api/v1/migration-plans/${plan.id}`)).json()) as Checklist & { occupation: string; sector: string };
    expect(after).toMatchObject({ occupation: 'Operator mesin jahit', sector: 'formal' });
    expect(after.documents.filter((d) => d.kind === document.kind)).toEqual([expect.objectContaining({ status: 'lengkap' })]);
    const cases = (await (await page.request.get(`/api/v1/cases?pageSize=200&within=${KENANGA}`)).json()) as {
      items: Array<{ description: string; migrantPersonId: string; status: string }>;
    };
    expect(cases.items.filter((item) => item.description === caseDescription)).toEqual([
      expect.objectContaining({ migrantPersonId: person.id, status: 'baru' }),
    ]);
    const moved = (await (await page.request.get(`/api/v1/cases/${pulledCase.id}`)).json()) as { status: string };
    expect(moved.status).toBe('ditangani_desa');
    const placements = (await (await page.request.get(`/api/v1/people/${person.id}/placements`)).json()) as {
      items: Array<{ personId: string; destinationCountry: string; return: unknown }>;
    };
    expect(placements.items).toEqual([expect.objectContaining({ personId: person.id, destinationCountry: 'HK', return: null })]);
    const returned = (await (await page.request.get(`/api/v1/people/${abroad.id}/placements`)).json()) as {
      items: Array<{ destinationCountry: string; return: { reason: string } | null }>;
    };
    expect(returned.items).toEqual([expect.objectContaining({ destinationCountry: 'TW', return: expect.objectContaining({ reason: 'kontrak_selesai' }) })]);
  });
});
