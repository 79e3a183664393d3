import type { JobOrder } from '@desmigratif/contracts';
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../agencies/api';

interface AgencySelectProps extends Omit<SelectProps, 'data' | 'searchValue' | 'onSearchChange'> {
  /** The agency already chosen, shown before any search. */
  current: JobOrder['agency'];
}

/** Picks a licensed agency by typing part of its name or licence number. */
export function AgencySelect({ current, ...props }: AgencySelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const agencies = useAgencies({ q: q.trim() || undefined }, 20);
  const options = new Map<string, string>();
  if (current) options.set(current.id, `${current.name} (${current.licenceNumber})`);
  for (const agency of agencies.data?.items ?? []) {
    options.set(agency.id, `${agency.name} (${agency.licenceNumber}) · ${t(`agencies.status.${agency.licenceStatus}`)}`);
  }
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={t('agencies.empty')}
      placeholder={t('jobs.agencyPlaceholder')}
      data={[...options].map(([value, label]) => ({ value, label }))}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      {...props}
    />
  );
}
