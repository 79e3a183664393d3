import { cleanIdentityNumber, parseNik } from '@desmigratif/domain';

export interface SuggestionQuery {
  name?: string;
  birthDate?: string;
  nik?: string;
  fatherName?: string;
  motherName?: string;
}

interface TypedPerson {
  name: string;
  birthDate: string;
  nik: string;
  fatherName: string;
  motherName: string;
}

const minNameLength = 2;

/**
 * What to ask the duplicate search about the person being typed: only what is complete enough to compare (a name
 * of 2+ letters, a real date, a NIK without errors), or null when there is nothing to go on yet.
 */
export function suggestionQuery(typed: TypedPerson): SuggestionQuery | null {
  const name = typed.name.trim();
  const nik = cleanIdentityNumber(typed.nik.replace(/-/g, ''));
  const query: SuggestionQuery = {
    name: name.length >= minNameLength ? name : undefined,
    birthDate: /^\d{4}-\d{2}-\d{2}$/.test(typed.birthDate) ? typed.birthDate : undefined,
    nik: /^\d{16}$/.test(nik) && parseNik(nik).valid ? nik : undefined,
    fatherName: typed.fatherName.trim() || undefined,
    motherName: typed.motherName.trim() || undefined,
  };
  if (!query.name && !query.nik) return null;
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined));
}
