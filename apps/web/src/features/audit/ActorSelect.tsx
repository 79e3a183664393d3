import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../users/api';
import { useUser } from './api';

/** Picks an account by typing part of its name; the server searches. */
export function ActorSelect({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const found = useUsers({ q: debounced || undefined }, 20);
  const chosen = useUser(value);
  const options = new Map<string, string>();
  if (chosen.data) options.set(chosen.data.id, `${chosen.data.fullName} (@${chosen.data.username})`);
  for (const user of found.data?.items ?? []) options.set(user.id, `${user.fullName} (@${user.username})`);

  return (
    <Select
      label={t('audit.actor')}
      placeholder={t('audit.anyActor')}
      searchable
      clearable
      nothingFoundMessage={t('audit.noActor')}
      filter={({ options: all }) => all}
      data={[...options].map(([id, label]) => ({ value: id, label }))}
      value={value ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => onChange(id ?? undefined)}
    />
  );
}
