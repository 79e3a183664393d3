import { SYNC_FORMAT_VERSION } from '@desmigratif/contracts';
import type { Locator, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, login, useBrowser } from './browser.js';

const browser = useBrowser();
const KENANGA = '3212162004';

const residents = [
  { nik: '3212165501950071', name: 'Nur Aisyah Offline', birthDate: '1995-01-15' },
  { nik: '3212165602960072', name: 'Dewi Lestari Offline', birthDate: '1996-02-16' },
  { nik: '3212165703970073', name: 'Ratna Sari Offline', birthDate: '1997-03-17' },
];

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Picks an option of a Mantine select by its label. */
async function choose(page: Page, label: string, option: string | RegExp, type?: string): Promise<void> {
  const box = page.getByRole('textbox', { name: label, exact: true }).or(page.getByRole('combobox', { name: label, exact: true })).first();
  await box.click();
  if (type) await box.fill(type);
  await page.getByRole('option', { name: option }).first().click();
}

/** "Tambah penduduk" with no signal: the form saves to the phone and returns to the list. */
async function registerOffline(page: Page, person: (typeof residents)[number]): Promise<void> {
  await page.getByRole('link', { name: 'Tambah penduduk' }).click();
  await page.getByRole('textbox', { name: 'NIK', exact: true }).fill(person.nik);
  await page.getByLabel('Nama lengkap').fill(person.name);
  await page.getByRole('combobox', { name: 'Jenis kelamin' }).click();
  await page.getByRole('option', { name: 'Perempuan' }).click();
  await page.getByLabel('Tanggal lahir').fill(person.birthDate);
  await page.getByRole('button', { name: 'Simpan penduduk' }).click();
  await localCard(page, person.name).waitFor();
}

function localCard(page: Page, name: string): Locator {
  return page.getByTestId('local-person').filter({ hasText: name });
}

/** The header's count of changes waiting; NaN until the indicator has read the phone's store. */
async function waitingCount(page: Page): Promise<number> {
  const indicator = page.getByTestId('sync-indicator');
  const waiting = (await indicator.count()) ? await indicator.getAttribute('data-waiting') : null;
  return waiting === null ? Number.NaN : Number(waiting);
}

