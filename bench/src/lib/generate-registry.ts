import { PassThrough } from 'node:stream';
import { type PeopleImportColumn, migrantStatusLabels, peopleImportColumns, peopleImportSheetName } from '@desmigratif/contracts';
import { makeTemporaryId, normalizePersonName } from '@desmigratif/domain';
import ExcelJS from 'exceljs';
import type pg from 'pg';
import { BLIND, keyring, SEALED_COLUMNS } from '@desmigratif/db';
import { v7 as uuidv7 } from 'uuid';
import { type CopyValue, copyChunks, copyFrom, copyLine } from './pg-copy.js';

/**
 * Fictitious but realistic residents of Indonesian villages for benchmarks, written
 * straight into PostgreSQL with COPY (in the shape the application writes: name_key is
 * normalizePersonName(name), as the app computes it) or as an OpenSID "Data Penduduk"
 * workbook for the import.
 *
 * - Names are built from first/second-name pools of Indramayu (Javanese/Sundanese and
 *   Islamic names, single names for the older generation) and written in one of their
 *   usual spellings: Muhammad/Muhamad/Moh./M., Siti/Sitti/St., Nur Aini/Nuraini,
 *   Rizki/Rizky, Achmad/Ahmad, Soekarno/Sukarno…, in title case or upper case as
 *   villages type them. So name search and duplicate suggestions meet the variants
 *   they meet in real registries.
 * - Families of 1–7 (a head, usually a spouse, children, sometimes a parent), each with
 *   a No. KK (district + issue date DDMMYY + serial); everybody has a NIK (district of
 *   the village + birth date DDMMYY, 40 added to the day for women + serial), babies
 *   sometimes a temporary one (0 + village + sequence) as OpenSID records them; birth
 *   dates 1940–2025, consistent within the family.
 * - Dusun/RW/RT per village; about 10% of residents are (prospective, current or returned)
 *   migrant workers with dated status events, those left behind are keluarga PMI with
 *   links to the migrant; a few people who moved are recorded in two villages under
 *   the same NIK, their name spelled differently.
 *
 * Deterministic for a given seed. Not a fixture of any test: only for load.
 */

// ---------------------------------------------------------------------------------------
// Random numbers

/** A small seeded PRNG (mulberry32): uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted<T> = ReadonlyArray<readonly [T, number]>;

class Dice {
  constructor(readonly next: () => number) {}
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: Weighted<T>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }
}

// ---------------------------------------------------------------------------------------
// Names

/** Spellings of one name as found in registries, with how often each is met. */
const spellings: Record<string, Weighted<string>> = {
  Muhammad: [['Muhammad', 45], ['Muhamad', 20], ['Mohammad', 8], ['Mochamad', 6], ['Moh.', 8], ['M.', 13]],
  Ahmad: [['Ahmad', 70], ['Achmad', 20], ['Akhmad', 10]],
  Abdul: [['Abdul', 85], ['Abd.', 15]],
  Siti: [['Siti', 78], ['Sitti', 12], ['St.', 10]],
  Rizki: [['Rizki', 55], ['Rizky', 30], ['Rizqi', 8], ['Riski', 7]],
  Saepul: [['Saepul', 50], ['Syaiful', 30], ['Saiful', 20]],
  Rahmat: [['Rahmat', 60], ['Rachmat', 25], ['Rakhmat', 15]],
  Hendri: [['Hendri', 50], ['Hendry', 50]],
  Rudi: [['Rudi', 65], ['Rudy', 35]],
  Fauzi: [['Fauzi', 75], ['Fauzy', 25]],
  Ramadan: [['Ramadhan', 70], ['Ramadan', 30]],
  Fadil: [['Fadhil', 50], ['Fadil', 50]],
  Khoirul: [['Khoirul', 55], ['Choirul', 25], ['Hoirul', 20]],
  Khodijah: [['Khodijah', 60], ['Khadijah', 25], ['Hodijah', 15]],
  Khasanah: [['Khasanah', 50], ['Hasanah', 50]],
  Sukarno: [['Sukarno', 60], ['Soekarno', 40]],
  Suharti: [['Suharti', 65], ['Soeharti', 35]],
  Sutinah: [['Sutinah', 70], ['Soetinah', 30]],
  Sudirman: [['Sudirman', 75], ['Soedirman', 25]],
  Joko: [['Joko', 70], ['Djoko', 30]],
  Yusuf: [['Yusuf', 85], ['Jusuf', 15]],
  Cahyono: [['Cahyono', 75], ['Tjahyono', 25]],
  Maesaroh: [['Maesaroh', 60], ['Maisaroh', 40]],
  Rokayah: [['Rokayah', 60], ['Rukayah', 40]],
  Zaenal: [['Zaenal', 60], ['Zainal', 40]],
  Aisyah: [['Aisyah', 70], ['Aisah', 30]],
  Anisa: [['Anisa', 60], ['Annisa', 40]],
  'Nur Aini': [['Nur Aini', 45], ['Nuraini', 45], ['Nur Aeni', 10]],
  'Nur Hayati': [['Nurhayati', 60], ['Nur Hayati', 40]],
  'Nur Laela': [['Nurlaela', 50], ['Nur Laela', 25], ['Nurlaila', 25]],
  'Nur Azizah': [['Nur Azizah', 50], ['Nurazizah', 50]],
  'Nur Khasanah': [['Nur Khasanah', 40], ['Nurkhasanah', 30], ['Nur Hasanah', 30]],
  'Nur Jannah': [['Nurjanah', 50], ['Nur Jannah', 50]],
  'Nur Fadilah': [['Nur Fadilah', 50], ['Nurfadilah', 50]],
};

