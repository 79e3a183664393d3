import { type LetterKind, letterKindLabels } from '@desmigratif/contracts';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { indonesianDate } from './letters-format.js';

/** A person as the letter names them. */
export type LetterPerson = {
  name: string;
  nik: string;
  birthPlace: string | null;
  birthDate: string | null;
  address: string;
};

export type LetterData = {
  kind: LetterKind;
  number: string;
  issuedOn: string;
  village: { name: string; district: string; regency: string };
  villageHeadName: string;
  holder: LetterPerson;
  /** The spouse or parent who gives the permission (family permission letter only). */
  familyMember?: LetterPerson & { relation: string };
  plan: { destination: string; occupation: string; agency: string | null; scheme: string };
  verifyUrl: string;
};

const MARGIN = 56;
const LABEL_WIDTH = 150;

function birthLine(p: LetterPerson): string {
  const date = p.birthDate ? indonesianDate(p.birthDate) : '-';
  return `${p.birthPlace?.trim() || '-'}, ${date}`;
}

/** "Label : value" lines, the way village letters list a person's data. */
function personBlock(doc: PDFKit.PDFDocument, rows: Array<[string, string]>) {
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.text(label, MARGIN + 20, y, { width: LABEL_WIDTH });
    doc.text(`: ${value}`, MARGIN + 20 + LABEL_WIDTH, y, { width: doc.page.width - 2 * MARGIN - LABEL_WIDTH - 20 });
    doc.moveDown(0.2);
  }
  doc.moveDown(0.6);
  doc.x = MARGIN;
}

const personRows = (p: LetterPerson): Array<[string, string]> => [
  ['Nama', p.name],
  ['NIK', p.nik],
  ['Tempat/tanggal lahir', birthLine(p)],
  ['Alamat', p.address],
];

function letterhead(doc: PDFKit.PDFDocument, data: LetterData) {
  doc.font('Helvetica-Bold').fontSize(13);
  doc.text(`PEMERINTAH ${data.village.regency.toUpperCase()}`, { align: 'center' });
  doc.text(`KECAMATAN ${data.village.district.toUpperCase()}`, { align: 'center' });
  doc.fontSize(15).text(`DESA ${data.village.name.toUpperCase()}`, { align: 'center' });
  const y = doc.y + 6;
  doc.moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).lineWidth(2).stroke();
  doc.moveDown(1.2);
}

function title(doc: PDFKit.PDFDocument, text: string, number: string) {
  doc.font('Helvetica-Bold').fontSize(12).text(text, { align: 'center', underline: true });
  doc.font('Helvetica').fontSize(11).text(`Nomor: ${number}`, { align: 'center' });
  doc.moveDown(1.2);
}

function planSentence(data: LetterData): string {
  const agency = data.plan.agency ? ` melalui ${data.plan.agency}` : '';
  return `untuk bekerja sebagai ${data.plan.occupation} di ${data.plan.destination}${agency} (skema ${data.plan.scheme}).`;
}

function familyPermissionBody(doc: PDFKit.PDFDocument, data: LetterData) {
  const member = data.familyMember!;
  doc.text('Yang bertanda tangan di bawah ini:');
  doc.moveDown(0.4);
  personBlock(doc, [...personRows(member), ['Hubungan keluarga', member.relation]]);
  doc.text('dengan ini memberikan izin kepada:');
  doc.moveDown(0.4);
  personBlock(doc, personRows(data.holder));
  doc.text(planSentence(data));
  doc.moveDown(0.6);
  doc.text(
    'Izin ini diberikan dengan penuh kesadaran dan tanpa paksaan dari pihak mana pun, sebagai syarat penempatan ' +
      'Pekerja Migran Indonesia menurut Undang-Undang Nomor 18 Tahun 2017 Pasal 13.',
  );
}

function recommendationBody(doc: PDFKit.PDFDocument, data: LetterData) {
  doc.text(`Kepala Desa ${data.village.name}, Kecamatan ${data.village.district}, ${data.village.regency}, menerangkan bahwa:`);
  doc.moveDown(0.4);
  personBlock(doc, personRows(data.holder));
  doc.text(
    `adalah benar penduduk Desa ${data.village.name} dan telah mendapat layanan informasi migrasi aman di pusat layanan ` +
      `migrasi desa. Yang bersangkutan kami rekomendasikan ${planSentence(data)}`,
  );
  doc.moveDown(0.6);
  doc.text('Demikian surat rekomendasi ini dibuat untuk dipergunakan sebagaimana mestinya.');
}

/** Two columns at the bottom: who signs where, names under the space for the signature. */
function signatures(doc: PDFKit.PDFDocument, data: LetterData) {
  doc.moveDown(1.5);
  const columnWidth = (doc.page.width - 2 * MARGIN) / 2;
  const right = MARGIN + columnWidth;
  const top = doc.y;
  doc.text(`${data.village.name}, ${indonesianDate(data.issuedOn)}`, right, top, { width: columnWidth, align: 'center' });
  const headerY = doc.y;
  if (data.familyMember) {
    doc.text('Yang memberi izin,', MARGIN, headerY, { width: columnWidth, align: 'center' });
    doc.text('Mengetahui,', right, headerY, { width: columnWidth, align: 'center' });
  }
  doc.text(`Kepala Desa ${data.village.name}`, right, doc.y, { width: columnWidth, align: 'center' });
  const nameY = doc.y + 60;
  doc.font('Helvetica-Bold');
  if (data.familyMember) doc.text(data.familyMember.name, MARGIN, nameY, { width: columnWidth, align: 'center', underline: true });
  doc.text(data.villageHeadName, right, nameY, { width: columnWidth, align: 'center', underline: true });
  doc.font('Helvetica');
}

async function verificationCode(doc: PDFKit.PDFDocument, url: string) {
  const png = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const size = 84;
  // Below the signatures; on a new page only when a long address pushed them to the bottom.
  let y = doc.y + 24;
  if (y + size > doc.page.height - MARGIN) {
    doc.addPage();
    y = MARGIN;
  }
  doc.image(png, MARGIN, y, { width: size, height: size });
  doc
    .fontSize(8)
    .text('Pindai kode ini untuk memeriksa keaslian surat:', MARGIN + size + 10, y + 24, { width: 300 })
    .text(url, { width: 300 });
}

/**
 * The letter as a PDF. Text is left uncompressed: a letter is a page or so, and plain
 * content streams let anyone (and the tests) search the text of an issued letter.
 */
export async function renderLetterPdf(data: LetterData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: false,
    info: { Title: `${letterKindLabels[data.kind]} ${data.number}`, Author: `Desa ${data.village.name}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  letterhead(doc, data);
  doc.font('Helvetica').fontSize(11);
  if (data.kind === 'izin_keluarga') {
    title(doc, 'SURAT IZIN KELUARGA', data.number);
    familyPermissionBody(doc, data);
  } else {
    title(doc, 'SURAT REKOMENDASI', data.number);
    recommendationBody(doc, data);
  }
  signatures(doc, data);
  await verificationCode(doc, data.verifyUrl);
  doc.end();
  return done;
}
