import {
  type AgencyLicenceStatus,
  type ChecklistItem,
  type DocumentKind,
  type MigrationPlanInput,
  type RedFlag,
  type RedFlagCode,
  type RedFlagSeverity,
  destinationCountryName,
  feeFreeOccupationLabels,
  findDestinationCountry,
  visaTypeLabels,
} from '@desmigratif/contracts';
import { formatDmy, isIsoDate, todayInJakarta } from '../identity/calendar.js';
import { ageOn, daysBetween, judgementDay } from './dates.js';
import { computeDocumentChecklist } from './documents.js';
import { type MigrantPerson, type PlanDocument, readIdentity } from './person.js';
import { minimumMigrantAge } from './readiness.js';

/**
 * The signs of a non-procedural (illegal) placement that the officer checks on every
 * plan, each explained in words a villager understands with the rule behind it. A flag
 * is raised only on what is known: an unanswered question raises none.
 */

export type RedFlagContext = {
  person: MigrantPerson;
  documents: readonly PlanDocument[];
  /** The licensed-agency registry's answer for the plan's agency; absent when not looked up. */
  agencyLicence?: AgencyLicenceStatus;
  /** YYYY-MM-DD; defaults to today in Asia/Jakarta. */
  today?: string;
  /** A departure this many days away or fewer, with required documents missing, is flagged. */
  departureSoonDays?: number;
  /** As in the checklist: a diploma stands in for the competency certificate. */
  noCompetencyScheme?: boolean;
};

export const defaultDepartureSoonDays = 30;

const nonWorkVisas = new Set(['kunjungan', 'turis', 'ziarah_umrah']);

/** Documents whose absence, once passport and visa are in hand, marks a departure on "paspor dan visa saja". */
const protectiveDocuments: readonly DocumentKind[] = [
  'perjanjian_kerja',
  'perjanjian_penempatan',
  'izin_keluarga',
  'bpjs_ketenagakerjaan',
  'pemeriksaan_kesehatan_psikologi',
];

/** Rp5.000.000: integer rupiah grouped with dots, the Indonesian way. */
function formatRupiah(amount: number): string {
  return `Rp${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1]}`;
}

/**
 * Whether the plan's occupation is one of the ten whose placement costs the worker may
 * never pay (Peraturan BP2MI 9/2020). Every household job is one of them.
 */
export function isFeeFreePlan(plan: Pick<MigrationPlanInput, 'feeFreeOccupation' | 'sector'>): boolean {
  return !!plan.feeFreeOccupation || plan.sector === 'domestik';
}

/**
 * The red flags of a plan, the serious ones ('tinggi') first.
 *
 * @throws RangeError when `context.today` is not a YYYY-MM-DD date.
 */