const pools = {
  maleOld: ['Carman', 'Casmadi', 'Darsono', 'Karta', 'Kartam', 'Rasim', 'Sanusi', 'Tarmuji', 'Tarsono', 'Warsono', 'Waryono', 'Sukarno',
    'Sukardi', 'Slamet', 'Sugeng', 'Suparman', 'Darto', 'Kusnadi', 'Mulyadi', 'Jaenudin', 'Nurdin', 'Kasmadi', 'Sudirman', 'Wartono',
    'Sarpin', 'Dasuki', 'Rusdi', 'Tasmin', 'Surya', 'Joko', 'Yusuf', 'Hasan', 'Sanwani', 'Kadmin', 'Dulah', 'Tarya', 'Rohman', 'Sanip'],
  maleYoung: ['Rizki', 'Agus', 'Andi', 'Arif', 'Bayu', 'Budi', 'Dedi', 'Dimas', 'Eko', 'Fajar', 'Hendri', 'Ilham', 'Imam', 'Iwan', 'Rudi',
    'Saepul', 'Taufik', 'Wahyu', 'Yusuf', 'Hasan', 'Ridwan', 'Rahmat', 'Fauzi', 'Khoirul', 'Ramadan', 'Fadil', 'Aldi', 'Reza', 'Galih',
    'Yoga', 'Aditya', 'Firman', 'Gilang', 'Irfan', 'Lukman', 'Nanang', 'Sandi', 'Sofyan', 'Syahrul', 'Teguh', 'Wawan', 'Yayan', 'Zaenal',
    'Haris', 'Amin', 'Anwar', 'Dadang', 'Asep', 'Ujang', 'Cahyono', 'Hidayat', 'Rizki', 'Fajar', 'Dimas'],
  maleSecond: ['Hidayat', 'Maulana', 'Saputra', 'Pratama', 'Setiawan', 'Hermawan', 'Kurniawan', 'Rahman', 'Hakim', 'Fauzi', 'Ramadan',
    'Prasetyo', 'Santoso', 'Wijaya', 'Firmansyah', 'Nugraha', 'Syahputra', 'Abdillah', 'Rizki', 'Ilham', 'Sidik', 'Hasanudin', 'Maulidin',
    'Fadilah', 'Akbar', 'Alfian', 'Sholeh'],
  abdul: ['Rahman', 'Aziz', 'Karim', 'Rozak', 'Gofur', 'Wahab', 'Majid', 'Halim', 'Rohim', 'Muis'],
  femaleOld: ['Casmirah', 'Darsih', 'Kartini', 'Rasminah', 'Tarsini', 'Wasini', 'Warsih', 'Carinih', 'Karsih', 'Tarmini', 'Sumiati',
    'Suharti', 'Rokayah', 'Romlah', 'Maesaroh', 'Khodijah', 'Juju', 'Kasih', 'Warni', 'Sutinah', 'Wartini', 'Jumiah', 'Darmi', 'Sanah',
    'Kuriah', 'Dasem', 'Tasmi', 'Aminah', 'Fatimah', 'Halimah', 'Maryam', 'Sukaesih', 'Waryati'],
  femaleYoung: ['Aisyah', 'Aminah', 'Dewi', 'Eni', 'Fatimah', 'Fitri', 'Ika', 'Indah', 'Lilis', 'Nining', 'Rina', 'Sari', 'Tuti', 'Umi',
    'Yani', 'Yuliani', 'Rohmah', 'Suryani', 'Titin', 'Maryam', 'Halimah', 'Zulaikha', 'Rahmawati', 'Mulyani', 'Aulia', 'Anisa', 'Putri',
    'Nabila', 'Salsabila', 'Ayu', 'Intan', 'Wulan', 'Ratna', 'Lia', 'Nurul', 'Rani', 'Desi', 'Eka', 'Evi', 'Hana', 'Laila', 'Mega', 'Novi'],
  femaleSecond: ['Rahmawati', 'Lestari', 'Anggraini', 'Wulandari', 'Handayani', 'Susanti', 'Nurhaliza', 'Fitriani', 'Puspitasari',
    'Safitri', 'Ayu', 'Rohmah', 'Aminah', 'Kurniasih', 'Oktaviani', 'Maharani', 'Aulia', 'Amelia', 'Azzahra', 'Khasanah', 'Mulyani',
    'Sholihah'],
  nur: ['Nur Aini', 'Nur Hayati', 'Nur Laela', 'Nur Azizah', 'Nur Khasanah', 'Nur Jannah', 'Nur Fadilah'],
} as const;

