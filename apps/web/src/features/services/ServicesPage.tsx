import { serviceTypes, type ServiceType } from '@desmigratif/contracts';
import { Anchor, Card, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PaginationBar } from '../../components/PaginationBar';
import { AnchorLink } from '../../components/RouterLinks';
import { ListSkeleton } from '../../components/Skeletons';
import { formatDate } from '../../lib/format';
import { VillageLabel } from '../people/VillageLabel';
import { type ServiceFilters, servicesExportUrl, servicesPageSize, useServices } from './api';
import { ServiceForm } from './ServiceForm';
import { LocalServices } from '../sync/LocalServices';
import { useSyncState } from '../../offline/sync';
import { ServiceSummaryChart } from './ServiceSummaryChart';

export interface ServicesSearch extends ServiceFilters {
  year?: number;
}

/** The village centre's service log: record a visit, the month's list, the year's counts for the report. */
export function ServicesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { villageCode } = useParams({ from: '/app/layanan/desa/$villageCode' });
  const search = useSearch({ from: '/app/layanan/desa/$villageCode' });
  const navigate = useNavigate({ from: '/layanan/desa/$villageCode' });
  const filters: ServiceFilters = { month: search.month, serviceType: search.serviceType, page: search.page };
  const services = useServices(villageCode, filters);
  const { online } = useSyncState();
  const year = search.year ?? (search.month ? Number(search.month.slice(0, 4)) : new Date().getFullYear());
  const setSearch = (next: Partial<ServicesSearch>) => void navigate({ search: (prev) => ({ ...prev, page: undefined, ...next }), replace: true });

  return (
    <>
      <PageHeader
        title={t('services.title')}
        description={<VillageLabel code={villageCode} />}
        actions={
          <Anchor href={servicesExportUrl(villageCode, filters)} download size="sm">
            <Group gap={4}>
              <IconDownload size={16} aria-hidden="true" />
              {t('services.export')}
            </Group>
          </Anchor>
        }
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {can(user.role, 'writeMigration') && (
          <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t('services.form.title')}
              </Title>
              <ServiceForm villageCode={villageCode} />
            </Stack>
          </Paper>
        )}
        <Stack gap="sm">
          <Group grow align="flex-end">
            <TextInput
              type="month"
              label={t('services.filters.month')}
              value={search.month ?? ''}
              onChange={(event) => setSearch({ month: event.currentTarget.value || undefined })}
            />
            <Select
              label={t('services.filters.type')}
              placeholder={t('services.filters.allTypes')}
              clearable
              data={serviceTypes.map((type) => ({ value: type, label: t(`services.types.${type}`) }))}
              value={search.serviceType ?? null}
              onChange={(value) => setSearch({ serviceType: (value as ServiceType | null) ?? undefined })}
            />
          </Group>
          <LocalServices villageCode={villageCode} />
          {/* Without signal the query waits (paused) rather than fails: no endless skeleton then. */}
          {services.isPending && online && <ListSkeleton />}
          {services.isError && <ErrorAlert error={services.error} onRetry={() => void services.refetch()} />}
          {services.data && services.data.items.length === 0 && (
            <Text c="dimmed" size="sm">
              {t('services.empty')}
            </Text>
          )}
          {services.data?.items.map((service) => (
            <Card key={service.id} withBorder padding="sm">
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  {service.personId ? (
                    <AnchorLink to="/penduduk/$personId" params={{ personId: service.personId }} fw={600}>
                      {service.name}
                    </AnchorLink>
                  ) : (
                    <Text fw={600}>
                      {service.name}{' '}
                      <Text span size="xs" c="dimmed">
                        ({t('services.notRegistered')})
                      </Text>
                    </Text>
                  )}
                  <Text size="sm">{t(`services.types.${service.serviceType}`)}</Text>
                  {service.notes && (
                    <Text size="sm" c="dimmed" lineClamp={2}>
                      {service.notes}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {t('services.byOfficer', { name: service.officerName })}
                  </Text>
                </Stack>
                <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
                  <Text size="sm">{formatDate(service.serviceDate)}</Text>
                  {service.followUpDate && (
                    <Text size="xs" c="orange.8" ta="right">
                      {t('services.followUp', { date: formatDate(service.followUpDate) })}
                    </Text>
                  )}
                </Stack>
              </Group>
            </Card>
          ))}
          {services.data && (
            <PaginationBar
              page={services.data.page}
              pageSize={servicesPageSize}
              total={services.data.total}
              onChange={(page) => void navigate({ search: (prev) => ({ ...prev, page }) })}
            />
          )}
        </Stack>
      </SimpleGrid>
      <Stack mt="md">
        <ServiceSummaryChart villageCode={villageCode} year={year} onYearChange={(next) => setSearch({ year: next })} />
      </Stack>
    </>
  );
}