describe('working without signal on a 360 px phone', () => {
  it('an officer registers three people, a plan and a visit offline, reloads offline, and everything reaches the server exactly once', async () => {
    const page = await browser.newPage();
    const firstPull = page.waitForResponse((r) => r.url().includes('/api/v1/sync/pull') && r.ok(), { timeout: 30_000 });
    await login(page, 'petugas.kenanga');
    await page.getByText('Pekerjaan hari ini').waitFor();
    await firstPull;

    // The service worker installs the app shell; it controls the pages loaded after it.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.goto(`/penduduk/desa/${KENANGA}`);
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 15_000 }).toBe(true);
    await page.getByTestId('person-item').first().waitFor();

    await page.context().setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await expect.poll(() => page.getByTestId('sync-indicator').getAttribute('data-online'), { timeout: 10_000 }).toBe('false');
    // Offline the list comes from the phone: the village pulled at login.
    await page.getByText('Tanpa sinyal: menampilkan data desa yang tersimpan di HP ini.').waitFor();
    await page.getByTestId('local-person').first().waitFor();

    for (const person of residents) await registerOffline(page, person);
    await expect.poll(() => waitingCount(page)).toBe(3);
    await noHorizontalScroll(page);

    // A migration plan for the first of them, also without signal.
    await localCard(page, residents[0]!.name).getByRole('link', { name: 'Buat rencana migrasi' }).click();
    await page.getByRole('heading', { name: 'Buat rencana migrasi' }).waitFor();
    await choose(page, 'Negara tujuan', 'Hong Kong', 'Hong');
    await page.getByLabel('Jabatan/pekerjaan').fill('Operator produksi');
    await choose(page, 'Sektor', /^Formal/);
    await choose(page, 'Skema penempatan', /^P to P/);
    await noHorizontalScroll(page);
    await page.getByRole('button', { name: 'Simpan rencana' }).click();
    await localCard(page, residents[0]!.name).getByTestId('local-plan').waitFor();
    await expect.poll(() => waitingCount(page)).toBe(4);

    // A walk-in visitor, recorded in the service log without signal.
    await page.goto(`/layanan/desa/${KENANGA}`);
    await page.getByText('Pengunjung', { exact: true }).click();
    await page.getByLabel('Nama pengunjung').fill('Warsih Tanpa Sinyal');
    await page.getByText('Informasi migrasi aman', { exact: true }).first().click();
    await page.getByRole('button', { name: 'Simpan layanan' }).click();
    const visit = page.getByTestId('local-service').filter({ hasText: 'Warsih Tanpa Sinyal' });
    await visit.waitFor();
    expect(await visit.getByTestId('sync-badge').getAttribute('data-status')).toBe('waiting');
    await expect.poll(() => waitingCount(page)).toBe(5);
    await noHorizontalScroll(page);

    // The village's other lists come from the phone too, with the offline plan marked as waiting.
    await page.goto(`/rencana-migrasi/desa/${KENANGA}`);
    const offlinePlan = page.getByTestId('local-plan-row').filter({ hasText: residents[0]!.name });
    await offlinePlan.waitFor();
    expect(await offlinePlan.getByTestId('sync-badge').getAttribute('data-status')).toBe('waiting');
    // The plans pulled at login render beside it (the list fills in as the phone's store answers).
    await expect.poll(() => page.getByTestId('local-plan-row').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    await noHorizontalScroll(page);
    await page.goto(`/penduduk/desa/${KENANGA}/keluarga`);
    await page.getByTestId('local-family').filter({ hasText: 'Warsono' }).waitFor();
    await page.goto('/kasus');
    await page.getByTestId('local-case').first().waitFor();
    await noHorizontalScroll(page);

    // A resident's page opens from the phone, also for one recorded without signal.
    await page.goto(`/penduduk/desa/${KENANGA}`);
    await localCard(page, residents[1]!.name).getByRole('link', { name: 'Lihat' }).click();
    const personView = page.getByTestId('local-person-view');
    await personView.getByText(residents[1]!.nik).waitFor();
    expect(await page.getByTestId('sync-badge').first().getAttribute('data-status')).toBe('waiting');
    await noHorizontalScroll(page);
    await page.goto(`/penduduk/desa/${KENANGA}`);

    // Reload with no network: the service worker serves the shell, the tab's session resumes offline.
    await page.reload();
    for (const person of residents) {
      const card = localCard(page, person.name);
      await card.waitFor();
      expect(await card.getByTestId('sync-badge').first().getAttribute('data-status')).toBe('waiting');
    }
    expect(await localCard(page, residents[0]!.name).getByTestId('local-plan').getByTestId('sync-badge').getAttribute('data-status')).toBe('waiting');
    await noHorizontalScroll(page);

    // Signing out keeps the waiting changes (and says so); signing in again works without signal.
    await page.getByRole('button', { name: 'Menu akun' }).click();
    await page.getByRole('menuitem', { name: 'Keluar' }).click();
    await page.getByText(/5 perubahan Anda belum terkirim/).waitFor();
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
    await page.getByLabel('Nama pengguna').fill('petugas.kenanga');
    await page.getByLabel('Kata sandi').fill('bukan-kata-sandinya');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByText('Nama pengguna atau kata sandi salah.').waitFor();
    await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect.poll(() => waitingCount(page), { timeout: 10_000 }).toBe(5);
    await page.goto(`/penduduk/desa/${KENANGA}`);
    await localCard(page, residents[2]!.name).waitFor();

    // Signal returns: the outbox is pushed and the phone is up to date.
    const pushed = page.waitForResponse((r) => r.url().includes('/api/v1/sync/push') && r.ok(), { timeout: 30_000 });
    await page.context().setOffline(false);
    await pushed;
    await expect.poll(() => waitingCount(page), { timeout: 30_000 }).toBe(0);

    // Every record is on the server exactly once.
    for (const person of residents) {
      const response = await page.request.get(`/api/v1/villages/${KENANGA}/people?q=${encodeURIComponent(person.name)}`);
      const body = (await response.json()) as { total: number; items: Array<{ id: string; nik: string }> };
      expect(body.total).toBe(1);
      expect(body.items[0]!.nik).toBe(person.nik);
    }
    const first = (await (await page.request.get(`/api/v1/villages/${KENANGA}/people?q=${encodeURIComponent(residents[0]!.name)}`)).json()) as {
      items: Array<{ id: string }>;
    };
    const plans = (await (await page.request.get(`/api/v1/villages/${KENANGA}/migration-plans`)).json()) as { items: Array<{ personId: string }> };
    expect(plans.items.filter((plan) => plan.personId === first.items[0]!.id)).toHaveLength(1);

    const services = (await (await page.request.get(`/api/v1/villages/${KENANGA}/services`)).json()) as { items: Array<{ name: string }> };
    expect(services.items.filter((service) => service.name === 'Warsih Tanpa Sinyal')).toHaveLength(1);

    // Online again, the server's list shows them; nothing is left waiting on the phone.
    await page.goto(`/penduduk/desa/${KENANGA}?q=Offline`);
    await expect.poll(() => page.getByTestId('person-item').count(), { timeout: 15_000 }).toBe(3);
  });
});

