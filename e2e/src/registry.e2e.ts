import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, useBrowser } from './browser.js';

const browser = useBrowser();

async function see(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('the registry of residents on a 360 px phone', () => {
  it('an officer registers a resident without a NIK yet, under a temporary NIK, and finds them in the list', async () => {
    const page = await browser.newPage();
    await login(page, 'petugas.kenanga');
    // A village officer's "Penduduk" goes straight to their own village.
    await page.goto('/penduduk');
    await page.getByTestId('person-item').first().waitFor();
    expect(page.url()).toContain('/penduduk/desa/3212162004');
    await noHorizontalScroll(page);

    await page.getByRole('link', { name: 'Tambah penduduk' }).click();
    const nik = page.getByRole('textbox', { name: 'NIK', exact: true });
    await nik.fill('321216520390000');
    await nik.blur();
    await see(page, 'NIK harus 16 digit angka');

    await page.getByRole('button', { name: 'Belum punya NIK — pakai NIK sementara' }).click();
    await expect.poll(() => nik.inputValue()).toMatch(/^03212162004\d{5}$/);
    await see(page, /^NIK sementara: ganti dengan NIK/);
    expect(await page.getByText('NIK harus 16 digit angka').count()).toBe(0);

    await page.getByLabel('Nama lengkap').fill('Rukmini Sartika');
    await page.getByRole('combobox', { name: 'Jenis kelamin' }).click();
    await page.getByRole('option', { name: 'Perempuan' }).click();
    await page.getByLabel('Tanggal lahir').fill('1994-08-17');
    await page.getByLabel('Dusun').fill('Blok Mangga');
    await noHorizontalScroll(page);
    await page.getByRole('button', { name: 'Simpan penduduk' }).click();

    await page.getByRole('heading', { name: 'Rukmini Sartika' }).waitFor();
    await see(page, 'sementara');
    await noHorizontalScroll(page);

    await page.getByRole('link', { name: 'Daftar penduduk' }).click();
    const row = page.getByTestId('person-item').filter({ hasText: 'Rukmini Sartika' });
    await row.waitFor();
    // textContent: the badge is shown in capitals by CSS, its text is "sementara".
    expect(await row.textContent()).toMatch(/03212162004\d{5}/);
    expect(await row.textContent()).toContain('sementara');
    await noHorizontalScroll(page);
  });

  it('a regency coordinator sees NIKs masked', async () => {
    const page = await browser.newPage();
    await login(page, 'disnaker.indramayu');
    await page.goto('/penduduk');
    await page.getByRole('link', { name: /Kenanga/ }).first().click();
    const row = page.getByTestId('person-item').filter({ hasText: 'Sri Mulyani' });
    await row.waitFor();
    expect(await row.textContent()).toContain('3212••••••••0002');
    expect(await page.content()).not.toContain('3212164907860002');
    await noHorizontalScroll(page);

    await row.click();
    await page.getByRole('heading', { name: 'Sri Mulyani' }).waitFor();
    expect(await page.content()).not.toContain('3212164907860002');
    await see(page, '3212••••••••0002');
  });
});
