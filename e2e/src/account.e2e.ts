import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, useBrowser } from './browser.js';

const browser = useBrowser();

async function see(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
}

describe('Keamanan akun: active sessions', () => {
  it('an officer sees both devices on a 360 px phone and signs the laptop out from the phone', async () => {
    const laptop = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await login(laptop, 'petugas.kuripan');
    await see(laptop, /Selamat datang/);
    const phone = await browser.newPage();
    await login(phone, 'petugas.kuripan');
    await see(phone, /Selamat datang/);

    await phone.getByRole('button', { name: 'Menu akun' }).click();
    await phone.getByRole('menuitem', { name: 'Keamanan akun' }).click();
    await phone.waitForURL((url) => url.pathname === '/keamanan-akun');
    const sessions = phone.getByRole('list', { name: 'Sesi aktif' }).getByRole('listitem');
    await see(phone, 'Perangkat ini');
    expect(await sessions.count()).toBe(2);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    await phone.getByRole('button', { name: 'Keluar dari perangkat lain' }).click();
    await see(phone, '1 sesi lain diakhiri.');
    await see(phone, 'Akun ini hanya masuk di perangkat ini.');
    expect(await sessions.count()).toBe(1);

    // The laptop's next page load finds its session gone and asks for a login.
    await laptop.reload();
    await laptop.waitForURL((url) => url.pathname === '/masuk');
  });
});