/** A phone's push, through the real protocol, with this browser's session. */
async function pushFromPhone(page: Page, clientId: string, mutation: { args: Record<string, unknown>; baseVersion: string; base: Record<string, unknown> }) {
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const response = await page.request.post('/api/v1/sync/push', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      formatVersion: SYNC_FORMAT_VERSION,
      clientId,
      mutations: [{ id: uuidv7(), clientId, seq: 1, name: 'person.update', createdAt: new Date().toISOString(), ...mutation }],
    },
  });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { results: Array<{ status: string }> }).results[0]!.status;
}

describe('conflicts between two phones', () => {
  it('shows the field both changed side by side, merges the rest, and keeps the chosen value', async () => {
    const page = await browser.newPage();
    await login(page, 'petugas.kenanga');
    await page.getByText('Pekerjaan hari ini').waitFor();
    const found = (await (await page.request.get(`/api/v1/villages/${KENANGA}/people?q=Tarsini`)).json()) as {
      items: Array<{ id: string; name: string; version: string }>;
    };
    const { id, version } = found.items.find((person) => person.name === 'Tarsini')!;
    const before = (await (await page.request.get(`/api/v1/people/${id}`)).json()) as { phone: string | null; rt: string | null };

    // Two phones edited Tarsini from the same version without signal; phone B synced first.
    expect(await pushFromPhone(page, uuidv7(), { args: { id, phone: '081311112222' }, baseVersion: version, base: { phone: before.phone } })).toBe('applied');
    expect(
      await pushFromPhone(page, uuidv7(), {
        args: { id, phone: '085733334444', rt: '007' },
        baseVersion: version,
        base: { phone: before.phone, rt: before.rt },
      }),
    ).toBe('conflict');

    await page.goto('/sinkron');
    const card = page.getByTestId('conflict').filter({ hasText: 'Tarsini' });
    await card.waitFor();
    // Only the field both changed is in conflict; the other merged cleanly.
    expect(await card.getByRole('radiogroup').count()).toBe(1);
    await card.getByText('Nomor HP').waitFor();
    await card.getByRole('radio', { name: /081311112222/ }).check();
    await noHorizontalScroll(page);
    await card.getByRole('button', { name: 'Selesaikan konflik' }).click();
    await page.getByText('Konflik diselesaikan.').waitFor();
    await expect.poll(() => page.getByTestId('conflict').filter({ hasText: 'Tarsini' }).count()).toBe(0);

    const after = (await (await page.request.get(`/api/v1/people/${id}`)).json()) as { phone: string | null; rt: string | null };
    expect(after).toMatchObject({ phone: '081311112222', rt: '007' });
  });
});

