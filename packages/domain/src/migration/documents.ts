import {
  type ChecklistItem,
  type DocumentKind,
  type DocumentRequirement,
  type DocumentStatus,
  documentKindLabels,
  documentKinds,
  type MigrationPlanInput,
  type PlacementScheme,
  type Sector,
} from '@desmigratif/contracts';
import { formatDmy, isIsoDate, todayInJakarta } from '../identity/calendar.js';
import { judgementDay } from './dates.js';
import { type MigrantPerson, type PlanDocument, isMarried } from './person.js';

/**
 * The documents a prospective migrant needs, computed from the plan. The rules are a
 * table, one entry per document kind: what decides whether it applies (sector, placement
 * scheme, marital status), the rule it rests on, and how to get it. Where the law was not
 * confirmed the text says so or tells the officer whom to ask (see README.md).
 */

export type ChecklistPlan = Pick<MigrationPlanInput, 'sector' | 'scheme' | 'expectedDepartureDate'>;

export type ChecklistOptions = {
  /** YYYY-MM-DD; defaults to today in Asia/Jakarta. */
  today?: string;
  /**
   * The regency labour office confirmed that no competency certification scheme exists
   * for the occupation, so a school diploma stands in for the certificate.
   */
  noCompetencyScheme?: boolean;
};

type Facts = { sector: Sector; scheme: PlacementScheme; married: boolean | null };

type Decision = {
  requirement: DocumentRequirement;
  reason: string;
  /** Replaces the code list's label for this plan. */
  label?: string;
  legalBasis?: string;
  /** Replaces the rule's `howTo` for this plan. */
  howTo?: string;
};

type DocumentRule = {
  legalBasis: string;
  /** What the villager does to get the paper, in plain Indonesian. */
  howTo: string;
  decide: (facts: Facts) => Decision;
};

const required = (reason: string, extra: Omit<Decision, 'requirement' | 'reason'> = {}): Decision => ({
  requirement: 'required',
  reason,
  ...extra,
});

const civilRegistryCheck = 'UU 18/2017 Pasal 42 (desa memverifikasi dan mencatat data CPMI)';

const placementAgreementParty: Record<Exclude<PlacementScheme, 'mandiri'>, string> = {
  p_to_p: 'P3MI yang menempatkan',
  g_to_g: 'BP2MI/KP2MI sebagai pelaksana penempatan',
  g_to_p: 'BP2MI/KP2MI sebagai pelaksana penempatan',
  ukps: 'perusahaan yang menempatkan pekerjanya sendiri',
};

