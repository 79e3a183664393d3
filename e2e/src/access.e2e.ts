import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, login, useBrowser } from './browser.js';

const browser = useBrowser();

/** Waits until the text is visible on the page (Playwright's auto-waiting locator). */
async function see(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('signing in on a 360 px phone', () => {
  it('shows the Indonesian error for a wrong password and keeps the username typed', async () => {
    const page = await browser.newPage();
    await login(page, 'petugas.kenanga', 'kata-sandi-salah');
    await see(page, 'Nama pengguna atau kata sandi salah.');
    expect(await page.getByLabel('Nama pengguna').inputValue()).toBe('petugas.kenanga');
    expect(page.url()).toContain('/masuk');
    await noHorizontalScroll(page);
  });

  it('a village officer sees their own village and only that', async () => {
    const page = await browser.newPage();
    await login(page, 'petugas.kenanga');
    await see(page, 'Siti Rohmah');
    await see(page, /Kenanga/);
    await noHorizontalScroll(page);

    await page.goto('/desa');
    await see(page, 'Kenanga');
    const listed = await page.getByTestId('village-item').allInnerTexts();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain('Kenanga');
    expect(await page.content()).not.toContain('Kuripan');
    await noHorizontalScroll(page);

    // Asking for another village directly: the server refuses, the page says so.
    await page.goto('/desa/3307102004');
    await see(page, 'Data ini berada di luar wilayah akses Anda.');
    const api = await page.request.get('/api/v1/program/villages/3307102004');
    expect(api.status()).toBe(403);
  });

  it('a regency coordinator sees the regency\'s villages and no other regency\'s', async () => {
    const page = await browser.newPage();
    await login(page, 'disnaker.indramayu');
    await page.goto('/desa');
    await see(page, 'Kroya');
    const listed = (await page.getByTestId('village-item').allInnerTexts()).join('\n');
    expect(listed).toContain('Kenanga');
    expect(listed).toContain('Kroya');
    expect(listed).not.toContain('Kuripan');
    expect(listed).not.toContain('Pijot');
    await noHorizontalScroll(page);
  });
});

describe('leaving and arriving on a shared phone', () => {
  it('"Keluar" lands on the login page, with the village\'s data gone, also after pressing Back', async () => {
    const page = await browser.newPage();
    await login(page, 'petugas.kenanga');
    await see(page, 'Siti Rohmah');
    await page.goto('/penduduk');
    await page.getByTestId('person-item').filter({ hasText: 'Sri Mulyani' }).waitFor();

    await page.getByRole('button', { name: 'Menu akun' }).click();
    await page.getByRole('menuitem', { name: 'Keluar' }).click();
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/masuk');
    const afterLogout = await page.content();
    for (const shown of ['Sri Mulyani', 'Siti Rohmah', '3212164907860002']) expect(afterLogout).not.toContain(shown);
    expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);

    // Back returns to the registry's address, whose guard sends the visitor to the login page again.
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/masuk' && url.searchParams.get('redirect') !== null);
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
    expect(new URL(page.url()).searchParams.get('redirect')).toContain('/penduduk/desa/3212162004');
    const afterBack = await page.content();
    for (const shown of ['Sri Mulyani', 'Siti Rohmah', '3212164907860002']) expect(afterBack).not.toContain(shown);
    await noHorizontalScroll(page);
  });

  it('a new officer with a temporary password is held on "Ubah kata sandi", then lands on Beranda with the menu', async () => {
    // An admin creates the account, as the "Pengguna" screen does: a cookie session and its CSRF token.
    const admin = await browser.newPage();
    await login(admin, 'admin');
    await see(admin, /Selamat datang/);
    const { csrfToken } = (await (await admin.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
    const username = `petugas.baru${Date.now() % 1_000_000}`;
    const temporary = 'Sementara-Kenanga-1';
    const created = await admin.request.post('/api/v1/users', {
      headers: { 'x-csrf-token': csrfToken },
      data: { username, fullName: 'Yati Suryani', role: 'petugas_desa', scopeCode: '3212162004', password: temporary },
    });
    expect(created.status()).toBe(201);

    const page = await browser.newPage();
    await login(page, username, temporary);
    await page.waitForURL((url) => url.pathname === '/ubah-kata-sandi');
    await see(page, 'Anda masuk dengan kata sandi sementara. Buat kata sandi baru sebelum melanjutkan.');
    // No other page opens until the password is changed, and there is no menu to reach one.
    expect(await page.getByRole('button', { name: 'Buka atau tutup menu' }).count()).toBe(0);
    await page.goto('/penduduk');
    await page.waitForURL((url) => url.pathname === '/ubah-kata-sandi');
    await see(page, 'Anda masuk dengan kata sandi sementara.');
    await noHorizontalScroll(page);

    const chosen = 'Kerupuk-Mangga-Sindang-7';
    expect(chosen).not.toBe(DEMO_PASSWORD);
    await page.getByLabel('Kata sandi lama').fill(temporary);
    await page.getByLabel(/^Kata sandi baru/).fill(chosen);
    await page.getByLabel('Ulangi kata sandi baru').fill(chosen);
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await see(page, 'Kata sandi berhasil diubah.');

    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: 'Selamat datang, Yati Suryani' }).waitFor();
    await page.getByRole('button', { name: 'Buka atau tutup menu' }).click();
    const menu = page.getByRole('navigation', { name: 'Menu utama' });
    for (const item of ['Beranda', 'Desa saya', 'Penduduk', 'Wilayah']) {
      await menu.getByRole('link', { name: item }).waitFor();
    }
    await menu.getByRole('link', { name: 'Penduduk' }).click();
    await page.getByTestId('person-item').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/penduduk/desa/3212162004');

    // The new password is the one that works from now on.
    const again = await browser.newPage();
    await login(again, username, chosen);
    await again.waitForURL((url) => url.pathname === '/');
    await again.getByRole('heading', { name: 'Selamat datang, Yati Suryani' }).waitFor();
  });
});