/** A name as its words before spelling: ["Muhammad", "Rizki", "Maulana"]. */
type NameWords = readonly string[];

function spell(dice: Dice, word: string): string {
  const variants = spellings[word];
  return variants ? dice.weighted(variants) : word;
}

/** The name written down: every word in one of its spellings, title case or (35%) upper case. */
function writeName(dice: Dice, words: NameWords, upper = dice.chance(0.35)): string {
  const name = words.map((w) => spell(dice, w)).join(' ');
  return upper ? name.toUpperCase() : name;
}

function nameWords(dice: Dice, sex: 1 | 2, birthYear: number): NameWords {
  const old = birthYear < 1970;
  const second = (pool: readonly string[], first: string, p: number) => {
    if (!dice.chance(p)) return [];
    const pick = dice.pick(pool);
    return pick === first ? [] : [pick];
  };
  if (sex === 1) {
    const given = dice.pick(old ? pools.maleOld : pools.maleYoung);
    const r = dice.next();
    if (r < 0.18) return ['Muhammad', given, ...second(pools.maleSecond, given, 0.35)];
    if (r < 0.26) return ['Ahmad', given, ...second(pools.maleSecond, given, 0.2)];
    if (r < 0.3) return ['Abdul', dice.pick(pools.abdul)];
    return [given, ...second(pools.maleSecond, given, old ? 0.15 : 0.6)];
  }
  const given = dice.pick(old ? pools.femaleOld : pools.femaleYoung);
  const r = dice.next();
  if (r < 0.2) return ['Siti', given, ...second(pools.femaleSecond, given, 0.25)];
  if (r < 0.3) return [dice.pick(pools.nur), ...second(pools.femaleSecond, '', 0.3)];
  if (r < 0.36) return ['Sri', ...second(pools.femaleSecond, '', 1), ...(dice.chance(0.3) ? [given] : [])];
  if (r < 0.4) return ['Dewi', dice.pick(pools.femaleSecond)];
  return [given, ...second(pools.femaleSecond, given, old ? 0.15 : 0.6)];
}

// ---------------------------------------------------------------------------------------
// Dates and numbers

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const DAY_MS = 86_400_000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function dateIn(dice: Dice, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return isoOf(a + Math.floor(dice.next() * ((b - a) / DAY_MS + 1)) * DAY_MS);
}

const yearOf = (iso: string) => Number(iso.slice(0, 4));
const inYear = (dice: Dice, year: number) => dateIn(dice, `${year}-01-01`, `${year}-12-31`);
const addYears = (iso: string, years: number) => `${pad(yearOf(iso) + years, 4)}${iso.slice(4)}`.replace(/-02-29$/, '-02-28');
const minIso = (a: string, b: string) => (a < b ? a : b);
const maxIso = (a: string, b: string) => (a > b ? a : b);

const FIRST_BIRTH = '1940-01-01';
const LAST_BIRTH = '2025-12-31';
/** Status events and KK issue dates stay before the day these figures were taken. */
const LAST_EVENT = '2026-10-31';

// ---------------------------------------------------------------------------------------
// The generated registry

export type MigrantStatus = 'bukan_pmi' | 'calon_pmi' | 'pmi' | 'purna_pmi' | 'keluarga_pmi';
export type StatusEvent = { id: string; status: Exclude<MigrantStatus, 'bukan_pmi'>; effectiveDate: string; note: string | null };

/** One resident, with the `people` columns as the application stores them. */
export type GeneratedPerson = {
  id: string;
  village_code: string;
  family_id: string;
  nik: string;
  name: string;
  name_key: string;
  sex: 1 | 2;
  birth_place: string;
  birth_date: string;
  religion: number;
  education_kk: number;
  education_current: number | null;
  occupation: number;
  marital_status: number;
  family_relationship: number;
  citizenship: number;
  father_nik: string | null;
  father_name: string | null;
  mother_nik: string | null;
  mother_name: string | null;
  blood_type: number;
  birth_certificate: string | null;
  passport_number: string | null;
  passport_expiry: string | null;
  marriage_certificate: string | null;
  marriage_date: string | null;
  disability: number | null;
  contraception: number | null;
  pregnant: number | null;
  ktp_el: number | null;
  record_status: number | null;
  status_dasar: number;
  ethnicity: string | null;
  insurance_type: number | null;
  insurance_number: string | null;
  address: string;
  dusun: string;
  rw: string;
  rt: string;
  migrant_status: MigrantStatus;
  /** Not stored: the status history, and the words of the name before spelling. */
  events: StatusEvent[];
  words: NameWords;
};

