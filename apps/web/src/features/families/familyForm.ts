import type { Family } from '@desmigratif/contracts';
import { blankToNull } from '../../lib/validation';

export interface FamilyAddressValues {
  dusun: string;
  rw: string;
  rt: string;
  address: string;
}

/** A new family (KK): its number and where it lives. */
export interface NewFamilyValues extends FamilyAddressValues {
  noKk: string;
}

/** Editing a family: the current number is shown, not edited; a new card's number goes in `newNoKk`. */
export interface FamilyEditValues extends FamilyAddressValues {
  newNoKk: string;
  /** YYYY-MM-DD from when the new card applies; '' lets the server take the date in the number. */
  noKkValidFrom: string;
  headPersonId: string;
}

function addressFields(values: FamilyAddressValues) {
  return {
    dusun: blankToNull(values.dusun),
    rw: blankToNull(values.rw),
    rt: blankToNull(values.rt),
    address: blankToNull(values.address),
  };
}

export function toCreateFamilyRequest(values: NewFamilyValues, id: string) {
  return { id, noKk: values.noKk.trim(), ...addressFields(values) };
}

export function familyToForm(family: Family): FamilyEditValues {
  return {
    newNoKk: '',
    noKkValidFrom: '',
    headPersonId: family.headPersonId ?? '',
    dusun: family.dusun ?? '',
    rw: family.rw ?? '',
    rt: family.rt ?? '',
    address: family.address ?? '',
  };
}

function editFields(values: FamilyEditValues) {
  return { headPersonId: blankToNull(values.headPersonId), ...addressFields(values) };
}

/** Only what changed since `baseline`, with the version it was read at; a new KK number with its start date. */
export function toUpdateFamilyRequest(values: FamilyEditValues, baseline: FamilyEditValues, version: string) {
  const before = editFields(baseline);
  const after = editFields(values);
  const changed = (Object.keys(after) as (keyof typeof after)[]).filter((field) => after[field] !== before[field]);
  const newNoKk = values.newNoKk.trim();
  return {
    ...Object.fromEntries(changed.map((field) => [field, after[field]])),
    ...(newNoKk ? { noKk: newNoKk, ...(values.noKkValidFrom ? { noKkValidFrom: values.noKkValidFrom } : {}) } : {}),
    version,
  };
}

type FamilyEditField = keyof ReturnType<typeof editFields> | 'noKk';

/**
 * A family edit kept on the phone for the next sync, from the checked PATCH body: the changed fields,
 * each one's value as the officer opened it (`base`; for a new card, the number it replaces), and the
 * new card's start date, which is sent but never compared (it is not a stored value of the family).
 */
export function toOfflineFamilyEdit(
  request: Partial<Record<FamilyEditField, string | null>> & { noKkValidFrom?: string; version: string },
  baseline: FamilyEditValues,
  openedNoKk: string | null,
) {
  const { version, noKkValidFrom, ...changes } = request;
  const before: Record<FamilyEditField, string | null> = { ...editFields(baseline), noKk: openedNoKk };
  const fields = Object.keys(changes) as FamilyEditField[];
  return {
    changes,
    base: Object.fromEntries(fields.map((field) => [field, before[field]])),
    baseVersion: version,
    extraArgs: noKkValidFrom ? { noKkValidFrom } : {},
  };
}