const rules: Record<DocumentKind, DocumentRule> = {
  ktp_nik: {
    legalBasis: civilRegistryCheck,
    howTo: 'Periksa KTP elektronik dan cocokkan NIK dengan data Dukcapil.',
    decide: () => required('Identitas dicocokkan dengan data kependudukan (Dukcapil) sebelum didaftarkan sebagai CPMI.'),
  },
  kk: {
    legalBasis: civilRegistryCheck,
    howTo: 'Siapkan Kartu Keluarga terbaru dari Disdukcapil.',
    decide: () => required('Kartu Keluarga dicocokkan dengan data kependudukan (Dukcapil).'),
  },
  akta_lahir: {
    legalBasis: civilRegistryCheck,
    howTo: 'Minta kutipan akta kelahiran di Disdukcapil.',
    decide: () => required('Akta kelahiran membuktikan tanggal lahir, jadi juga usia minimal 18 tahun.'),
  },
  surat_status_perkawinan: {
    legalBasis: 'UU 18/2017 Pasal 13 huruf a',
    howTo: 'Minta surat keterangan status perkawinan; yang sudah bercerai melampirkan akta cerai dari pengadilan.',
    decide: () => required('Setiap calon PMI wajib memilikinya, apa pun status perkawinannya.'),
  },
  buku_nikah: {
    legalBasis: 'UU 18/2017 Pasal 13 huruf a',
    howTo: 'Lampirkan fotokopi buku nikah.',
    decide: ({ married }) => {
      if (married === true) return required('Calon PMI sudah menikah, jadi fotokopi buku nikah dilampirkan.');
      if (married === false) return { requirement: 'not_applicable', reason: 'Hanya untuk yang sudah menikah.' };
      return {
        requirement: 'optional',
        reason: 'Status perkawinan belum tercatat; buku nikah wajib bila sudah menikah.',
      };
    },
  },
  izin_keluarga: {
    legalBasis: 'UU 18/2017 Pasal 13 huruf b',
    howTo: 'Buat surat izin yang ditandatangani keluarga dan diketahui kepala desa.',
    decide: ({ married }) => {
      if (married === true) {
        return required('Sudah menikah: izin dari suami atau istri, diketahui kepala desa.', {
          label: 'Surat izin suami/istri (diketahui kepala desa)',
          howTo: 'Buat surat izin yang ditandatangani suami atau istri dan diketahui kepala desa.',
        });
      }
      if (married === false) {
        return required('Belum menikah, bercerai atau ditinggal meninggal: izin dari orang tua atau wali, diketahui kepala desa.', {
          label: 'Surat izin orang tua/wali (diketahui kepala desa)',
          howTo: 'Buat surat izin yang ditandatangani orang tua atau wali dan diketahui kepala desa.',
        });
      }
      return required(
        'Izin dari suami/istri bila sudah menikah, atau dari orang tua/wali; status perkawinan belum tercatat.',
      );
    },
  },
  sertifikat_kompetensi: {
    legalBasis: 'UU 18/2017 Pasal 5 huruf b dan Pasal 13 huruf c',
    howTo: 'Ikuti pelatihan dan uji kompetensi (BLK/LPK, lalu LSP).',
    decide: ({ sector }) =>
      sector === 'pelaut'
        ? required('Pelaut membuktikan kompetensinya dengan sertifikat kepelautan.', {
            label: 'Sertifikat keahlian/keterampilan pelaut (mis. BST)',
            howTo: 'Ikuti diklat kepelautan (mis. Basic Safety Training) di lembaga diklat pelayaran.',
          })
        : required('Calon PMI harus memiliki kompetensi untuk jabatannya.'),
  },
  ijazah: {
    legalBasis: 'UU 18/2017 Pasal 13 huruf c',
    howTo: 'Siapkan ijazah terakhir.',
    decide: ({ sector }) =>
      sector === 'pelaut'
        ? { requirement: 'not_applicable', reason: 'Pelaut memerlukan sertifikat kepelautan; ijazah tidak menggantikannya.' }
        : {
            requirement: 'optional',
            reason:
              'Dapat menggantikan sertifikat kompetensi bila belum ada skema sertifikasi untuk jabatan ini (tanyakan ke Disnaker/LTSA).',
          },
  },
  buku_pelaut: {
    // Buku pelaut: the seafarer's identity document (UU 17/2008 Pelayaran; PP 7/2000
    // Kepelautan), issued by the harbour master to holders of a seafarer's certificate.
    legalBasis: 'UU 17/2008 tentang Pelayaran; PP 7/2000 tentang Kepelautan',
    howTo: 'Urus buku pelaut di kantor syahbandar (KSOP) setelah memiliki sertifikat pelaut.',
    decide: ({ sector }) =>
      sector === 'pelaut'
        ? required('Awak kapal wajib memiliki buku pelaut sebagai dokumen identitas pelaut.')
        : { requirement: 'not_applicable', reason: 'Hanya untuk pelaut.' },
  },
  pemeriksaan_kesehatan_psikologi: {
    legalBasis: 'UU 18/2017 Pasal 5 huruf c dan Pasal 13 huruf d',
    howTo: 'Periksa kesehatan dan psikologi di sarana kesehatan yang ditunjuk.',
    decide: () => required('Calon PMI harus sehat jasmani dan rohani.'),
  },
  bpjs_ketenagakerjaan: {
    legalBasis: 'UU 18/2017 Pasal 5 huruf d; Permenaker 4/2023',
    howTo: 'Daftar BPJS Ketenagakerjaan program JKK dan JKM (iuran sebelum bekerja Rp37.500).',
    decide: ({ scheme }) =>
      scheme === 'mandiri'
        ? required('Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM) wajib; JHT boleh ditambah.', {
            howTo: 'Daftar BPJS Ketenagakerjaan program JKK dan JKM; PMI perseorangan membayar iuran sekaligus sesuai lama perjanjian kerja.',
          })
        : required('Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM) wajib; JHT boleh ditambah.'),
  },
  paspor: {
    legalBasis: 'UU 18/2017 Pasal 13 huruf e',
    howTo: 'Urus paspor di kantor imigrasi.',
    decide: () => required('Paspor diterbitkan kantor imigrasi setempat.'),
  },
  visa_kerja: {
    legalBasis: 'UU 18/2017 Pasal 13 huruf f',
    howTo: 'Visa kerja diurus setelah perjanjian kerja ada; jangan berangkat dengan visa kunjungan, turis atau umrah.',
    decide: ({ sector }) =>
      sector === 'pelaut'
        ? required(
            'Wajib menurut undang-undang; untuk pelaut jenis visanya bergantung pada negara bendera kapal dan pelabuhan — tanyakan kepada pelaksana penempatan dan Disnaker.',
          )
        : required('Bekerja di luar negeri hanya boleh dengan visa kerja.'),
  },
  perjanjian_penempatan: {
    legalBasis: 'UU 18/2017 Pasal 13 huruf g dan Pasal 49',
    howTo: 'Baca dan tanda tangani perjanjian penempatan; simpan salinannya.',
    decide: ({ scheme }) =>
      scheme === 'mandiri'
        ? {
            requirement: 'not_applicable',
            reason: 'PMI perseorangan berangkat tanpa pelaksana penempatan, jadi tidak ada perjanjian penempatan.',
            legalBasis: 'UU 18/2017 Pasal 49 dan Pasal 63',
          }
        : required(`Dibuat antara calon PMI dan ${placementAgreementParty[scheme]}.`),
  },
  perjanjian_kerja: {
    legalBasis: 'UU 18/2017 Pasal 13 huruf h dan Pasal 15',
    howTo: 'Baca perjanjian kerja sampai paham (gaji, jam kerja, cuti, lama kontrak) sebelum tanda tangan; simpan salinannya.',
    decide: ({ sector }) =>
      sector === 'pelaut'
        ? required('Hubungan kerja pelaut diatur dalam perjanjian kerja laut.', { label: 'Perjanjian kerja laut (PKL)' })
        : required('Hubungan kerja dengan pemberi kerja di luar negeri lahir dari perjanjian kerja.'),
  },
};

