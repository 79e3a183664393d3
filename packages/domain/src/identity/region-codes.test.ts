import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readIdnAreaData, regionCodesFile, renderRegionCodes } from '../../scripts/generate-region-codes.js';
import { provinceCodes, regencyDistrictCodes, regionCodesSource } from './region-codes.js';

describe('generated region codes', () => {
  it('equal what the generator writes from the installed idn-area-data (run the script after an upgrade)', () => {
    expect(readFileSync(regionCodesFile, 'utf8')).toBe(renderRegionCodes(readIdnAreaData()));
  });

  it('hold the 38 provinces, 514 regencies and 7,277 districts of idn-area-data 3.1.2', () => {
    expect(regionCodesSource).toBe('idn-area-data@3.1.2');
    expect(provinceCodes.split(' ')).toHaveLength(38);
    expect(regencyDistrictCodes).toHaveLength(514);
    const districts = regencyDistrictCodes.reduce((sum, entry) => sum + entry.split(' ').length - 1, 0);
    expect(districts).toBe(7277);
  });

  it('refuses data in which a district does not sit under its regency', () => {
    const data = {
      version: 'test',
      provinces: 'code,name\n32,JAWA BARAT\n',
      regencies: 'code,province_code,name\n32.12,32,KABUPATEN INDRAMAYU\n',
      districts: 'code,regency_code,name\n32.13.16,32.12,Sindang\n',
    };
    expect(() => renderRegionCodes(data)).toThrow('districts.csv: 321316 does not belong to a known regency 3212');
  });
});
