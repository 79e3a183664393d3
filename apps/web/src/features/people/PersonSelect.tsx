import type { PersonSummary } from '@desmigratif/contracts';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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

const label = (person: PersonSummary) => `${person.name} · ${person.nik}`;

/** Picks a resident of the same village by typing part of their name or NIK; the server searches. */
export function PersonSelect({ villageCode, label: fieldLabel, value, onChange, exclude = [], error, required }: PersonSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = usePeople(villageCode, { q: q || undefined }, 20);
  const [chosen, setChosen] = useState<PersonSummary | null>(null);
  const options = new Map<string, PersonSummary>();
  if (chosen && chosen.id === value) options.set(chosen.id, chosen);
  for (const person of found.data?.items ?? []) if (!exclude.includes(person.id)) options.set(person.id, person);

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