export type GeneratedFamily = {
  id: string;
  village_code: string;
  noKk: string;
  issued: string;
  address: string;
  dusun: string;
  rw: string;
  rt: string;
  headId: string;
  members: GeneratedPerson[];
  /** Migrant → relatives left behind. */
  links: Array<{ id: string; migrantId: string; relativeId: string; relation: 'pasangan' | 'anak' | 'orang_tua' }>;
};

export type GeneratedVillage = { code: string; families: GeneratedFamily[]; people: GeneratedPerson[] };

/** The `people` columns the generator fills, in COPY order. */
export const personCopyColumns = [
  'id', 'village_code', 'family_id', 'nik', 'name', 'name_key', 'sex', 'birth_place', 'birth_date', 'religion', 'education_kk',
  'education_current', 'occupation', 'marital_status', 'family_relationship', 'citizenship', 'father_nik', 'father_name',
  'mother_nik', 'mother_name', 'blood_type', 'birth_certificate', 'passport_number', 'passport_expiry', 'marriage_certificate',
  'marriage_date', 'disability', 'contraception', 'pregnant', 'ktp_el', 'record_status', 'status_dasar', 'ethnicity',
  'insurance_type', 'insurance_number', 'address', 'dusun', 'rw', 'rt', 'migrant_status',
] as const satisfies ReadonlyArray<keyof GeneratedPerson>;

/** The columns a COPY of generated people writes: the generator's, then the NIK's blind index and temporary flag. */
export const personCopyTargets = [...personCopyColumns, 'nik_bidx', 'nik_temporary'] as const;

const sealedPeople = new Set<string>(SEALED_COLUMNS.people);
/** bytea in COPY text: `\x` + hex (copyLine escapes the backslash). */
const byteaText = (b: Buffer) => `\\x${b.toString('hex')}`;

/**
 * A person as one line of COPY text, identity numbers sealed with the process keyring as the
 * server stores them (the bench server runs with the same key).
 */
export function personCopyLine(p: GeneratedPerson): string {
  const ring = keyring();
  const values = personCopyColumns.map((c) => {
    const v = p[c] as CopyValue;
    return sealedPeople.has(c) && v !== null && v !== undefined && v !== '' ? byteaText(ring.seal(String(v))) : v;
  });
  return copyLine([...values, byteaText(ring.blindIndex(BLIND.nik, p.nik)), p.nik.startsWith('0') ? 't' : 'f']);
}

const destinations: Weighted<string> = [['Taiwan', 35], ['Hong Kong', 20], ['Malaysia', 15], ['Arab Saudi', 10], ['Korea Selatan', 8], ['Singapura', 6], ['Jepang', 6]];
const jobs = ['Perawat lansia', 'Asisten rumah tangga', 'Pekerja pabrik', 'Anak buah kapal perikanan', 'Buruh perkebunan', 'Pekerja konstruksi'];

const defaultDusun = ['Krajan', 'Blok Pahing', 'Blok Wage', 'Blok Kliwon', 'Blok Manis', 'Blok Puhun', 'Blok Legi', 'Karanganyar', 'Sukamaju', 'Sukamulya', 'Pekandangan', 'Babakan'];

export type VillageOptions = {
  /** Dusun names of the village (default: 4–6 picked from common ones). */
  dusun?: readonly string[];
};

export class RegistryGenerator {
  private readonly dice: Dice;
  private readonly nikSerials = new Map<string, number>();
  private readonly kkSerials = new Map<string, number>();
  private readonly temporarySerials = new Map<string, number>();
  /** Some earlier residents, who may turn up (moved) in a later village under the same NIK. */
  private readonly movers: GeneratedPerson[] = [];
  private generated = 0;

  constructor(seed = 20_161_004) {
    this.dice = new Dice(seededRandom(seed));
  }

  /** Another way of writing this person's name, as an officer might type it (not always different). */
  retype(person: Pick<GeneratedPerson, 'words' | 'name'>): string {
    let typed = person.name;
    for (let i = 0; i < 20 && typed.toLowerCase() === person.name.toLowerCase(); i++) typed = writeName(this.dice, person.words, false);
    return typed;
  }

