// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fileProblem, maxMegabytes } from './fileCheck';

describe('fileProblem', () => {
  it('accepts an OpenSID workbook or a CSV, whatever the case of the extension', () => {
    expect(fileProblem({ name: 'Data Penduduk Kenanga.XLSX', size: 42_000 })).toBeNull();
    expect(fileProblem({ name: 'penduduk.csv', size: 1_000 })).toBeNull();
  });

  it('refuses an old .xls, a PDF, an empty file and one over the limit', () => {
    expect(fileProblem({ name: 'penduduk.xls', size: 1_000 })).toBe('type');
    expect(fileProblem({ name: 'scan.pdf', size: 1_000 })).toBe('type');
    expect(fileProblem({ name: 'kosong.csv', size: 0 })).toBe('empty');
    expect(fileProblem({ name: 'besar.xlsx', size: maxMegabytes * 1024 * 1024 + 1 })).toBe('size');
  });
});
