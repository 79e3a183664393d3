import type { MigrantStatus, PersonDetail } from '@desmigratif/contracts';
import { blankToNull } from '../../lib/validation';

/** What the person form holds: text as typed, code-list choices as their code in a string, '' for "not filled in". */
export interface PersonFormValues {
  nik: string;
  name: string;
  sex: string;
  religion: string;
  citizenship: string;
  maritalStatus: string;
  educationKk: string;
  educationCurrent: string;
  occupation: string;
  bloodType: string;
  passportNumber: string;
  passportExpiry: string;
  phone: string;
  birthPlace: string;
  birthDate: string;
  fatherNik: string;
  fatherName: string;
  motherNik: string;
  motherName: string;
  familyId: string;
  familyRelationship: string;
  address: string;
  dusun: string;
  rw: string;
  rt: string;
  statusDasar: string;
  migrantStatus: MigrantStatus;
}

/** Fields a PATCH may change (everything but the migrant status, which changes only through dated events). */
export type PersonField = Exclude<keyof PersonFormValues, 'migrantStatus'>;

const wni = '1';
const hidup = '1';

export function emptyPersonForm(): PersonFormValues {
  return {
    nik: '',
    name: '',
    sex: '',
    religion: '',
    citizenship: wni,
    maritalStatus: '',
    educationKk: '',
    educationCurrent: '',
    occupation: '',
    bloodType: '',
    passportNumber: '',
    passportExpiry: '',
    phone: '',
    birthPlace: '',
    birthDate: '',
    fatherNik: '',
    fatherName: '',
    motherNik: '',
    motherName: '',
    familyId: '',
    familyRelationship: '',
    address: '',
    dusun: '',
    rw: '',
    rt: '',
    statusDasar: hidup,
    migrantStatus: 'bukan_pmi',
  };
}

const text = (value: string | null): string => value ?? '';
const codeText = (value: number | null): string => (value === null ? '' : String(value));

export function personToForm(person: PersonDetail): PersonFormValues {
  return {
    nik: person.nik,
    name: person.name,
    sex: String(person.sex),
    religion: codeText(person.religion),
    citizenship: String(person.citizenship),
    maritalStatus: codeText(person.maritalStatus),
    educationKk: codeText(person.educationKk),
    educationCurrent: codeText(person.educationCurrent),
    occupation: codeText(person.occupation),
    bloodType: codeText(person.bloodType),
    passportNumber: text(person.passportNumber),
    passportExpiry: text(person.passportExpiry),
    phone: text(person.phone),
    birthPlace: text(person.birthPlace),
    birthDate: text(person.birthDate),
    fatherNik: text(person.fatherNik),
    fatherName: text(person.fatherName),
    motherNik: text(person.motherNik),
    motherName: text(person.motherName),
    familyId: text(person.familyId),
    familyRelationship: codeText(person.familyRelationship),
    address: text(person.address),
    dusun: text(person.dusun),
    rw: text(person.rw),
    rt: text(person.rt),
    statusDasar: String(person.statusDasar),
    migrantStatus: person.migrantStatus,
  };
}

/** A chosen code, or null. The schemas name a code outside the list; they never see NaN. */
const code = (value: string): number | null => (value.trim() === '' ? null : Number(value));

/**
 * The form as the API's person fields, unchecked: the contracts' schemas validate it (and clean the identity
 * numbers) before it is sent, so that their Indonesian messages land on the fields.
 */
function toPersonFields(values: PersonFormValues) {
  return {
    nik: values.nik.trim(),
    name: values.name.trim(),
    sex: code(values.sex) ?? undefined,
    religion: code(values.religion),
    citizenship: code(values.citizenship) ?? undefined,
    maritalStatus: code(values.maritalStatus),
    educationKk: code(values.educationKk),
    educationCurrent: code(values.educationCurrent),
    occupation: code(values.occupation),
    bloodType: code(values.bloodType),
    passportNumber: blankToNull(values.passportNumber),
    passportExpiry: blankToNull(values.passportExpiry),
    phone: blankToNull(values.phone),
    birthPlace: blankToNull(values.birthPlace),
    birthDate: blankToNull(values.birthDate),
    fatherNik: blankToNull(values.fatherNik),
    fatherName: blankToNull(values.fatherName),
    motherNik: blankToNull(values.motherNik),
    motherName: blankToNull(values.motherName),
    familyId: blankToNull(values.familyId),
    familyRelationship: code(values.familyRelationship),
    address: blankToNull(values.address),
    dusun: blankToNull(values.dusun),
    rw: blankToNull(values.rw),
    rt: blankToNull(values.rt),
    statusDasar: code(values.statusDasar) ?? undefined,
  } satisfies Record<PersonField, unknown>;
}

type PersonFields = ReturnType<typeof toPersonFields>;

/** A new person with the id made on this device, so a retried save never records them twice. */
export function toCreateRequest(values: PersonFormValues, id: string, confirmNotDuplicate: boolean) {
  return {
    id,
    ...toPersonFields(values),
    migrantStatus: values.migrantStatus,
    ...(confirmNotDuplicate ? { confirmNotDuplicate: true } : {}),
  };
}

/** The fields where `values` differ from `baseline`, in form order. */
export function differingFields(baseline: PersonFormValues, values: PersonFormValues): PersonField[] {
  const before = toPersonFields(baseline);
  const after = toPersonFields(values);
  return (Object.keys(after) as PersonField[]).filter((field) => after[field] !== before[field]);
}

/** Only what the officer changed since `baseline` (the record they opened), with the version it was read at. */
export function toUpdateRequest(
  values: PersonFormValues,
  baseline: PersonFormValues,
  version: string,
): Partial<PersonFields> & { version: string } {
  const fields = toPersonFields(values);
  const changed = differingFields(baseline, values);
  return { ...Object.fromEntries(changed.map((field) => [field, fields[field]])), version };
}

/**
 * An edit kept on the phone for the next sync, from the checked PATCH body (only the changed fields
 * and the version read): the changes without `version` (the server compares `baseVersion` itself),
 * and for each changed field its value as the officer opened it (`base`), in the API's form.
 */
export function toOfflineEdit(
  request: Partial<PersonFields> & { version: string },
  baseline: PersonFormValues,
): { changes: Partial<PersonFields>; base: Partial<PersonFields>; baseVersion: string } {
  const { version, ...changes } = request;
  const before = toPersonFields(baseline);
  const fields = Object.keys(changes) as PersonField[];
  return { changes, base: Object.fromEntries(fields.map((field) => [field, before[field]])), baseVersion: version };
}
