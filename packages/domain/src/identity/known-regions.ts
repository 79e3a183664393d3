import { provinceCodes, regencyDistrictCodes } from './region-codes.js';

/**
 * Whether Kemendagri province, regency and district codes exist, per the generated
 * list in region-codes.ts.
 *
 * Caveat (pemekaran): the list holds today's codes. A NIK or No. KK keeps the code of
 * the region where it was first issued, even after that region was split or moved to a
 * new province. Most old district codes survive a split, but not all: NIKs issued in
 * Merauke before Papua Selatan was formed (2022) begin 9101, and 91.01 no longer exists
 * (Merauke is now 93.01); the districts Pangandaran took from Ciamis in 2012 (32.07.2x)
 * are gone too. Such real numbers are reported as unknown; the officer checks them
 * against the KTP or KK itself.
 */

type RegionSets = { provinces: Set<string>; regencies: Set<string>; districts: Set<string> };

let sets: RegionSets | undefined;

/** Built on first use, so importing this module costs nothing until a number is checked. */
function regionSets(): RegionSets {
  if (sets) return sets;
  const built: RegionSets = {
    provinces: new Set(provinceCodes.split(' ')),
    regencies: new Set(),
    districts: new Set(),
  };
  for (const entry of regencyDistrictCodes) {
    const [regency = '', ...suffixes] = entry.split(' ');
    built.regencies.add(regency);
    for (const suffix of suffixes) built.districts.add(regency + suffix);
  }
  sets = built;
  return built;
}

export type RegionLevel = 'province' | 'regency' | 'district';

/** Whether a 2-digit province, 4-digit regency or 6-digit district code exists. */
export function isKnownRegionCode(code: string): boolean {
  const { provinces, regencies, districts } = regionSets();
  if (code.length === 2) return provinces.has(code);
  if (code.length === 4) return regencies.has(code);
  if (code.length === 6) return districts.has(code);
  return false;
}

/**
 * The highest level of a 6-digit district code that does not exist, or null when all
 * three do. Only the highest is reported: with an unknown province the regency and
 * district are unknown as a matter of course, and one message says it all.
 */
export function findUnknownRegion(districtCode: string): { level: RegionLevel; code: string } | null {
  const levels: Array<[RegionLevel, number]> = [
    ['province', 2],
    ['regency', 4],
    ['district', 6],
  ];
  for (const [level, length] of levels) {
    const code = districtCode.slice(0, length);
    if (!isKnownRegionCode(code)) return { level, code };
  }
  return null;
}