  /**
   * A village of exactly `count` residents in families of 1–7. Serial numbers continue
   * across calls, so NIKs and No. KKs stay unique over everything one generator makes.
   */
  village(villageCode: string, count: number, options: VillageOptions = {}): GeneratedVillage {
    const dice = this.dice;
    const dusunNames = options.dusun ?? [...defaultDusun].sort(() => dice.next() - 0.5).slice(0, dice.int(4, 6));
    const families: GeneratedFamily[] = [];
    const people: GeneratedPerson[] = [];
    while (people.length < count) {
      const size = Math.min(count - people.length, dice.weighted<number>([[1, 8], [2, 14], [3, 22], [4, 25], [5, 17], [6, 9], [7, 5]]));
      const dusunIndex = dice.int(0, dusunNames.length - 1);
      const family = this.family(villageCode, size, dusunNames[dusunIndex]!, dusunIndex);
      families.push(family);
      people.push(...family.members);
    }
    return { code: villageCode, families, people };
  }

  private nik(villageCode: string, birthDate: string, sex: 1 | 2): string {
    if (yearOf(birthDate) >= 2024 && this.dice.chance(0.25)) {
      // A baby not registered yet: OpenSID's temporary number.
      const next = (this.temporarySerials.get(villageCode) ?? 0) + 1;
      this.temporarySerials.set(villageCode, next);
      return makeTemporaryId(villageCode, next);
    }
    const [y, m, d] = birthDate.split('-');
    const prefix = `${villageCode.slice(0, 6)}${pad(Number(d) + (sex === 2 ? 40 : 0), 2)}${m}${y!.slice(2)}`;
    // Serials from 0101: the demo seed numbers its few Kenanga residents from 0001.
    const serial = (this.nikSerials.get(prefix) ?? 100) + 1;
    this.nikSerials.set(prefix, serial);
    return `${prefix}${pad(serial, 4)}`;
  }

  private noKk(villageCode: string, issued: string): string {
    const [y, m, d] = issued.split('-');
    const prefix = `${villageCode.slice(0, 6)}${d}${m}${y!.slice(2)}`;
    const serial = (this.kkSerials.get(prefix) ?? 100) + 1;
    this.kkSerials.set(prefix, serial);
    return `${prefix}${pad(serial, 4)}`;
  }

