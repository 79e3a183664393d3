import { describe, expect, it } from 'vitest';
import { formatRegionCode, parseRegionCode, regionCodeSchema } from './common.js';

describe('Kemendagri codes', () => {
  it('shows plain codes dotted and reads dotted codes back', () => {
    expect(formatRegionCode('32')).toBe('32');
    expect(formatRegionCode('3212')).toBe('32.12');
    expect(formatRegionCode('321216')).toBe('32.12.16');
    expect(formatRegionCode('3212162004')).toBe('32.12.16.2004');
    expect(parseRegionCode('32.12.16.2004')).toBe('3212162004');
    expect(parseRegionCode(' 33.07.10.2004 ')).toBe('3307102004');
  });

  it('accepts only the four code lengths, digits only', () => {
    for (const ok of ['32', '3212', '321216', '3212162004']) expect(regionCodeSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['3', '321', '32121620', '32.12', 'abcd', '32121620041']) {
      const result = regionCodeSchema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('Kode wilayah harus 2, 4, 6 atau 10 digit angka tanpa titik');
    }
  });
});
