/**
 * What an uploaded file really is, from its first bytes rather than its name: an officer
 * who renames a PDF to .xlsx should hear that it is a PDF.
 */
export type FileFormat = 'xlsx' | 'csv';

/** A file (or sheet) that cannot be imported at all; the message is for the officer. */
export class ImportFileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

const startsWith = (buffer: Buffer, bytes: number[]) => bytes.every((b, i) => buffer[i] === b);

const signatures: Array<{ bytes: number[]; code: string; message: string }> = [
  {
    bytes: [0x25, 0x50, 0x44, 0x46], // %PDF
    code: 'FILE_IS_PDF',
    message: 'Berkas ini PDF, bukan Excel (.xlsx) atau CSV. Unduh data penduduk dari OpenSID dalam format Excel, lalu unggah berkas itu.',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0], // OLE2: .xls, or an .xlsx protected with a password
    code: 'FILE_IS_XLS',
    message:
      'Berkas Excel lama (.xls) atau berkas yang dilindungi kata sandi belum dapat dibaca. Buka di Excel, hapus kata sandinya bila ada, lalu simpan sebagai "Excel Workbook (.xlsx)".',
  },
  { bytes: [0x89, 0x50, 0x4e, 0x47], code: 'FILE_IS_IMAGE', message: 'Berkas ini gambar, bukan Excel (.xlsx) atau CSV.' },
  { bytes: [0xff, 0xd8, 0xff], code: 'FILE_IS_IMAGE', message: 'Berkas ini gambar, bukan Excel (.xlsx) atau CSV.' },
];

const notSupported = () =>
  new ImportFileError('FILE_TYPE_UNSUPPORTED', 'Jenis berkas tidak dikenali. Unggah berkas Excel (.xlsx) atau CSV dengan baris judul kolom OpenSID.');

export function detectFileFormat(file: Buffer): FileFormat {
  if (file.length === 0) throw new ImportFileError('FILE_EMPTY', 'Berkas kosong.');
  if (startsWith(file, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx'; // a zip, as every .xlsx is
  const known = signatures.find((s) => startsWith(file, s.bytes));
  if (known) throw new ImportFileError(known.code, known.message);
  // Text has no NUL bytes (UTF-16 text does, and is not accepted either).
  if (file.subarray(0, 64 * 1024).includes(0)) throw notSupported();
  return 'csv';
}
