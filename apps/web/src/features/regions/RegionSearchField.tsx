import type { Region, RegionLevel } from '@desmigratif/contracts';
import { CloseButton, Loader, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSkeleton } from '../../components/Skeletons';
import { minSearchLength, useRegionSearch } from './api';
import { RegionRow } from './RegionRow';

interface RegionSearchFieldProps {
  level?: RegionLevel;
  within: string;
  /** Which results to list. */
  accept?: (region: Region) => boolean;
  /** Whether picking a result leads further down (shows a chevron). */
  drills?: (region: Region) => boolean;
  onPick: (region: Region) => void;
  renderAction?: (region: Region) => ReactNode;
  /** Shown while nothing is being searched: the browsable tree. */
  children: ReactNode;
}

/** A search box over region names that shows matches while typing and the tree otherwise. */
export function RegionSearchField({
  level,
  within,
  accept,
  drills,
  onPick,
  renderAction,
  children,
}: RegionSearchFieldProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 250);
  const searching = debounced.length >= minSearchLength;
  const search = useRegionSearch({ q: debounced, level, within });
  const results = (search.data?.items ?? []).filter((region) => !accept || accept(region));

  return (
    <Stack gap="sm">
      <TextInput
        type="search"
        data-autofocus
        label={t('region.searchLabel')}
        placeholder={t('region.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        rightSection={
          search.isFetching && searching ? (
            <Loader size="xs" />
          ) : query ? (
            <CloseButton size="sm" aria-label={t('actions.clearSearch')} onClick={() => setQuery('')} />
          ) : null
        }
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
      />
      {!searching && children}
      {searching && search.isError && <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />}
      {searching && search.isPending && <ListSkeleton rows={3} />}
      {searching && search.isSuccess && (
        <Stack gap={2} aria-live="polite">
          <Text size="xs" c="dimmed">
            {t('region.resultsFor', { count: results.length, q: debounced })}
          </Text>
          {results.map((region) => (
            <RegionRow
              key={region.code}
              region={region}
              withPath
              drills={drills ? drills(region) : true}
              onOpen={() => {
                setQuery('');
                onPick(region);
              }}
              action={renderAction?.(region)}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
