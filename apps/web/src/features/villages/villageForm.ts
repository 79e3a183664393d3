import type {
  EnrollVillageRequest,
  ProgramVillage,
  ProgramVillageStatus,
  UpdateVillageRequest,
} from '@desmigratif/contracts';
import { blankToNull } from '../../lib/validation';

/** What the village form holds: text as typed, '' for "not filled in". */
export interface VillageFormValues {
  villageCode: string;
  cohortYear: string;
  status: ProgramVillageStatus;
  officers: { key: string; name: string; phone: string }[];
  headName: string;
  headPhone: string;
  notes: string;
}

export const maxOfficers = 2;

export function emptyVillageForm(
  villageCode: string,
  status: ProgramVillageStatus,
  cohortYear: number,
): VillageFormValues {
  return { villageCode, cohortYear: String(cohortYear), status, officers: [], headName: '', headPhone: '', notes: '' };
}

export function villageToForm(village: ProgramVillage, newKey: () => string): VillageFormValues {
  return {
    villageCode: village.villageCode,
    cohortYear: String(village.cohortYear),
    status: village.status,
    officers: village.officers.map((officer) => ({ key: newKey(), name: officer.name, phone: officer.phone ?? '' })),
    headName: village.headName ?? '',
    headPhone: village.headPhone ?? '',
    notes: village.notes ?? '',
  };
}

function details(values: VillageFormValues) {
  return {
    officers: values.officers.map((officer) => ({ name: officer.name.trim(), phone: blankToNull(officer.phone) })),
    headName: blankToNull(values.headName),
    headPhone: blankToNull(values.headPhone),
    notes: blankToNull(values.notes),
  };
}

export function toEnrollRequest(values: VillageFormValues): EnrollVillageRequest {
  return {
    villageCode: values.villageCode,
    cohortYear: Number(values.cohortYear),
    status: values.status,
    ...details(values),
  };
}

/** An update sends the version it was based on; status and cohort only from roles that may select villages. */
export function toUpdateRequest(
  values: VillageFormValues,
  version: string,
  withSelection: boolean,
): UpdateVillageRequest {
  return {
    ...(withSelection ? { cohortYear: Number(values.cohortYear), status: values.status } : {}),
    ...details(values),
    version,
  };
}

export type VillageField = 'cohortYear' | 'status' | 'officers' | 'headName' | 'headPhone' | 'notes';

/** Fields where the saved record differs from what the user typed, for the "someone else changed it" notice. */
export function changedFields(saved: ProgramVillage, values: VillageFormValues): VillageField[] {
  const typed = toEnrollRequest(values);
  const officers = (list: { name: string; phone?: string | null }[]) =>
    JSON.stringify(list.map((officer) => [officer.name, officer.phone ?? null]));
  const fields: [VillageField, boolean][] = [
    ['cohortYear', saved.cohortYear !== typed.cohortYear],
    ['status', saved.status !== typed.status],
    ['officers', officers(saved.officers) !== officers(typed.officers ?? [])],
    ['headName', saved.headName !== typed.headName],
    ['headPhone', saved.headPhone !== typed.headPhone],
    ['notes', saved.notes !== typed.notes],
  ];
  return fields.filter(([, differs]) => differs).map(([field]) => field);
}
