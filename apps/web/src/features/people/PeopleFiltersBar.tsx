import { ageBands, migrantStatuses, statusDasarList } from '@desmigratif/contracts';
import { Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterPanel } from '../../components/FilterPanel';
import { oneOf } from '../../lib/searchParams';
import type { PeopleFilters } from './api';
import { codeOptions } from './codeOptions';

interface PeopleFiltersBarProps {
  filters: PeopleFilters;
  onChange: (next: PeopleFilters) => void;
}

const numberOrUndefined = (value: string | null) => (value ? Number(value) : undefined);

export function PeopleFiltersBar({ filters, onChange }: PeopleFiltersBarProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(filters.q ?? '');
  const [dusun, setDusun] = useState(filters.dusun ?? '');
  const change = (patch: Partial<PeopleFilters>) => onChange({ ...filters, ...patch, page: undefined });
  const changeText = useDebouncedCallback((q: string) => change({ q: q.trim() || undefined }), 350);
  const changeDusun = useDebouncedCallback((value: string) => change({ dusun: value.trim() || undefined }), 350);

  return (
    <FilterPanel
      columns={3}
      activeCount={
        [filters.migrantStatus, filters.dusun, filters.sex, filters.ageBand, filters.statusDasar].filter(Boolean)
          .length
      }
      search={
        <TextInput
          type="search"
          label={t('people.search')}
          placeholder={t('people.searchPlaceholder')}
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
        label={t('person.migrantStatus')}
        placeholder={t('people.allStatuses')}
        clearable
        data={migrantStatuses.map((status) => ({ value: status, label: t(`migrantStatus.${status}`) }))}
        value={filters.migrantStatus ?? null}
        onChange={(value) => change({ migrantStatus: oneOf(migrantStatuses, value) })}
      />
      <TextInput
        label={t('person.dusun')}
        placeholder={t('people.allDusun')}
        value={dusun}
        onChange={(event) => {
          setDusun(event.currentTarget.value);
          changeDusun(event.currentTarget.value);
        }}
      />
      <Select
        label={t('person.sex')}
        placeholder={t('people.allSexes')}
        clearable
        data={[
          { value: '1', label: t('sex.1') },
          { value: '2', label: t('sex.2') },
        ]}
        value={filters.sex ? String(filters.sex) : null}
        onChange={(value) => change({ sex: numberOrUndefined(value) })}
      />
      <Select
        label={t('people.ageBand')}
        placeholder={t('people.allAges')}
        clearable
        data={ageBands.map((band) => ({ value: band, label: t('people.ageBandValue', { band }) }))}
        value={filters.ageBand ?? null}
        onChange={(value) => change({ ageBand: oneOf(ageBands, value) })}
      />
      <Select
        label={t('person.statusDasar')}
        placeholder={t('people.allStatusDasar')}
        clearable
        data={codeOptions(statusDasarList)}
        value={filters.statusDasar ? String(filters.statusDasar) : null}
        onChange={(value) => change({ statusDasar: numberOrUndefined(value) })}
      />
    </FilterPanel>
  );
}
