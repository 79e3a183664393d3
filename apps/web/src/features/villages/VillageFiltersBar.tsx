import { programVillageStatuses, type RegionLevel } from '@desmigratif/contracts';
import { Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterPanel } from '../../components/FilterPanel';
import { codeLength } from '../../lib/regions';
import { oneOf } from '../../lib/searchParams';
import { RegionPicker } from '../regions/RegionPicker';
import type { VillageFilters } from './api';
import { cohortYears } from './cohortYears';

const filterLevels: readonly RegionLevel[] = ['provinsi', 'kabupaten', 'kecamatan'];

interface VillageFiltersBarProps {
  filters: VillageFilters;
  /** The user's own scope: regions above it are not offered. */
  scopeCode: string;
  onChange: (next: VillageFilters) => void;
}

export function VillageFiltersBar({ filters, scopeCode, onChange }: VillageFiltersBarProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(filters.q ?? '');
  const change = (patch: Partial<VillageFilters>) => onChange({ ...filters, ...patch, page: undefined });
  const changeText = useDebouncedCallback((q: string) => change({ q: q.trim() || undefined }), 350);
  const levels = filterLevels.filter((level) => codeLength(level) > scopeCode.length);

  return (
    <FilterPanel
      activeCount={[filters.within, filters.cohortYear, filters.status].filter(Boolean).length}
      search={
        <TextInput
          type="search"
          label={t('villages.search')}
          placeholder={t('villages.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            changeText(event.currentTarget.value);
          }}
        />
      }
    >
      {levels.length > 0 && (
        <RegionPicker
          label={t('villages.region')}
          placeholder={t('villages.allRegions')}
          levels={levels}
          within={scopeCode}
          clearable
          value={filters.within ?? ''}
          onChange={(code) => change({ within: code || undefined })}
        />
      )}
      <Select
        label={t('village.cohort')}
        placeholder={t('villages.allCohorts')}
        clearable
        data={cohortYears().map(String)}
        value={filters.cohortYear ? String(filters.cohortYear) : null}
        onChange={(value) => change({ cohortYear: value ? Number(value) : undefined })}
      />
      <Select
        label={t('village.status')}
        placeholder={t('villages.allStatuses')}
        clearable
        data={programVillageStatuses.map((status) => ({ value: status, label: t(`villageStatus.${status}`) }))}
        value={filters.status ?? null}
        onChange={(value) => change({ status: oneOf(programVillageStatuses, value) })}
      />
    </FilterPanel>
  );
}
