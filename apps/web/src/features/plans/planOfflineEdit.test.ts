import { describe, expect, it } from 'vitest';
import { toOfflinePlanEdit } from './planOfflineEdit';

describe('toOfflinePlanEdit', () => {
  it('sends only the changed fields, the version as base version and each field as it was opened', () => {
    const edit = toOfflinePlanEdit(
      { version: '42', occupation: 'Perawat lansia', feesAskedRupiah: 5_000_000, status: 'batal' },
      { occupation: 'Pekerja rumah tangga', feesAskedRupiah: null, status: 'aktif', sector: 'domestik' },
    );
    expect(edit).toEqual({
      changes: { occupation: 'Perawat lansia', feesAskedRupiah: 5_000_000, status: 'batal' },
      baseVersion: '42',
      base: { occupation: 'Pekerja rumah tangga', feesAskedRupiah: null, status: 'aktif' },
    });
  });

  it('gives a field the form had no value for a null base (absent and null are the same to the server)', () => {
    expect(toOfflinePlanEdit({ version: '7', visaType: 'kerja' }, {}).base).toEqual({ visaType: null });
  });
});
