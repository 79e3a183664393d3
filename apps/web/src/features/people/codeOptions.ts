import type { CodeList } from '@desmigratif/contracts';

/** A civil-registry code list as Select options: the code as value, OpenSID's label as text. */
export function codeOptions(list: CodeList): { value: string; label: string }[] {
  return list.map((entry) => ({ value: String(entry.code), label: entry.label }));
}
