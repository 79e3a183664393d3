import type { MigrationDocumentInput } from '@desmigratif/contracts';
import type { Sex } from '../identity/issues.js';
import { type NikParseResult, parseNik } from '../identity/nik.js';

/** What the migration rules need to know about the prospective migrant, as the registry records it. */
export type MigrantPerson = {
  nik: string;
  /** Recorded birth date, YYYY-MM-DD. */
  birthDate?: string | null;
  /** OpenSID code: 1 laki-laki, 2 perempuan. */
  sex?: number | null;
  /** OpenSID code: 1 belum kawin, 2 kawin, 3 cerai hidup, 4 cerai mati. */
  maritalStatus?: number | null;
};

export type PlanDocument = Pick<MigrationDocumentInput, 'kind' | 'status' | 'expiresOn'>;

const married = 2;

/** True when married, false when single, divorced or widowed, null when not recorded. */
export function isMarried(person: Pick<MigrantPerson, 'maritalStatus'>): boolean | null {
  if (person.maritalStatus === null || person.maritalStatus === undefined) return null;
  return person.maritalStatus === married;
}

const sexByCode: Record<number, Sex> = { 1: 'L', 2: 'P' };

export type IdentityReading = {
  nik: NikParseResult;
  /** The recorded birth date, else the one written in the NIK; null when neither is known. */
  birthDate: string | null;
};

/** Reads the NIK against the recorded birth date and sex (disagreements are the NIK's warnings). */
export function readIdentity(person: MigrantPerson, today: string): IdentityReading {
  const sex = person.sex === null || person.sex === undefined ? undefined : sexByCode[person.sex];
  const nik = parseNik(person.nik, { birthDate: person.birthDate ?? undefined, sex, today });
  return { nik, birthDate: person.birthDate ?? nik.birthDate };
}