  private family(villageCode: string, size: number, dusun: string, dusunIndex: number): GeneratedFamily {
    const dice = this.dice;
    const id = uuidv7();
    const rw = pad(dusunIndex * 2 + dice.int(1, 2), 3);
    const rt = pad(dusunIndex * 6 + dice.int(1, 6), 3);
    const address = `${dusun} RT ${rt} RW ${rw}`;
    const place = { address, dusun, rw, rt };

    // Who is in the family, with birth dates that fit together.
    type Draft = { sex: 1 | 2; birth: string; relationship: number };
    const drafts: Draft[] = [];
    let headSex: 1 | 2 = 1;
    let headBirth: string;
    if (size === 1) {
      headSex = dice.chance(0.45) ? 2 : 1;
      headBirth = dice.chance(0.4) ? dateIn(dice, FIRST_BIRTH, '1965-12-31') : dateIn(dice, '1985-01-01', '2003-12-31');
    } else {
      headSex = dice.chance(0.1) ? 2 : 1;
      headBirth = inYear(dice, Math.round(1950 + 48 * ((dice.next() + dice.next() + dice.next()) / 3)));
    }
    drafts.push({ sex: headSex, birth: headBirth, relationship: 1 });
    let remaining = size - 1;
    let motherBirth: string | null = headSex === 2 ? headBirth : null;
    if (remaining > 0 && headSex === 1 && dice.chance(0.93)) {
      const spouseBirth = inYear(dice, Math.min(2004, Math.max(1940, yearOf(headBirth) + dice.int(-1, 8))));
      drafts.push({ sex: 2, birth: spouseBirth, relationship: 3 });
      motherBirth = spouseBirth;
      remaining -= 1;
    }
    if (remaining >= 3 && dice.chance(0.2)) {
      const parentBirth = inYear(dice, yearOf(headBirth) - dice.int(22, 32));
      if (parentBirth >= FIRST_BIRTH) {
        drafts.push({ sex: dice.chance(0.7) ? 2 : 1, birth: parentBirth, relationship: 7 });
        remaining -= 1;
      }
    }
    const parentBirth = motherBirth ?? headBirth;
    for (let i = 0; i < remaining; i++) {
      const from = maxIso(addYears(parentBirth, 19), FIRST_BIRTH);
      const to = minIso(addYears(parentBirth, 42), LAST_BIRTH);
      // Parents born late: a grandchild or a younger relative instead of a child.
      const birth = from <= to ? dateIn(dice, from, to) : dateIn(dice, '2015-01-01', LAST_BIRTH);
      const relationship = from <= to ? (yearOf(parentBirth) < 1958 && dice.chance(0.35) ? 6 : 4) : 6;
      drafts.push({ sex: dice.chance(0.5) ? 2 : 1, birth, relationship });
    }

    // The people themselves.
    const members: GeneratedPerson[] = drafts.map((d) => this.person(villageCode, id, d.sex, d.birth, d.relationship, place));
    // Now and then a spouse who married in is still recorded in the parents' family of an
    // earlier village: the same NIK and birth date, the name spelled another way.
    for (const m of members) {
      if (m.family_relationship !== 3 || this.movers.length < 500 || !dice.chance(0.01)) continue;
      const earlier = dice.pick(this.movers);
      if (earlier.village_code === villageCode || earlier.sex !== m.sex) continue;
      m.nik = earlier.nik;
      m.birth_date = earlier.birth_date;
      m.words = earlier.words;
      m.name = writeName(dice, earlier.words);
      m.name_key = normalizePersonName(m.name);
      m.father_name = earlier.father_name;
      m.mother_name = earlier.mother_name;
    }
    const head = members[0]!;
    const spouse = members.find((m) => m.family_relationship === 3) ?? null;
    const father = head.sex === 1 ? head : null;
    const mother = head.sex === 2 ? head : spouse;
    const marriageDate = spouse ? maxIso(addYears(spouse.birth_date, dice.int(18, 24)), FIRST_BIRTH) : null;
    if (spouse && marriageDate) {
      for (const partner of [head, spouse]) {
        partner.marital_status = 2;
        partner.marriage_date = minIso(marriageDate, LAST_EVENT);
        partner.marriage_certificate = dice.chance(0.6) ? `${pad(dice.int(1, 999), 3)}/${pad(dice.int(1, 99), 2)}/${yearOf(partner.marriage_date)}` : null;
      }
    } else if (size === 1 || !spouse) {
      head.marital_status = yearOf(head.birth_date) < 1970 ? dice.weighted([[4, 70], [3, 20], [1, 10]]) : dice.weighted([[1, 70], [3, 20], [4, 10]]);
    }
    for (const m of members) {
      if (m.family_relationship === 4 || m.family_relationship === 6) {
        if (m.family_relationship === 4 && father) {
          m.father_nik = father.nik;
          m.father_name = father.name;
        }
        if (m.family_relationship === 4 && mother) {
          m.mother_nik = mother.nik;
          m.mother_name = mother.name;
        }
      }
    }

    // Migrant workers and those they leave behind.
    const links: GeneratedFamily['links'] = [];
    for (const m of members) {
      const year = yearOf(m.birth_date);
      if (year < 1966 || year > 2006 || !dice.chance(0.15)) continue;
      const status = dice.weighted<'pmi' | 'purna_pmi' | 'calon_pmi'>([['pmi', 50], ['purna_pmi', 30], ['calon_pmi', 20]]);
      const destination = dice.weighted(destinations);
      const job = dice.pick(jobs);
      const left = maxIso(dateIn(dice, '2008-01-01', '2026-06-30'), addYears(m.birth_date, 18));
      if (status === 'pmi') {
        m.events.push({ id: uuidv7(), status: 'pmi', effectiveDate: minIso(left, LAST_EVENT), note: `${job} di ${destination}` });
      } else if (status === 'purna_pmi') {
        const back = minIso(addYears(left, dice.int(2, 4)), LAST_EVENT);
        m.events.push({ id: uuidv7(), status: 'pmi', effectiveDate: minIso(left, back), note: `${job} di ${destination}` });
        m.events.push({ id: uuidv7(), status: 'purna_pmi', effectiveDate: back, note: `Kembali dari ${destination}` });
      } else {
        m.events.push({ id: uuidv7(), status: 'calon_pmi', effectiveDate: dateIn(dice, '2026-01-01', LAST_EVENT), note: `Minat kerja ke ${destination}` });
      }
      m.migrant_status = status;
      if (status !== 'calon_pmi') {
        m.passport_number = `${dice.pick(['B', 'C', 'E'])}${pad(dice.int(0, 9_999_999), 7)}`;
        m.passport_expiry = addYears(minIso(left, LAST_EVENT), 5);
      }
    }
    for (const migrant of members.filter((m) => m.migrant_status === 'pmi')) {
      const since = migrant.events[migrant.events.length - 1]!.effectiveDate;
      for (const relative of members) {
        if (relative === migrant || (relative.migrant_status !== 'bukan_pmi' && relative.migrant_status !== 'keluarga_pmi')) continue;
        const relation =
          (relative === head && migrant === spouse) || (relative === spouse && migrant === head)
            ? 'pasangan'
            : relative.family_relationship === 4 && (migrant === head || migrant === spouse)
              ? 'anak'
              : relative.family_relationship === 7 && migrant === head
                ? 'orang_tua'
                : null;
        if (!relation) continue;
        links.push({ id: uuidv7(), migrantId: migrant.id, relativeId: relative.id, relation });
        if (relative.migrant_status === 'bukan_pmi') {
          relative.migrant_status = 'keluarga_pmi';
          relative.events.push({ id: uuidv7(), status: 'keluarga_pmi', effectiveDate: since, note: null });
        }
      }
    }

    for (const m of members) {
      this.generated += 1;
      // Daughters and sons of their parents' family: who may later marry into another village.
      if (m.family_relationship !== 4 || m.birth_date < '1975-01-01' || m.birth_date > '2004-12-31') continue;
      if (this.movers.length < 2_000) this.movers.push(m);
      else if (dice.chance(2_000 / this.generated)) this.movers[dice.int(0, this.movers.length - 1)] = m;
    }

    const issued = maxIso(dateIn(dice, '2008-01-01', '2025-12-31'), minIso(members.reduce((latest, m) => maxIso(latest, m.birth_date), FIRST_BIRTH), '2025-12-31'));
    return { id, village_code: villageCode, noKk: this.noKk(villageCode, issued), issued, ...place, headId: head.id, members, links };
  }

