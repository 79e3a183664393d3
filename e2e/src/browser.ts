import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { DEMO_TOTP_SECRET, freshTotpCode } from './totp.js';

export const DEMO_PASSWORD = 'Desmigratif#2026';
export const PHONE = { width: 360, height: 740 };

/** Debian's Chromium, headless, with no calls home (the machine has no internet). */
export function useBrowser(): { browser: () => Browser; newPage: (options?: { viewport?: { width: number; height: number } }) => Promise<Page> } {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });
  return {
    browser: () => browser,
    newPage: async (options) => {
      const context = await browser.newContext({ baseURL: inject('baseUrl'), viewport: options?.viewport ?? PHONE, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
      contexts.push(context);
      return context.newPage();
    },
  };
}

/** Accounts that sign in with two-step verification, by the base32 secret their authenticator holds. */
const totpSecrets = new Map<string, string>([['admin', DEMO_TOTP_SECRET]]);

/** A journey that switched two-step verification on for an account signs it in with codes from then on. */
export function rememberTotpSecret(username: string, secret: string | null): void {
  if (secret) totpSecrets.set(username, secret);
  else totpSecrets.delete(username);
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  // Wait for the answer: navigating away at once would cancel the login request.
  await Promise.all([page.waitForResponse('**/api/v1/auth/login'), page.getByRole('button', { name: 'Masuk' }).click()]);
  const secret = totpSecrets.get(username);
  if (!secret) return;
  // The server asked for the code (TOTP_REQUIRED): type it as from the authenticator app.
  await page.getByLabel('Kode verifikasi').fill(await freshTotpCode(secret));
  await Promise.all([page.waitForResponse('**/api/v1/auth/login'), page.getByRole('button', { name: 'Masuk' }).click()]);
}
