import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login, useBrowser } from './browser.js';

const browser = useBrowser();
const KENANGA = '3212162004';

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function see(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** A write through the online API with this browser's session (CSRF header from /auth/me). */
async function post<T>(page: Page, url: string, data: unknown): Promise<T> {
  const { csrfToken } = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const response = await page.request.post(url, { headers: { 'x-csrf-token': csrfToken }, data });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as T;
}

/** Today in Western Indonesia Time plus some days, as YYYY-MM-DD. */
function wibDate(daysAhead: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

const indonesianDate = (date: string) =>
  new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

describe('personal data on a 360 px phone', () => {
  it('records a consent that holds until a date, and shows how long it has left', async () => {
    const page = await browser.newPage();
    await login(page, 'petugas.kenanga');
    const person = await post<{ id: string }>(page, `/api/v1/villages/${KENANGA}/people`, {
      nik: '3212164504920901',
      name: 'Ratna Berjangka',
      sex: 2,
      birthDate: '1992-04-05',
    });
    await page.goto(`/penduduk/${person.id}`);
    await page.getByRole('heading', { name: 'Ratna Berjangka' }).waitFor();
    await page.getByRole('button', { name: 'Catat dasar' }).click();
    await page.getByRole('textbox', { name: /^Dasar pemrosesan/ }).or(page.getByRole('combobox', { name: /^Dasar pemrosesan/ })).first().click();
    await page.getByRole('option', { name: 'Persetujuan' }).click();
    await page.getByLabel('Nama yang memberi persetujuan').fill('Ratna Berjangka');
    const until = wibDate(10);
    await page.getByLabel('Berlaku sampai').fill(until);
    await see(page, `Berlaku sampai ${indonesianDate(until)}`);
    await noHorizontalScroll(page);
    await page.getByRole('button', { name: 'Simpan' }).click();
    await see(page, 'Dasar pemrosesan tercatat.');
    await see(page, 'Berakhir dalam 10 hari');
    await see(page, `Berlaku sampai ${indonesianDate(until)}`);
    await noHorizontalScroll(page);
  });

  it('erases what a resident asks to have erased, shows what the law keeps, and closes the request', async () => {
    const page = await browser.newPage();
    await login(page, 'petugas.kenanga');
    const person = await post<{ id: string }>(page, `/api/v1/villages/${KENANGA}/people`, {
      nik: '3212164606930902',
      name: 'Wulan Minta Hapus',
      sex: 2,
      birthDate: '1993-06-06',
      phone: '081355556666',
    });
    const request = await post<{ id: string; version: string }>(page, `/api/v1/villages/${KENANGA}/data-subject-requests`, {
      personId: person.id,
      kind: 'penghapusan',
      requesterName: 'Wulan Minta Hapus',
    });
    await post(page, `/api/v1/data-subject-requests/${request.id}/transitions`, { to: 'diproses', version: request.version });

    await page.goto(`/desa/${KENANGA}/permintaan-data?personId=${person.id}`);
    await page.getByRole('button', { name: 'Hapus data…' }).click();
    await see(page, 'Tetap disimpan karena diwajibkan undang-undang');
    await see(page, 'Data kependudukan');
    await noHorizontalScroll(page);
    // Nothing of hers in the other categories: they cannot be chosen.
    expect(await page.getByRole('checkbox', { name: /Pindaian dokumen/ }).isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: /Nomor telepon/ }).check();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await see(page, 'Yang akan dihapus:');
    await see(page, 'Penghapusan tidak dapat dibatalkan.');
    await page.getByRole('button', { name: 'Hapus data', exact: true }).click();
    await see(page, 'Data dihapus dan permintaan ditutup.');
    await see(page, '1 catatan dihapus');
    await see(page, /^Dihapus: nomor telepon \(1\)\./);
    await noHorizontalScroll(page);

    const detail = (await (await page.request.get(`/api/v1/people/${person.id}`)).json()) as { name: string; phone: string | null };
    expect(detail).toMatchObject({ name: 'Wulan Minta Hapus', phone: null });
  });
});
