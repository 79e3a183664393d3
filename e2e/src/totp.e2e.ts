import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, login, rememberTotpSecret, useBrowser } from './browser.js';
import { DEMO_TOTP_SECRET, freshTotpCode, timeStep, totpCode } from './totp.js';

const browser = useBrowser();

async function see(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
}

async function noHorizontalScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Menu akun' }).click();
  await page.getByRole('menuitem', { name: 'Keluar' }).click();
  await page.waitForURL((url) => url.pathname === '/masuk');
}

/** Username and password typed; the server answers TOTP_REQUIRED and the code is asked. */
async function passwordStep(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await see(page, `Masuk sebagai ${username}`);
}

describe('Verifikasi dua langkah', () => {
  it('the journeys compute codes as an authenticator app does (RFC 6238 test vector)', () => {
    // Appendix B, T = 59: 94287082 in 8 digits, so 287082 in 6.
    expect(totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', timeStep(59))).toBe('287082');
  });

  it('a coordinator turns it on by scanning, keeps the recovery codes, and signs in with a code or a recovery code', async () => {
    const page = await browser.newPage();
    await login(page, 'disnaker.wonosobo');
    await see(page, /Selamat datang/);
    await page.getByRole('button', { name: 'Menu akun' }).click();
    await page.getByRole('menuitem', { name: 'Keamanan akun' }).click();
    await page.waitForURL((url) => url.pathname === '/keamanan-akun');
    await see(page, 'Verifikasi dua langkah');
    await page.getByRole('button', { name: 'Aktifkan verifikasi dua langkah' }).click();

    // "Scanning": the QR image is there; the app reads the same secret that is shown for typing.
    const qr = page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await noHorizontalScroll(page);

    await page.getByLabel('Kode verifikasi').fill('000000' === totpCode(secret) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Aktifkan', exact: true }).click();
    await see(page, /Kode salah/);
    await page.getByLabel('Kode verifikasi').fill(await freshTotpCode(secret));
    await page.getByRole('button', { name: 'Aktifkan', exact: true }).click();
    await see(page, 'Verifikasi dua langkah aktif. Sesi di perangkat lain telah diakhiri.');
    const codes = await page.getByRole('list', { name: 'Kode pemulihan' }).getByRole('listitem').allInnerTexts();
    expect(codes).toHaveLength(8);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
    await page.getByRole('button', { name: 'Salin semua' }).waitFor();
    await page.getByRole('button', { name: 'Cetak' }).waitFor();
    await noHorizontalScroll(page);
    await page.getByRole('button', { name: 'Saya sudah menyimpan kode ini' }).click();
    await see(page, 'Sisa kode pemulihan: 8.');
    expect(await page.getByTestId('totp-state').textContent()).toBe('Aktif');
    rememberTotpSecret('disnaker.wonosobo', secret);

    // Signing in again: the password first, then the code; a wrong code keeps the password typed.
    await signOut(page);
    await passwordStep(page, 'disnaker.wonosobo');
    expect(await page.getByLabel('Kata sandi').count()).toBe(0);
    await page.getByLabel('Kode verifikasi').fill(totpCode(secret) === '123456' ? '654321' : '123456');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await see(page, 'Kode verifikasi salah atau sudah dipakai. Masukkan kode terbaru dari aplikasi autentikator.');
    await noHorizontalScroll(page);
    await page.getByLabel('Kode verifikasi').fill(await freshTotpCode(secret));
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await see(page, /Selamat datang/);

    // The phone left at home: one recovery code instead, which then is used up.
    await signOut(page);
    await passwordStep(page, 'disnaker.wonosobo');
    await page.getByRole('button', { name: 'Gunakan kode pemulihan' }).click();
    await page.getByLabel('Kode pemulihan').fill(codes[0]!.toUpperCase());
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/keamanan-akun');
    await see(page, 'Sisa kode pemulihan: 7.');
  });

  it('a new admin is held on "Keamanan akun" until two-step verification is on', async () => {
    // The demo admin (two-step on, demo secret) creates a provincial admin through the API.
    const admin = await browser.newPage();
    const signedIn = await admin.request.post('/api/v1/auth/login', {
      data: { username: 'admin', password: DEMO_PASSWORD, totpCode: await freshTotpCode(DEMO_TOTP_SECRET) },
    });
    expect(signedIn.status()).toBe(200);
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    const username = `admin.ntb${Date.now() % 1_000_000}`;
    const temporary = 'Sementara-Mataram-52';
    const created = await admin.request.post('/api/v1/users', {
      headers: { 'x-csrf-token': csrfToken },
      data: { username, fullName: 'Admin Nusa Tenggara Barat', role: 'admin', scopeCode: '52', password: temporary },
    });
    expect(created.status()).toBe(201);

    const page = await browser.newPage();
    await login(page, username, temporary);
    await page.waitForURL((url) => url.pathname === '/ubah-kata-sandi');
    const chosen = 'Rinjani-Sembalun-Lombok-9';
    await page.getByLabel('Kata sandi lama').fill(temporary);
    await page.getByLabel(/^Kata sandi baru/).fill(chosen);
    await page.getByLabel('Ulangi kata sandi baru').fill(chosen);
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();

    await page.waitForURL((url) => url.pathname === '/keamanan-akun');
    await page.getByTestId('totp-required').waitFor();
    await see(page, 'Akun admin wajib memakai verifikasi dua langkah.');
    expect(await page.getByRole('button', { name: 'Buka atau tutup menu' }).count()).toBe(0);
    await page.goto('/pengguna');
    await page.waitForURL((url) => url.pathname === '/keamanan-akun');
    await noHorizontalScroll(page);

    await page.getByRole('button', { name: 'Aktifkan verifikasi dua langkah' }).click();
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    await page.getByLabel('Kode verifikasi').fill(await freshTotpCode(secret));
    await page.getByRole('button', { name: 'Aktifkan', exact: true }).click();
    await page.getByTestId('recovery-codes').waitFor();
    await page.getByRole('button', { name: 'Saya sudah menyimpan kode ini' }).click();
    // Now the app opens up: the menu is back and other pages load.
    await page.getByRole('button', { name: 'Buka atau tutup menu' }).waitFor();
    expect(await page.getByRole('button', { name: 'Matikan' }).count()).toBe(0);
    await page.goto('/pengguna');
    await page.waitForURL((url) => url.pathname === '/pengguna');
  });
});