// A kind recorded more than once (an old passport and a new one) counts by its best record.
const statusRank: Record<DocumentStatus, number> = { lengkap: 3, diproses: 2, tidak_berlaku: 1, belum: 0 };

type Recorded = { status: DocumentStatus; expiredOn: string | null };

function recordedStatus(records: PlanDocument[], validOn: string): Recorded {
  let best: Recorded = { status: 'belum', expiredOn: null };
  for (const record of records) {
    const expired = record.status === 'lengkap' && !!record.expiresOn && record.expiresOn < validOn;
    const current: Recorded = expired
      ? { status: 'tidak_berlaku', expiredOn: record.expiresOn ?? null }
      : { status: record.status, expiredOn: null };
    if (statusRank[current.status] > statusRank[best.status]) best = current;
  }
  return best;
}

function missingText(label: string, howTo: string, recorded: Recorded, validOnWords: string): string {
  if (recorded.expiredOn) {
    return `${label} habis berlaku pada ${formatDmy(recorded.expiredOn)}, sebelum ${validOnWords}; urus yang baru.`;
  }
  switch (recorded.status) {
    case 'diproses':
      return `${label} masih diproses; pastikan selesai sebelum berangkat.`;
    case 'tidak_berlaku':
      return `${label} tidak berlaku lagi; urus yang baru. ${howTo}`;
    default:
      return `${label} belum ada. ${howTo}`;
  }
}

/**
 * One entry per document kind, in checklist order, saying whether the plan needs it,
 * why, its status and what is still to be done. A paper marked lengkap that expires
 * before the expected departure (or before today) counts as tidak berlaku.
 *
 * @throws RangeError when `options.today` is not a YYYY-MM-DD date.
 */
export function computeDocumentChecklist(
  plan: ChecklistPlan,
  person: Pick<MigrantPerson, 'maritalStatus'>,
  documents: readonly PlanDocument[],
  options: ChecklistOptions = {},
): ChecklistItem[] {
  const today = options.today ?? todayInJakarta();
  if (!isIsoDate(today)) throw new RangeError(`today harus tanggal YYYY-MM-DD: ${today}`);
  const { date: validOn, words: validOnWords } = judgementDay(plan.expectedDepartureDate, today);

  const facts: Facts = { sector: plan.sector, scheme: plan.scheme, married: isMarried(person) };
  const recordsOf = (kind: DocumentKind) => documents.filter((doc) => doc.kind === kind);
  const diplomaComplete = recordedStatus(recordsOf('ijazah'), validOn).status === 'lengkap';

  return documentKinds.map((kind) => {
    const rule = rules[kind];
    const decision = rule.decide(facts);
    const label = decision.label ?? documentKindLabels[kind];
    const howTo = decision.howTo ?? rule.howTo;
    const recorded = recordedStatus(recordsOf(kind), validOn);
    const item: ChecklistItem = {
      kind,
      label,
      requirement: decision.requirement,
      legalBasis: decision.legalBasis ?? rule.legalBasis,
      reason: decision.reason,
      status: recorded.status,
      complete: recorded.status === 'lengkap',
      missing: null,
    };
    if (item.complete || decision.requirement !== 'required') return item;

    if (kind === 'sertifikat_kompetensi' && diplomaComplete) {
      if (options.noCompetencyScheme) {
        return {
          ...item,
          status: 'lengkap',
          complete: true,
          reason: `${item.reason} Ijazah dipakai karena belum ada skema sertifikasi untuk jabatan ini.`,
        };
      }
      return {
        ...item,
        missing: `${label} belum ada. Ijazah sudah ada, tetapi hanya dapat menggantikan sertifikat bila belum ada skema sertifikasi untuk jabatan ini — tanyakan ke Disnaker/LTSA.`,
      };
    }
    return { ...item, missing: missingText(label, howTo, recorded, validOnWords) };
  });
}