export function evaluateRedFlags(plan: MigrationPlanInput, context: RedFlagContext): RedFlag[] {
  const today = context.today ?? todayInJakarta();
  if (!isIsoDate(today)) throw new RangeError(`today harus tanggal YYYY-MM-DD: ${today}`);
  const flags: RedFlag[] = [];
  const flag = (code: RedFlagCode, severity: RedFlagSeverity, title: string, explanation: string) =>
    flags.push({ code, severity, title, explanation });

  const checklist = computeDocumentChecklist(plan, context.person, context.documents, {
    today,
    noCompetencyScheme: context.noCompetencyScheme,
  });
  const item = (kind: DocumentKind) => checklist.find((entry) => entry.kind === kind) as ChecklistItem;
  const missingRequired = checklist.filter((entry) => entry.requirement === 'required' && !entry.complete);

  checkAgency(plan, context.agencyLicence, flag);
  checkVisaAndFees(plan, flag);
  checkDestination(plan, flag);

  if (plan.shelterBeforeDocuments === true) {
    flag(
      'SHELTER_BEFORE_DOCUMENTS',
      'tinggi',
      'Ditampung sebelum dokumen lengkap',
      'Calon pekerja diminta tinggal di penampungan sebelum dokumennya lengkap. Penampungan seperti ini sering dipakai untuk menahan dokumen, membebani utang makan dan tempat tinggal, lalu memberangkatkan tanpa prosedur resmi. Jangan masuk penampungan sebelum semua dokumen lengkap; laporkan ke Disnaker.',
    );
  }

  checkAgeAndIdentity(plan, context.person, today, flag);

  const departure = plan.expectedDepartureDate;
  const soonDays = context.departureSoonDays ?? defaultDepartureSoonDays;
  if (departure && daysBetween(today, departure) <= soonDays && missingRequired.length > 0) {
    const daysLeft = daysBetween(today, departure);
    const when = daysLeft < 0 ? 'sudah lewat' : daysLeft === 0 ? 'hari ini' : `${daysLeft} hari lagi`;
    flag(
      'DEPARTURE_BEFORE_DOCUMENTS',
      'tinggi',
      'Tanggal berangkat sudah dekat, dokumen belum lengkap',
      `Perkiraan berangkat ${formatDmy(departure)} (${when}), tetapi masih kurang: ${listWords(missingRequired.map((entry) => entry.label))}. Pekerja migran hanya boleh berangkat dengan dokumen lengkap (UU 18/2017 Pasal 5 huruf e dan Pasal 13). Jangan berangkat sebelum semuanya lengkap.`,
    );
  }

  const hasVisa = item('visa_kerja').complete || nonWorkVisas.has(plan.visaType ?? '');
  const unprotected = protectiveDocuments
    .map(item)
    .filter((entry) => entry.requirement === 'required' && !entry.complete);
  if (item('paspor').complete && hasVisa && unprotected.length > 0) {
    flag(
      'ONLY_PASSPORT_AND_VISA',
      'tinggi',
      'Hanya paspor dan visa',
      `Paspor dan visa sudah ada, tetapi yang berikut belum: ${listWords(unprotected.map((entry) => entry.label))}. Berangkat hanya dengan paspor dan visa, tanpa perjanjian kerja, perjanjian penempatan, izin keluarga yang diketahui desa, jaminan sosial atau pemeriksaan kesehatan, adalah tanda penempatan nonprosedural: pekerja tidak terlindungi bila terjadi masalah.`,
    );
  }

  if (plan.recruiterContact === 'media_sosial_saja') {
    flag(
      'RECRUITER_SOCIAL_MEDIA_ONLY',
      'sedang',
      'Perekrut hanya lewat media sosial',
      'Perekrut hanya bisa dihubungi lewat media sosial atau telepon dan tidak punya kantor yang bisa didatangi. Perusahaan penempatan resmi punya kantor dan izin yang bisa dicek; perekrut tanpa kantor sulit dimintai tanggung jawab bila terjadi masalah. Minta alamat kantor dan nomor izinnya, lalu cek ke Disnaker.',
    );
  }
  if (plan.contractReadable === false) {
    flag(
      'CONTRACT_UNREADABLE',
      'sedang',
      'Perjanjian kerja tidak dapat dibaca pekerja',
      'Pekerja tidak dapat membaca atau memahami perjanjian kerjanya. Perjanjian kerja harus jelas memuat pemberi kerja, jabatan, gaji dan cara pembayarannya, jam kerja, cuti, jaminan sosial dan lama kontrak (UU 18/2017 Pasal 15). Jangan tanda tangan sebelum paham; minta salinan dalam bahasa yang dipahami dan minta petugas membacakannya.',
    );
  }

  // Stable sort: within a severity the flags keep the order above.
  return flags.sort((a, b) => Number(a.severity === 'sedang') - Number(b.severity === 'sedang'));
}

type Flagger = (code: RedFlagCode, severity: RedFlagSeverity, title: string, explanation: string) => void;

