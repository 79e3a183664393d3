import type { APIResponse, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, useBrowser } from './browser.js';

const browser = useBrowser();
const KENANGA = '3212162004';

/** Each would run script if it reached the page as markup; the browser must show it as text. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '<svg onload=alert(3)>',
  `Siti "Ani" O'Brien <b>tebal</b>`,
  'سيتي أمينة',
  "Robert'); DROP TABLE people;--",
];

async function ok(res: APIResponse): Promise<{ id: string }> {
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

/**
 * Signs the page's browser context in through the API (the session cookie is shared with the
 * page) and makes Kenanga records named with every hostile string: residents, a case with
 * notes.
 */
async function seedHostileRecords(page: Page): Promise<{ personIds: string[]; caseId: string }> {
  const login = await ok(await page.request.post('/api/v1/auth/login', { data: { username: 'petugas.kenanga', password: DEMO_PASSWORD } }));
  const headers = { 'x-csrf-token': (login as unknown as { csrfToken: string }).csrfToken };
  const personIds: string[] = [];
  for (const [i, name] of HOSTILE.entries()) {
    const nik = `32121641019008${String(i + 1).padStart(2, '0')}`;
    const person = await ok(
      await page.request.post(`/api/v1/villages/${KENANGA}/people`, { headers, data: { nik, name, sex: 2, birthDate: '1990-01-01', migrantStatus: 'calon_pmi', dusun: name.slice(0, 100) } }),
    );
    personIds.push(person.id);
  }
  const reported = await ok(
    await page.request.post(`/api/v1/villages/${KENANGA}/cases`, {
      headers,
      data: { migrantPersonId: personIds[0], reporterName: HOSTILE[1], caseType: 'lainnya', description: HOSTILE.join(' ') },
    }),
  );
  for (const note of HOSTILE) await ok(await page.request.post(`/api/v1/cases/${reported.id}/notes`, { headers, data: { note } }));
  return { personIds, caseId: reported.id };
}

/** Nothing injected: no dialog opened, no element the strings would create, and the strings shown as text. */
async function expectInert(page: Page, dialogs: string[], shown: string[]): Promise<void> {
  for (const text of shown) await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: 15_000 });
  const injected = await page.evaluate(() => ({
    scripts: Array.from(document.querySelectorAll('script')).filter((s) => s.textContent?.includes('alert(')).length,
    images: document.querySelectorAll('img[src="x"], img[onerror]').length,
    svgs: document.querySelectorAll('svg[onload]').length,
    bold: Array.from(document.querySelectorAll('b')).filter((b) => b.textContent === 'tebal').length,
  }));
  expect(injected).toEqual({ scripts: 0, images: 0, svgs: 0, bold: 0 });
  expect(dialogs).toEqual([]);
}

describe('hostile names render as text', () => {
  it('on the people list, the person page and the case page, no script runs and no element is injected', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const { personIds, caseId } = await seedHostileRecords(page);

    // The people list, searched as an officer would.
    await page.goto(`/penduduk/desa/${KENANGA}?q=${encodeURIComponent('alert')}`);
    await expectInert(page, dialogs, [HOSTILE[0]!, HOSTILE[1]!]);

    for (const [i, name] of HOSTILE.entries()) {
      await page.goto(`/penduduk/${personIds[i]}`);
      await page.getByRole('heading', { name }).waitFor({ timeout: 15_000 });
      await expectInert(page, dialogs, [name]);
    }

    await page.goto(`/kasus/${caseId}`);
    await expectInert(page, dialogs, HOSTILE.slice(2));
  });
});