describe('editing a resident without signal', () => {
  it('keeps the edit on the phone with a waiting badge, then sends only the changed field', async () => {
    const page = await browser.newPage();
    await login(page, 'petugas.kenanga');
    await page.getByText('Pekerjaan hari ini').waitFor();
    const found = (await (await page.request.get(`/api/v1/villages/${KENANGA}/people?q=Casmirah`)).json()) as {
      items: Array<{ id: string; name: string; version: string }>;
    };
    const { id, version } = found.items.find((person) => person.name === 'Casmirah')!;
    await page.goto(`/penduduk/${id}`);
    await page.getByRole('heading', { name: 'Casmirah' }).waitFor();

    await page.context().setOffline(true);
    await expect.poll(() => page.getByTestId('sync-indicator').getAttribute('data-online'), { timeout: 10_000 }).toBe('false');
    await page.getByRole('button', { name: 'Ubah data' }).click();
    await page.getByLabel('Nomor HP').fill('081299990001');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Casmirah disimpan di HP ini dan akan dikirim saat ada sinyal.').waitFor();
    await expect.poll(() => page.getByTestId('sync-badge').first().getAttribute('data-status')).toBe('waiting');
    await expect.poll(() => waitingCount(page)).toBe(1);
    await noHorizontalScroll(page);

    // Clearing the phone warns that the edit would be lost; cancelling keeps everything.
    await page.getByTestId('sync-indicator').click();
    await page.getByTestId('clear-device-data').click();
    await page.getByTestId('clear-waiting-warning').getByText('1 perubahan Anda belum terkirim').waitFor();
    await noHorizontalScroll(page);
    const clearDialog = page.getByRole('dialog', { name: 'Hapus data di perangkat ini?' });
    await clearDialog.getByRole('button', { name: 'Batal' }).click();
    await clearDialog.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await page.getByTestId('clear-device-data').waitFor({ state: 'hidden' });
    expect(await waitingCount(page)).toBe(1);
    expect(await localCount(page, 'people')).toBeGreaterThan(0);

    const pushed = page.waitForResponse((r) => r.url().includes('/api/v1/sync/push') && r.ok(), { timeout: 30_000 });
    await page.context().setOffline(false);
    const push = (await (await pushed).json()) as { results: Array<{ status: string }> };
    expect(push.results.map((result) => result.status)).toEqual(['applied']);
    await expect.poll(() => waitingCount(page), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('sync-badge').count()).toBe(0);

    const after = (await (await page.request.get(`/api/v1/people/${id}`)).json()) as { phone: string | null; version: string; name: string };
    expect(after).toMatchObject({ phone: '081299990001', name: 'Casmirah' });
    expect(BigInt(after.version)).toBeGreaterThan(BigInt(version));

    // Nothing waits any more: the phone's copy is cleared after confirming, without a warning.
    await page.getByTestId('sync-indicator').click();
    await page.getByTestId('clear-device-data').click();
    const dialog = page.getByRole('dialog', { name: 'Hapus data di perangkat ini?' });
    await dialog.getByRole('button', { name: 'Hapus', exact: true }).waitFor();
    expect(await dialog.getByTestId('clear-waiting-warning').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Hapus', exact: true }).click();
    await page.getByText('Data di perangkat ini sudah dihapus.').waitFor();
    expect(await localCount(page, 'people')).toBe(0);
  });
});

/** Rows of one table in the phone's IndexedDB copy. */
function localCount(page: Page, table: string): Promise<number> {
  return page.evaluate(
    (store) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('desmigratif');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(store).objectStore(store).count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}