function checkAgency(plan: MigrationPlanInput, licence: AgencyLicenceStatus | undefined, flag: Flagger) {
  // Only P to P goes through a private placement company (P3MI); G to G and G to P go through
  // the government agency, UKPS through the employer itself, mandiri through no one.
  if (plan.scheme !== 'p_to_p') return;
  const agency = plan.agencyName || plan.agencyLicenceNumber;
  if (!agency) {
    flag(
      'AGENCY_NOT_NAMED',
      'tinggi',
      'Perusahaan perekrut belum diketahui',
      'Belum jelas perusahaan mana yang akan memberangkatkan. Penempatan P to P hanya boleh melalui perusahaan penempatan (P3MI) yang punya izin dari pemerintah. Tanyakan nama perusahaan dan nomor izinnya, lalu cek di daftar P3MI berizin sebelum menyerahkan dokumen atau uang.',
    );
  } else if (licence === 'unknown') {
    flag(
      'AGENCY_UNLICENSED',
      'tinggi',
      'Perusahaan tidak ada dalam daftar P3MI berizin',
      `"${agency}" tidak ditemukan dalam daftar perusahaan penempatan (P3MI) yang berizin. Perusahaan tanpa izin (SIP3MI, diterbitkan pemerintah pusat — PP 59/2021 Pasal 35) tidak boleh merekrut; pekerja yang berangkat lewat mereka tidak terlindungi dan rawan menjadi korban perdagangan orang. Jangan serahkan dokumen atau uang; laporkan ke Disnaker.`,
    );
  } else if (licence === 'expired') {
    flag(
      'AGENCY_LICENCE_EXPIRED',
      'tinggi',
      'Izin perusahaan sudah habis',
      `Izin "${agency}" sebagai perusahaan penempatan (P3MI) sudah habis. Perusahaan tanpa izin yang berlaku tidak boleh merekrut atau memberangkatkan pekerja. Tanyakan ke Disnaker sebelum melanjutkan.`,
    );
  }
  if (!plan.jobOrderReference) {
    flag(
      'NO_JOB_ORDER',
      'tinggi',
      'Belum ada job order',
      'Perusahaan penempatan hanya boleh merekrut bila ada permintaan resmi dari pemberi kerja (job order) dan izin perekrutan (SIP2MI) untuk negara dan jabatan itu. Tanpa job order tidak jelas siapa majikannya dan apa pekerjaannya. Minta nomor job order atau SIP2MI, lalu cek ke Disnaker.',
    );
  }
}

function checkVisaAndFees(plan: MigrationPlanInput, flag: Flagger) {
  if (plan.visaType && nonWorkVisas.has(plan.visaType)) {
    flag(
      'NON_WORK_VISA',
      'tinggi',
      'Berangkat kerja tanpa visa kerja',
      `Berangkat bekerja dengan ${visaTypeLabels[plan.visaType].toLowerCase()} adalah penempatan nonprosedural: di negara tujuan pekerja dianggap pendatang ilegal, bisa ditangkap, ditahan atau dideportasi, dan tidak punya perlindungan. Pekerja migran wajib memiliki visa kerja (UU 18/2017 Pasal 13 huruf f).`,
    );
  }

  const fees = plan.feesAskedRupiah ?? 0;
  if (fees > 0 && isFeeFreePlan(plan)) {
    const job = plan.feeFreeOccupation
      ? `Jabatan ${feeFreeOccupationLabels[plan.feeFreeOccupation].toLowerCase()}`
      : 'Pekerjaan rumah tangga';
    flag(
      'FEES_ON_FEE_FREE_JOB',
      'tinggi',
      'Diminta biaya untuk jabatan bebas biaya',
      `Pekerja diminta membayar ${formatRupiah(fees)}. ${job} termasuk sepuluh jabatan yang bebas biaya penempatan (Peraturan BP2MI 9/2020): tiket, visa, paspor, pelatihan, sertifikat kompetensi, pemeriksaan kesehatan dan psikologi, jaminan sosial, dan jasa perusahaan tidak boleh dibebankan kepada pekerja. Jangan bayar; laporkan ke Disnaker.`,
    );
  } else if (fees > 0) {
    flag(
      'FEES_ASKED',
      'sedang',
      'Diminta biaya penempatan',
      `Pekerja diminta membayar ${formatRupiah(fees)}. Pekerja migran tidak boleh dibebani biaya penempatan (UU 18/2017 Pasal 30). Minta rincian tertulis untuk setiap biaya dan tanyakan ke Disnaker sebelum membayar.`,
    );
  }
  if (plan.feesToPersonalAccount === true) {
    flag(
      'FEES_TO_PERSONAL_ACCOUNT',
      'tinggi',
      'Uang diminta ke rekening pribadi',
      'Uang diminta dikirim ke rekening pribadi seseorang, bukan ke rekening perusahaan. Perusahaan penempatan resmi tidak meminta uang ke rekening pribadi; uang seperti ini sulit ditagih kembali dan sering menjadi modus penipuan. Jangan transfer; laporkan ke Disnaker.',
    );
  }
}

