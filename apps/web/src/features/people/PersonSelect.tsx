import type { PersonSummary } from '@desmigratif/contracts';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { offlineDb } from '../../offline/db';
import { useSyncState } from '../../offline/sync';
import { useLiveQuery } from '../../offline/useLiveQuery';
import { usePeople } from './api';

interface PersonSelectProps {
  villageCode: string;
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  /** People who may not be chosen (the person the page is about). */
  exclude?: readonly string[];
  error?: string;
  required?: boolean;
}

type Option = Pick<PersonSummary, 'id' | 'name' | 'nik'>;

const label = (person: Option) => `${person.name} · ${person.nik}`;

/** Without signal: residents of the village on the phone whose name or NIK contains `q`. */
function useLocalPeople(villageCode: string, q: string, wanted: boolean): Option[] {
  const needle = q.toLowerCase();
  const found = useLiveQuery(async () => {
    if (!wanted) return [];
    const rows = await offlineDb()
      .people.where('village_code')
      .equals(villageCode)
      .filter((row) => !row.deleted_at && !row.merged_into && `${String(row.name)} ${String(row.nik ?? '')}`.toLowerCase().includes(needle))
      .limit(20)
      .toArray();
    return rows.map((row) => ({ id: row.id, name: String(row.name), nik: String(row.nik ?? '') }));
  }, [villageCode, needle, wanted]);
  return found ?? [];
}

/** Picks a resident of the same village by typing part of their name or NIK; the server searches (the phone, without signal). */
export function PersonSelect({ villageCode, label: fieldLabel, value, onChange, exclude = [], error, required }: PersonSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = usePeople(villageCode, { q: q || undefined }, 20);
  const offline = !useSyncState().online;
  const local = useLocalPeople(villageCode, q, offline);
  const [chosen, setChosen] = useState<Option | null>(null);
  const options = new Map<string, Option>();
  if (chosen && chosen.id === value) options.set(chosen.id, chosen);
  for (const person of offline ? local : (found.data?.items ?? [])) if (!exclude.includes(person.id)) options.set(person.id, person);

  return (
    <Select
      label={fieldLabel}
      placeholder={t('people.searchPlaceholder')}
      required={required}
      error={error}
      searchable
      clearable
      nothingFoundMessage={t('people.empty')}
      filter={({ options: all }) => all}
      comboboxProps={{ withinPortal: true }}
      data={[...options.values()].map((person) => ({ value: person.id, label: label(person) }))}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        setChosen(id ? (options.get(id) ?? null) : null);
        onChange(id);
      }}
    />
  );
}
