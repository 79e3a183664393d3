import { Anchor, Group, Text } from '@mantine/core';
import { IconDownload, IconFileImport, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PaginationBar } from '../../components/PaginationBar';
import { AnchorLink, ButtonLink } from '../../components/RouterLinks';
import { ListSkeleton } from '../../components/Skeletons';
import { buildUrl } from '../../lib/api';
import { LocalPeople } from '../sync/LocalPeople';
import { useSyncState } from '../../offline/sync';
import { peoplePageSize, usePeople } from './api';
import { PeopleFiltersBar } from './PeopleFiltersBar';
import { PersonList } from './PersonList';
import { RegistryTabs } from './RegistryTabs';
import { VillageLabel } from './VillageLabel';

/** The registry of one village: search, filters, and the way to add, import and export residents. */
export function PeoplePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { villageCode } = useParams({ from: '/app/penduduk/desa/$villageCode' });
  const filters = useSearch({ from: '/app/penduduk/desa/$villageCode' });
  const navigate = useNavigate({ from: '/penduduk/desa/$villageCode' });
  // Without signal the list comes from the phone (LocalPeople), not the server.
  const offline = !useSyncState().online;
  const people = usePeople(villageCode, filters, peoplePageSize, !offline);

  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={<VillageLabel code={villageCode} />}
        actions={
          <>
            {can(user.role, 'writePeople') && (
              <ButtonLink
                to="/penduduk/desa/$villageCode/baru"
                params={{ villageCode }}
                leftSection={<IconPlus size={16} />}
              >
                {t('people.add')}
              </ButtonLink>
            )}
            {can(user.role, 'importPeople') && (
              <ButtonLink
                variant="default"
                to="/penduduk/desa/$villageCode/impor"
                params={{ villageCode }}
                search={{}}
                leftSection={<IconFileImport size={16} />}
              >
                {t('people.import')}
              </ButtonLink>
            )}
          </>
        }
      />
      <RegistryTabs villageCode={villageCode} current="people" />
      <PeopleFiltersBar filters={filters} onChange={(next) => void navigate({ search: next })} />
      <LocalPeople villageCode={villageCode} offline={offline} q={filters.q} />
      {!offline && people.isPending && <ListSkeleton />}
      {!offline && people.isError && <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />}
      {!offline && people.data && (
        <div style={{ opacity: people.isPlaceholderData ? 0.6 : 1 }}>
          {people.data.items.length === 0 ? (
            <Text c="dimmed">{t('people.empty')}</Text>
          ) : (
            <PersonList people={people.data.items} />
          )}
          <PaginationBar
            page={people.data.page}
            pageSize={people.data.pageSize || peoplePageSize}
            total={people.data.total}
            onChange={(page) => void navigate({ search: { ...filters, page: page > 1 ? page : undefined } })}
          />
        </div>
      )}
      <Group gap="md" mt="lg">
        {can(user.role, 'exportPeople') && (
          <Anchor href={buildUrl(`/villages/${villageCode}/people/export.xlsx`)} download size="sm">
            <Group gap={4} component="span" wrap="nowrap">
              <IconDownload size={16} aria-hidden="true" />
              {t('people.export')}
            </Group>
          </Anchor>
        )}
        {can(user.role, 'reviewDuplicates') && (
          <AnchorLink to="/duplikat" search={{ within: villageCode }} size="sm">
            <Group gap={4} component="span" wrap="nowrap">
              <IconUsersGroup size={16} aria-hidden="true" />
              {t('people.duplicates')}
            </Group>
          </AnchorLink>
        )}
      </Group>
    </>
  );
}