  private person(
    villageCode: string,
    familyId: string,
    sex: 1 | 2,
    birthDate: string,
    relationship: number,
    place: { address: string; dusun: string; rw: string; rt: string },
  ): GeneratedPerson {
    const dice = this.dice;
    const year = yearOf(birthDate);
    const age = 2026 - year;
    const words = nameWords(dice, sex, year);
    const name = writeName(dice, words);
    const adult = age >= 17;
    const educationKk =
      age < 7 ? 1 : age <= 12 ? 2 : age <= 15 ? 3 : age <= 18 ? 4
        : year < 1960 ? dice.weighted([[1, 30], [2, 30], [3, 40]])
          : year < 1986 ? dice.weighted([[2, 15], [3, 40], [4, 25], [5, 20]])
            : dice.weighted([[3, 15], [4, 25], [5, 45], [6, 3], [7, 4], [8, 8]]);
    const educationCurrent = age < 5 ? 1 : age <= 6 ? 2 : age <= 12 ? 4 : age <= 15 ? 6 : age <= 18 ? 7 : 18;
    const occupation =
      age < 7 ? 1
        : age <= 18 ? 3
          : age >= 70 ? 1
            : relationship === 3 ? dice.weighted([[2, 70], [84, 10], [20, 10], [88, 10]])
              : dice.weighted([[9, 18], [20, 18], [11, 8], [84, 8], [88, 14], [15, 12], [19, 14], [81, 3], [5, 2], [1, 3]]);
    return {
      id: uuidv7(),
      village_code: villageCode,
      family_id: familyId,
      nik: this.nik(villageCode, birthDate, sex),
      name,
      name_key: normalizePersonName(name),
      sex,
      birth_place: dice.weighted([['Indramayu', 85], ['Cirebon', 5], ['Majalengka', 3], ['Subang', 3], ['Jakarta', 4]]),
      birth_date: birthDate,
      religion: dice.weighted([[1, 990], [2, 7], [3, 3]]),
      education_kk: educationKk,
      education_current: educationCurrent,
      occupation,
      marital_status: relationship === 7 ? 4 : 1,
      family_relationship: relationship,
      citizenship: 1,
      father_nik: null,
      father_name: relationship === 4 ? null : writeName(dice, nameWords(dice, 1, year - 25)),
      mother_nik: null,
      mother_name: relationship === 4 ? null : writeName(dice, nameWords(dice, 2, year - 22)),
      blood_type: dice.weighted([[13, 60], [1, 10], [2, 10], [3, 4], [4, 16]]),
      birth_certificate: year >= 1990 && dice.chance(0.7) ? `3212-LT-${pad(dice.int(1, 28), 2)}${pad(dice.int(1, 12), 2)}${year}-${pad(dice.int(1, 9999), 4)}` : null,
      passport_number: null,
      passport_expiry: null,
      marriage_certificate: null,
      marriage_date: null,
      disability: 7,
      contraception: sex === 2 && relationship === 3 && age < 50 ? dice.weighted([[1, 30], [2, 25], [3, 15], [99, 30]]) : null,
      pregnant: null,
      ktp_el: adult ? 2 : null,
      record_status: adult ? dice.weighted([[3, 85], [1, 15]]) : null,
      status_dasar: 1,
      ethnicity: dice.weighted([['Jawa', 70], ['Sunda', 27], ['Betawi', 3]]),
      insurance_type: dice.weighted([[1, 40], [2, 45], [3, 15]]),
      insurance_number: null,
      ...place,
      migrant_status: 'bukan_pmi',
      events: [],
      words,
    };
  }
}

// ---------------------------------------------------------------------------------------
// Writing into PostgreSQL

export type LoadCounts = { people: number; families: number; cards: number; events: number; links: number };

/**
 * Writes generated villages with COPY, in the caller's transaction: families (without
 * head), their card numbers, people, status events, migrant links, then each family's
 * head. The database's own triggers run (row versions, the duplicate-scan queue).
 */
