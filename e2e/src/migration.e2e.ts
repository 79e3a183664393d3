import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, useBrowser } from './browser.js';

const browser = useBrowser();
const KENANGA = '3212162004';

async function see(page: Page | Locator, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
}

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

function inMonths(months: number): string {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Registers a resident through "Tambah penduduk" and lands on their page. */
async function registerResident(page: Page, person: { nik: string; name: string; birthDate: string }): Promise<void> {
  await page.goto(`/penduduk/desa/${KENANGA}/baru`);
  await page.getByRole('textbox', { name: 'NIK', exact: true }).fill(person.nik);
  await page.getByLabel('Nama lengkap').fill(person.name);
  await page.getByRole('combobox', { name: 'Jenis kelamin' }).click();
  await page.getByRole('option', { name: 'Perempuan' }).click();
  await page.getByLabel('Tanggal lahir').fill(person.birthDate);
  await page.getByRole('button', { name: 'Simpan penduduk' }).click();
  await page.getByRole('heading', { name: person.name }).waitFor();
}

describe('the village migration service centre on a 360 px phone', () => {
  it('a visitor is served, registered, given a plan, and becomes ready once every required document is ticked', async () => {
    const page = await browser.newPage();
    await login(page, 'petugas.kenanga');
    await page.getByText('Pekerjaan hari ini').waitFor();

    // 1. A walk-in visitor asks about safe migration: recorded in a few taps.
    await page.goto('/layanan');
    await page.waitForURL(`**/layanan/desa/${KENANGA}**`);
    await page.getByText('Pengunjung', { exact: true }).click();
    await page.getByLabel('Nama pengunjung').fill('Wartini Susanti');
    await page.getByText('Informasi migrasi aman', { exact: true }).first().click();
    await page.getByRole('button', { name: 'Simpan layanan' }).click();
    await see(page, 'Layanan untuk Wartini Susanti tersimpan.');
    await noHorizontalScroll(page);

    // 2. She decides to go: registered as a resident.
    await registerResident(page, { nik: '3212165204960099', name: 'Wartini Susanti', birthDate: '1996-04-12' });

    // 3. A plan: factory work in Hong Kong through a licensed P3MI.
    await page.getByRole('link', { name: 'Buat rencana migrasi' }).or(page.getByRole('button', { name: 'Buat rencana migrasi' })).first().click();
    await page.getByRole('heading', { name: 'Buat rencana migrasi' }).waitFor();
    await choose(page, 'Negara tujuan', 'Hong Kong', 'Hong');
    await page.getByLabel('Jabatan/pekerjaan').fill('Operator produksi');
    await choose(page, 'Sektor', /^Formal/);
    await choose(page, 'Skema penempatan', /^P to P/);
    await page.getByRole('combobox', { name: 'Nama P3MI/agensi' }).fill('PT Duta Karya Mandiri');
    await page.keyboard.press('Escape');
    await page.getByLabel('Nomor izin (SIP3MI)').fill('KEP.123/PPTK/2022');
    await page.getByLabel('Nomor job order').fill('JO/HK/2026/0042');
    await choose(page, 'Jenis visa', 'Visa kerja');
    await page.getByLabel('Perkiraan tanggal berangkat').fill(inMonths(4));
    await noHorizontalScroll(page);
    await page.getByRole('button', { name: 'Simpan rencana' }).click();
    await see(page, 'Daftar dokumen');
    await see(page, 'Belum siap berangkat');
    await noHorizontalScroll(page);

    // 4. Every required paper ticked "Lengkap" as it is brought in.
    for (let guard = 0; guard < 20; guard += 1) {
      const pending = page
        .locator('.mantine-Card-root')
        .filter({ hasText: 'Wajib' })
        .filter({ hasNot: page.getByText('Lengkap', { exact: true }) })
        .filter({ has: page.getByRole('button', { name: 'Catat dokumen' }) });
      if ((await pending.count()) === 0) break;
      // Pin the card by its document's name: once its editor opens it no longer matches `pending`.
      const label = (await pending.first().locator('.mantine-Text-root').first().innerText()).trim();
      const card = page.locator('.mantine-Card-root').filter({ has: page.getByText(label, { exact: true }) }).first();
      await card.getByRole('button', { name: 'Catat dokumen' }).click();
      await card.getByRole('textbox', { name: /^Status/ }).or(card.getByRole('combobox', { name: /^Status/ })).first().click();
      await page.getByRole('option', { name: 'Lengkap', exact: true }).click();
      await card.getByLabel('Nomor dokumen').fill(`DOK-${guard + 1}`);
      await card.getByRole('button', { name: 'Simpan' }).click();
      await card.getByText('Lengkap', { exact: true }).waitFor();
    }
    await see(page, 'Semua dokumen wajib sudah lengkap');
    await noHorizontalScroll(page);

    // The officer's list says so too.
    await page.goto(`/rencana-migrasi/desa/${KENANGA}`);
    const row = page.locator('a, div').filter({ hasText: 'Wartini Susanti' }).filter({ hasText: 'Siap berangkat' }).first();
    await row.waitFor();
  });

  it('a red-flag plan and a family complaint reach the regency coordinator', async () => {
    const page = await browser.newPage();
    await login(page, 'petugas.kenanga');

    // A tourist visa to Saudi Arabia for housework, recruiter only on social media.
    await registerResident(page, { nik: '3212164907980098', name: 'Yuyun Rohaeni', birthDate: '1998-07-09' });
    await page.getByRole('link', { name: 'Buat rencana migrasi' }).or(page.getByRole('button', { name: 'Buat rencana migrasi' })).first().click();
    await page.getByRole('heading', { name: 'Buat rencana migrasi' }).waitFor();
    await choose(page, 'Negara tujuan', 'Arab Saudi', 'Arab');
    await page.getByLabel('Jabatan/pekerjaan').fill('Pengurus rumah tangga');
    await choose(page, 'Sektor', /^Domestik/);
    await see(page, 'Arab Saudi: penempatan pekerja rumah tangga dihentikan');
    await choose(page, 'Skema penempatan', /^Mandiri/);
    await page.getByRole('combobox', { name: 'Nama P3MI/agensi' }).fill('Sponsor Pak Darto');
    await page.keyboard.press('Escape');
    await choose(page, 'Jenis visa', 'Visa turis/wisata');
    await choose(page, 'Cara menghubungi perekrut', 'Hanya lewat media sosial/telepon');
    await page.getByRole('button', { name: 'Simpan rencana' }).click();
    await see(page, /tanda bahaya penempatan nonprosedural/);
    await see(page, 'Bahaya tinggi');
    await noHorizontalScroll(page);

    // Her husband reports that a relative abroad has not been paid: the village refers it.
    await page.goto('/kasus/baru');
    await page.getByRole('heading', { name: 'Kasus baru' }).waitFor();
    const migrant = page.getByRole('textbox', { name: 'PMI yang dilaporkan' }).or(page.getByRole('combobox', { name: 'PMI yang dilaporkan' })).first();
    await migrant.click();
    await migrant.fill('Yuyun');
    await page.getByRole('option', { name: /Yuyun Rohaeni/ }).first().click();
    await choose(page, 'Jenis kasus', 'Gaji tidak dibayar');
    await page.getByLabel('Uraian kasus').fill('Gaji empat bulan belum dibayar majikan; keluarga sudah menghubungi sponsor tanpa hasil.');
    await page.getByLabel('Nama pelapor').fill('Darmaji');
    await choose(page, 'Hubungan dengan PMI', /Suami\/istri|Pasangan/);
    await page.getByRole('button', { name: 'Simpan kasus' }).click();
    await page.getByText('Riwayat penanganan').waitFor();
    await noHorizontalScroll(page);
    for (const step of ['Ditangani desa', 'Dirujuk ke kabupaten']) {
      await page.getByRole('button', { name: `Pindahkan ke: ${step}` }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Catatan langkah ini').fill(step === 'Ditangani desa' ? 'Petugas menghubungi keluarga.' : 'Perlu bantuan Disnaker dan perwakilan RI.');
      await dialog.getByRole('button', { name: 'Simpan langkah' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    await see(page, 'Dirujuk ke kabupaten');

    // The coordinator's home shows both without anyone forwarding anything.
    const coordinator = await browser.newPage();
    await login(coordinator, 'disnaker.indramayu');
    const flags = coordinator.getByTestId('regency-red-flags');
    await flags.getByText('Yuyun Rohaeni').first().waitFor();
    const referred = coordinator.getByTestId('regency-referred-cases');
    await referred.getByText('Yuyun Rohaeni').first().waitFor();
    await noHorizontalScroll(coordinator);
    expect(await coordinator.content()).not.toContain('3212164907980098');
  });
});
