import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { KENANGA } from '../test/probes.js';
import { type Session, useTestApp } from '../test/support.js';

/**
 * Names and notes that break naive code — quotes, SQL, markup, right-to-left text, emoji,
 * spreadsheet formulas — go in through the API and come back out unchanged: on the record,
 * in its list, in a search and in the xlsx export. The browser side (they render as text)
 * is e2e/src/xss.e2e.ts.
 */
const t = useTestApp();

export const HOSTILE = [
  `Siti "Ani" O'Brien`,
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  "Robert'); DROP TABLE people;--",
  "' OR '1'='1",
  'سيتي أمينة',
  'Dewi 👩‍👧 Lestari 🇮🇩',
  'Ani \u202Eanirtsel',
  '=HYPERLINK("http://contoh.invalid","klik")',
];

/** Does any string inside `value` equal `text` exactly? */
function holds(value: unknown, text: string): boolean {
  if (typeof value === 'string') return value === text;
  if (Array.isArray(value)) return value.some((v) => holds(v, text));
  if (value && typeof value === 'object') return Object.values(value).some((v) => holds(v, text));
  return false;
}

function json(res: LightMyRequestResponse): unknown {
  expect(res.statusCode, res.body).toBeLessThan(300);
  // JSON, never sniffed as HTML by a browser.
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  return res.json();
}

/** Every text cell of an xlsx download, failing if any cell became a formula. */
async function sheetTexts(res: LightMyRequestResponse): Promise<string[]> {
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const texts: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type, `cell ${cell.address} is a formula: ${JSON.stringify(cell.value)}`).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    ),
  );
  return texts;
}

let officer: Session;
let coordinator: Session;
const personIds: string[] = [];
beforeAll(async () => {
  officer = await t.login('petugas.kenanga');
  coordinator = await t.login('disnaker.indramayu');
  for (const [i, name] of HOSTILE.entries()) {
    // Women born 1 January 1990 in Kenanga's district: day 41, serial 901..909.
    const nik = `3212164101909${String(i + 1).padStart(2, '0')}`.padEnd(16, '0');
    const res = await officer.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/people`, payload: { nik, name, sex: 2, birthDate: '1990-01-01', migrantStatus: 'calon_pmi', dusun: name.slice(0, 100) } });
    expect(res.statusCode, res.body).toBe(201);
    personIds.push(res.json().id);
  }
});

describe('hostile text survives every round trip unchanged', () => {
  it('people: record, list, search and export', async () => {
    const exported = await sheetTexts(await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/people/export.xlsx` }));
    const everyone = json(await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/people?pageSize=200` })) as { total: number };
    for (const [i, name] of HOSTILE.entries()) {
      const person = json(await officer.request({ method: 'GET', url: `/api/v1/people/${personIds[i]}` }));
      expect(holds(person, name), `record: ${name}`).toBe(true);
      const found = json(await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/people?q=${encodeURIComponent(name)}&pageSize=200` })) as { items: Array<{ id: string; name: string }>; total: number };
      expect(found.items.find((p) => p.id === personIds[i])?.name, `search: ${name}`).toBe(name);
      // An SQL fragment is searched for as text, not run: it does not widen the result to everyone.
      expect(found.total, `search for ${name} matched everyone`).toBeLessThan(everyone.total);
      expect(exported, `export: ${name}`).toContain(name);
    }
    const listed = json(await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/people?pageSize=200&migrantStatus=calon_pmi` }));
    for (const name of HOSTILE) expect(holds(listed, name), `list: ${name}`).toBe(true);
  });

  it('service log: entry, list and export', async () => {
    for (const name of HOSTILE) {
      const res = await officer.request({ method: 'POST', url: `/api/v1/villages/${KENANGA}/services`, payload: { visitorName: name, serviceType: 'lainnya', serviceDate: '2026-01-05', notes: `Catatan: ${name}` } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const listed = json(await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/services?pageSize=200&month=2026-01` }));
    const exported = await sheetTexts(await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/services/export.xlsx?month=2026-01` }));
    for (const name of HOSTILE) {
      expect(holds(listed, name) && holds(listed, `Catatan: ${name}`), `list: ${name}`).toBe(true);
      expect(exported, `export: ${name}`).toContain(name);
    }
  });

  it('migration plans: plan, list and export', async () => {
    const planIds: string[] = [];
    for (const [i, name] of HOSTILE.entries()) {
      const res = await officer.request({
        method: 'POST',
        url: `/api/v1/people/${personIds[i]}/migration-plans`,
        payload: { destinationCountry: 'HK', occupation: name, sector: 'domestik', scheme: 'p_to_p', notes: name },
      });
      expect(res.statusCode, res.body).toBe(201);
      planIds.push(res.json().id);
    }
    const listed = json(await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/migration-plans` }));
    const exported = await sheetTexts(await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/migration-plans/export.xlsx` }));
    for (const [i, name] of HOSTILE.entries()) {
      expect(holds(json(await officer.request({ method: 'GET', url: `/api/v1/migration-plans/${planIds[i]}` })), name), `plan: ${name}`).toBe(true);
      expect(holds(listed, name), `list: ${name}`).toBe(true);
      expect(exported, `export: ${name}`).toContain(name);
    }
  });

  it('cases: description and notes on the case, in the lists and in the export', async () => {
    const reported = await officer.request({
      method: 'POST',
      url: `/api/v1/villages/${KENANGA}/cases`,
      payload: { migrantPersonId: personIds[0], reporterName: HOSTILE[1], caseType: 'lainnya', description: HOSTILE.join(' | ') },
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const caseId = reported.json().id as string;
    for (const name of HOSTILE) {
      const res = await officer.request({ method: 'POST', url: `/api/v1/cases/${caseId}/notes`, payload: { note: name } });
      expect(res.statusCode, res.body).toBe(200);
    }
    const detail = json(await officer.request({ method: 'GET', url: `/api/v1/cases/${caseId}` }));
    const villageList = json(await officer.request({ method: 'GET', url: `/api/v1/villages/${KENANGA}/cases?pageSize=200` }));
    const regencyExport = await sheetTexts(await coordinator.request({ method: 'GET', url: `/api/v1/cases/export.xlsx?within=${KENANGA}` }));
    expect(holds(detail, HOSTILE.join(' | '))).toBe(true);
    expect(holds(villageList, HOSTILE[1]!)).toBe(true);
    for (const name of HOSTILE) expect(holds(detail, name), `note: ${name}`).toBe(true);
    expect(regencyExport.some((text) => text.includes(HOSTILE[1]!) || text.includes(HOSTILE.join(' | '))), 'export holds the case text').toBe(true);
  });
});
