import { sectorLabels, sectors } from '@desmigratif/contracts';
import { Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterPanel } from '../../components/FilterPanel';
import { oneOf } from '../../lib/searchParams';
import type { JobFilters } from './api';
import { countryOptions } from './JobForm';

export function JobFiltersBar({ filters, onChange }: { filters: JobFilters; onChange: (next: JobFilters) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(filters.q ?? '');
  const change = (patch: Partial<JobFilters>) => onChange({ ...filters, ...patch, page: undefined });
  const changeText = useDebouncedCallback((q: string) => change({ q: q.trim() || undefined }), 350);

  return (
    <FilterPanel
      activeCount={[filters.country, filters.sector, filters.verified, filters.openOnly].filter(Boolean).length}
      search={
        <TextInput
          type="search"
          label={t('jobs.search')}
          placeholder={t('jobs.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            changeText(event.currentTarget.value);
          }}
        />
      }
    >
      <Select
        label={t('jobs.country')}
        placeholder={t('jobs.allCountries')}
        searchable
        clearable
        data={countryOptions}
        value={filters.country ?? null}
        onChange={(value) => change({ country: value ?? undefined })}
      />
      <Select
        label={t('jobs.sector')}
        placeholder={t('jobs.allSectors')}
        clearable
        data={sectors.map((s) => ({ value: s, label: sectorLabels[s] }))}
        value={filters.sector ?? null}
        onChange={(value) => change({ sector: oneOf(sectors, value) })}
      />
      <Select
        label={t('jobs.verification')}
        placeholder={t('jobs.allVerification')}
        clearable
        data={[
          { value: 'true', label: t('jobs.verifiedOnly') },
          { value: 'false', label: t('jobs.unverifiedOnly') },
        ]}
        value={filters.verified ?? null}
        onChange={(value) => change({ verified: oneOf(['true', 'false'] as const, value) })}
      />
      <Switch
        mt={{ base: 0, sm: 'xl' }}
        label={t('jobs.openOnly')}
        checked={Boolean(filters.openOnly)}
        onChange={(event) => change({ openOnly: event.currentTarget.checked || undefined })}
      />
    </FilterPanel>
  );
}