function checkDestination(plan: MigrationPlanInput, flag: Flagger) {
  if (plan.sector !== 'domestik') return;
  const country = destinationCountryName(plan.destinationCountry);
  const ban = findDestinationCountry(plan.destinationCountry)?.domesticWorkBan;
  if (ban === 'confirmed') {
    flag(
      'MORATORIUM_COUNTRY',
      'tinggi',
      'Pekerja rumah tangga ke negara yang ditutup',
      `Sejak 1 Juli 2015 pemerintah menghentikan dan melarang penempatan pekerja pada pengguna perseorangan (pekerja rumah tangga) di negara-negara Timur Tengah, termasuk ${country} (Kepmenaker 260/2015). Memberangkatkan pekerja rumah tangga ke sana melanggar aturan dan pekerja tidak terlindungi. Tanyakan ke Disnaker apakah ada program resmi pemerintah.`,
    );
  } else if (ban === 'unconfirmed') {
    flag(
      'MORATORIUM_COUNTRY_UNCONFIRMED',
      'sedang',
      'Pekerja rumah tangga ke negara yang mungkin ditutup',
      `${country} disebut dalam pengumuman penghentian penempatan pekerja rumah tangga ke negara-negara Timur Tengah (Mei 2015), tetapi belum dipastikan termasuk dalam Kepmenaker 260/2015. Tanyakan ke Disnaker sebelum melanjutkan.`,
    );
  }
  if (plan.scheme === 'mandiri') {
    flag(
      'MANDIRI_FOR_HOUSEHOLD',
      'tinggi',
      'Berangkat mandiri untuk majikan perseorangan',
      'Jalur mandiri (perseorangan) hanya untuk bekerja pada pemberi kerja berbadan hukum (UU 18/2017 Pasal 63). Pekerja rumah tangga harus ditempatkan melalui pelaksana penempatan resmi agar terlindungi.',
    );
  }
}

function checkAgeAndIdentity(plan: MigrationPlanInput, person: MigrantPerson, today: string, flag: Flagger) {
  const on = judgementDay(plan.expectedDepartureDate, today);
  const identity = readIdentity(person, today);
  const age = identity.birthDate === null ? null : ageOn(identity.birthDate, on.date);
  if (age !== null && age < minimumMigrantAge) {
    flag(
      'UNDER_AGE',
      'tinggi',
      'Belum berusia 18 tahun',
      `Calon pekerja berusia ${age} tahun pada ${on.words}. Pekerja migran harus berusia minimal 18 tahun (UU 18/2017 Pasal 5 huruf a). Merekrut anak untuk bekerja ke luar negeri dapat termasuk tindak pidana perdagangan orang; laporkan ke Disnaker.`,
    );
  }

  const mismatches = identity.nik.issues.filter((issue) => issue.severity === 'warning');
  if (mismatches.length === 0) return;
  const nikAge = identity.nik.birthDate === null ? null : ageOn(identity.nik.birthDate, on.date);
  const youngerByNik = nikAge !== null && nikAge < minimumMigrantAge && (age ?? 0) >= minimumMigrantAge;
  const nikAgeWords = youngerByNik ? ` Menurut NIK, calon pekerja baru berusia ${nikAge} tahun pada ${on.words}.` : '';
  flag(
    'IDENTITY_MISMATCH',
    youngerByNik ? 'tinggi' : 'sedang',
    'Umur atau identitas tidak cocok dengan NIK',
    `${mismatches.map((issue) => `${issue.message}.`).join(' ')}${nikAgeWords} Data yang tidak cocok bisa berarti dokumen dipalsukan, misalnya umur dituakan agar anak bisa diberangkatkan. Cocokkan dengan akta kelahiran dan data Dukcapil sebelum melanjutkan.`,
  );
}
