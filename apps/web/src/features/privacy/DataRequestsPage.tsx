import { dataSubjectRequestStatuses } from '@desmigratif/contracts';
import { Alert, Anchor, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PaginationBar } from '../../components/PaginationBar';
import { AnchorLink } from '../../components/RouterLinks';
import { ListSkeleton } from '../../components/Skeletons';
import { VillageLabel } from '../people/VillageLabel';
import { requestsPageSize, useDataRequests, type RequestFilters } from './api';
import { DataRequestItem } from './DataRequestItem';
import { ExpiredConsentsCard } from './ExpiredConsentsCard';
import { NewDataRequestForm } from './NewDataRequestForm';

/**
 * A village's data-subject requests (UU 27/2022): new ones taken down at the counter, open ones
 * by deadline, what may not be erased by law, and consents that have run out.
 */
export function DataRequestsPage() {
  const { t } = useTranslation();
  const { villageCode } = useParams({ from: '/app/desa/$villageCode/permintaan-data' });
  const filters = useSearch({ from: '/app/desa/$villageCode/permintaan-data' });
  const navigate = useNavigate({ from: '/desa/$villageCode/permintaan-data' });
  const requests = useDataRequests(villageCode, filters);
  const setFilters = (next: Partial<RequestFilters>) => void navigate({ search: { ...filters, ...next, page: undefined } });

  return (
    <>
      <PageHeader title={t('privacy.requests.title')} description={<VillageLabel code={villageCode} />} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('privacy.requests.description')}
          </Text>
          <Select
            label={t('privacy.requests.filterStatus')}
            placeholder={t('privacy.requests.all')}
            clearable
            comboboxProps={{ withinPortal: true }}
            data={dataSubjectRequestStatuses.map((status) => ({ value: status, label: t(`privacy.requests.status.${status}`) }))}
            value={filters.status ?? null}
            onChange={(status) => setFilters({ status: (status as RequestFilters['status']) ?? undefined })}
          />
          {filters.personId && (
            <Anchor component="button" type="button" size="sm" style={{ alignSelf: 'flex-start' }} onClick={() => setFilters({ personId: undefined })}>
              {t('privacy.requests.showAll')}
            </Anchor>
          )}
          {requests.isPending && <ListSkeleton />}
          {requests.isError && <ErrorAlert error={requests.error} onRetry={() => void requests.refetch()} />}
          {requests.data && (
            <div style={{ opacity: requests.isPlaceholderData ? 0.6 : 1 }}>
              {requests.data.items.length === 0 ? (
                <Text c="dimmed">{t('privacy.requests.empty')}</Text>
              ) : (
                <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {requests.data.items.map((request) => (
                    <DataRequestItem key={request.id} request={request} />
                  ))}
                </Stack>
              )}
              <PaginationBar page={requests.data.page} pageSize={requestsPageSize} total={requests.data.total} onChange={(page) => void navigate({ search: { ...filters, page } })} />
            </div>
          )}
        </Stack>
        <Stack gap="md">
          <NewDataRequestForm key={filters.personId ?? ''} villageCode={villageCode} personId={filters.personId} />
          <Alert variant="light" icon={<IconInfoCircle size={18} />} title={t('privacy.requests.erasureTitle')}>
            {t('privacy.requests.erasureBody')}
          </Alert>
          <ExpiredConsentsCard villageCode={villageCode} />
          <AnchorLink to="/pelindungan-data/retensi" size="sm">
            {t('privacy.hub.retention')}
          </AnchorLink>
        </Stack>
      </SimpleGrid>
    </>
  );
}