export async function copyVillages(client: pg.ClientBase, villages: readonly GeneratedVillage[]): Promise<LoadCounts> {
  const families = villages.flatMap((v) => v.families);
  const people = villages.flatMap((v) => v.people);
  const counts: LoadCounts = { people: 0, families: 0, cards: 0, events: 0, links: 0 };
  counts.families = await copyFrom(client, 'families', ['id', 'village_code', 'address', 'dusun', 'rw', 'rt'],
    copyChunks(families.map((f) => copyLine([f.id, f.village_code, f.address, f.dusun, f.rw, f.rt]))));
  counts.cards = await copyFrom(client, 'family_card_numbers', ['id', 'family_id', 'village_code', 'no_kk', 'no_kk_bidx', 'valid_from'],
    copyChunks(families.map((f) => copyLine([uuidv7(), f.id, f.village_code, byteaText(keyring().seal(f.noKk)),
      byteaText(keyring().blindIndex(BLIND.noKk, f.noKk)), f.issued]))));
  counts.people = await copyFrom(client, 'people', personCopyTargets, copyChunks(people.map(personCopyLine)));
  counts.events = await copyFrom(client, 'migrant_status_events', ['id', 'person_id', 'village_code', 'status', 'effective_date', 'note'],
    copyChunks(people.flatMap((p) => p.events.map((e) => copyLine([e.id, p.id, p.village_code, e.status, e.effectiveDate, e.note])))));
  counts.links = await copyFrom(client, 'migrant_family_links', ['id', 'village_code', 'migrant_id', 'relative_id', 'relation'],
    copyChunks(families.flatMap((f) => f.links.map((l) => copyLine([l.id, f.village_code, l.migrantId, l.relativeId, l.relation])))));
  await client.query(
    `UPDATE families f SET head_person_id = u.head FROM unnest($1::uuid[], $2::uuid[]) AS u(id, head) WHERE f.id = u.id`,
    [families.map((f) => f.id), families.map((f) => f.headId)],
  );
  return counts;
}

// ---------------------------------------------------------------------------------------
// OpenSID workbook

const migrantLabel = (status: MigrantStatus) => (status === 'bukan_pmi' ? null : migrantStatusLabels[status]);

/** One row of OpenSID's "Data Penduduk" sheet (43 columns + pekerja_migran) for a resident. */
export function openSidRow(p: GeneratedPerson, family: GeneratedFamily): Record<PeopleImportColumn, string | number | null> {
  return {
    alamat: p.address,
    dusun: p.dusun,
    rw: p.rw,
    rt: p.rt,
    nama: p.name,
    no_kk: family.noKk,
    nik: p.nik,
    sex: p.sex,
    tempatlahir: p.birth_place,
    tanggallahir: p.birth_date,
    agama_id: p.religion,
    pendidikan_kk_id: p.education_kk,
    pendidikan_sedang_id: p.education_current,
    pekerjaan_id: p.occupation,
    status_kawin: p.marital_status,
    kk_level: p.family_relationship,
    warganegara_id: p.citizenship,
    ayah_nik: p.father_nik,
    nama_ayah: p.father_name,
    ibu_nik: p.mother_nik,
    nama_ibu: p.mother_name,
    golongan_darah_id: p.blood_type,
    akta_lahir: p.birth_certificate,
    dokumen_pasport: p.passport_number,
    tanggal_akhir_paspor: p.passport_expiry,
    dokumen_kitas: null,
    akta_perkawinan: p.marriage_certificate,
    tanggalperkawinan: p.marriage_date,
    akta_perceraian: null,
    tanggalperceraian: null,
    cacat_id: p.disability,
    cara_kb_id: p.contraception,
    hamil: p.pregnant,
    ktp_el: p.ktp_el,
    status_rekam: p.record_status,
    alamat_sekarang: null,
    status_dasar: p.status_dasar,
    suku: p.ethnicity,
    tag_id_card: null,
    id_asuransi: p.insurance_type,
    no_asuransi: p.insurance_number,
    lat: null,
    lng: null,
    pekerja_migran: migrantLabel(p.migrant_status),
  };
}

/**
 * The village as an OpenSID export: one sheet "Data Penduduk", a header row of the 43
 * OpenSID columns + pekerja_migran, then one row per resident, families together. NIK
 * and No. KK are text cells (as a number Excel would round them), codes are numbers.
 * Written with exceljs' streaming writer (shared strings, as Excel does).
 */
export async function openSidWorkbook(village: GeneratedVillage): Promise<Buffer> {
  const sink = new PassThrough();
  const parts: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => parts.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: false });
  const sheet = book.addWorksheet(peopleImportSheetName);
  sheet.addRow([...peopleImportColumns]).commit();
  for (const family of village.families) {
    for (const person of family.members) {
      const row = openSidRow(person, family);
      sheet.addRow(peopleImportColumns.map((c) => row[c])).commit();
    }
  }
  sheet.commit();
  await book.commit();
  await finished;
  return Buffer.concat(parts);
}
