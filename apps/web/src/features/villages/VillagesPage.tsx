import { Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PaginationBar } from '../../components/PaginationBar';
import { ButtonLink } from '../../components/RouterLinks';
import { ListSkeleton } from '../../components/Skeletons';
import { useProgramVillages, villagePageSize } from './api';
import { VillageFiltersBar } from './VillageFiltersBar';
import { VillageList } from './VillageList';

export function VillagesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const filters = useSearch({ from: '/app/desa' });
  const navigate = useNavigate({ from: '/desa' });
  const villages = useProgramVillages(filters);

  return (
    <>
      <PageHeader
        title={t('villages.title')}
        description={t('villages.description')}
        actions={
          can(user.role, 'writeVillages') && (
            <ButtonLink to="/desa/daftar" search={{}} leftSection={<IconPlus size={16} />}>
              {user.role === 'koordinator_kabupaten' ? t('villages.propose') : t('villages.enroll')}
            </ButtonLink>
          )
        }
      />
      <VillageFiltersBar
        filters={filters}
        scopeCode={user.scopeCode}
        onChange={(next) => void navigate({ search: next })}
      />
      {villages.isPending && <ListSkeleton />}
      {villages.isError && <ErrorAlert error={villages.error} onRetry={() => void villages.refetch()} />}
      {villages.data && (
        <div style={{ opacity: villages.isPlaceholderData ? 0.6 : 1 }}>
          {villages.data.items.length === 0 ? (
            <Text c="dimmed">{t('villages.empty')}</Text>
          ) : (
            <VillageList villages={villages.data.items} />
          )}
          <PaginationBar
            page={villages.data.page}
            pageSize={villages.data.pageSize || villagePageSize}
            total={villages.data.total}
            onChange={(page) => void navigate({ search: { ...filters, page: page > 1 ? page : undefined } })}
          />
        </div>
      )}
    </>
  );
}
