import { Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PaginationBar } from '../../components/PaginationBar';
import { ListSkeleton } from '../../components/Skeletons';
import { useSyncState } from '../../offline/sync';
import { LocalRecords } from '../sync/LocalRecords';
import { RegistryTabs } from '../people/RegistryTabs';
import { VillageLabel } from '../people/VillageLabel';
import { familyPageSize, useFamilies } from './api';
import { FamilyList } from './FamilyList';

/** A village's family cards, found by No. KK or a member's name. */
export function FamiliesPage() {
  const { t } = useTranslation();
  const { villageCode } = useParams({ from: '/app/penduduk/desa/$villageCode/keluarga' });
  const search = useSearch({ from: '/app/penduduk/desa/$villageCode/keluarga' });
  const navigate = useNavigate({ from: '/penduduk/desa/$villageCode/keluarga' });
  const families = useFamilies(villageCode, search.q ?? '', search.page ?? 1);
  // Without signal the list comes from the phone (LocalRecords), not the server.
  const offline = !useSyncState().online;
  const [text, setText] = useState(search.q ?? '');
  const changeText = useDebouncedCallback(
    (q: string) => void navigate({ search: { q: q.trim() || undefined } }),
    350,
  );

  return (
    <>
      <PageHeader title={t('people.title')} description={<VillageLabel code={villageCode} />} />
      <RegistryTabs villageCode={villageCode} current="families" />
      <TextInput
        type="search"
        mb="md"
        label={t('people.search')}
        placeholder={t('family.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          changeText(event.currentTarget.value);
        }}
      />
      <LocalRecords
        table="families"
        villageCode={villageCode}
        offline={offline}
        personColumn="head_person_id"
        describe={(row) => [row.address, row.dusun, row.rt && `RT ${String(row.rt)}`, row.rw && `RW ${String(row.rw)}`].filter(Boolean).join(' · ')}
        fallbackTitle={() => t('family.noHead')}
        testId="local-family"
      />
      {!offline && families.isPending && <ListSkeleton />}
      {!offline && families.isError && <ErrorAlert error={families.error} onRetry={() => void families.refetch()} />}
      {!offline && families.data && (
        <div style={{ opacity: families.isPlaceholderData ? 0.6 : 1 }}>
          {families.data.items.length === 0 ? (
            <Text c="dimmed">{t('family.empty')}</Text>
          ) : (
            <FamilyList families={families.data.items} />
          )}
          <PaginationBar
            page={families.data.page}
            pageSize={families.data.pageSize || familyPageSize}
            total={families.data.total}
            onChange={(page) => void navigate({ search: { ...search, page: page > 1 ? page : undefined } })}
          />
        </div>
      )}
    </>
  );
}
