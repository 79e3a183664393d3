import { destinationCountries, placementStates } from '@desmigratif/contracts';
import { Anchor, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PaginationBar } from '../../components/PaginationBar';
import { AnchorLink } from '../../components/RouterLinks';
import { ListSkeleton } from '../../components/Skeletons';
import { VillageLabel } from '../people/VillageLabel';
import { placementsExportUrl, placementsPageSize, useVillagePlacements } from './api';
import { CountrySelect } from './CountrySelect';
import { PlacementSummary } from './PlacementSummary';

/** The village's migrants abroad and back: who is away, whose contract ends soon, who returned; exportable. */
export function PlacementsPage() {
  const { t } = useTranslation();
  const { villageCode } = useParams({ from: '/app/desa/$villageCode/penempatan' });
  const filters = useSearch({ from: '/app/desa/$villageCode/penempatan' });
  const navigate = useNavigate({ from: '/desa/$villageCode/penempatan' });
  const placements = useVillagePlacements(villageCode, filters);
  const countries = new Set<string>(destinationCountries.map((c) => c.code));

  return (
    <>
      <PageHeader title={t('placements.title')} description={<VillageLabel code={villageCode} />} />
      <Paper withBorder p="sm" mb="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('placements.filterState')}
            placeholder={t('placements.stateAll')}
            clearable
            comboboxProps={{ withinPortal: true }}
            data={placementStates.map((state) => ({ value: state, label: t(`placements.state.${state}`) }))}
            value={filters.state ?? null}
            onChange={(state) => void navigate({ search: { ...filters, state: (state as typeof filters.state) ?? undefined, page: undefined } })}
          />
          <CountrySelect
            label={t('placements.country')}
            placeholder={t('placements.stateAll')}
            clearable
            value={filters.country && countries.has(filters.country) ? filters.country : null}
            onChange={(country) => void navigate({ search: { ...filters, country: country ?? undefined, page: undefined } })}
          />
        </SimpleGrid>
      </Paper>
      {placements.isPending && <ListSkeleton />}
      {placements.isError && <ErrorAlert error={placements.error} onRetry={() => void placements.refetch()} />}
      {placements.data && (
        <div style={{ opacity: placements.isPlaceholderData ? 0.6 : 1 }}>
          {placements.data.items.length === 0 ? (
            <Text c="dimmed">{t('placements.listEmpty')}</Text>
          ) : (
            <Stack gap="sm">
              {placements.data.items.map((placement) => (
                <Paper key={placement.id} withBorder p="sm">
                  <Stack gap={4}>
                    <AnchorLink to="/penduduk/$personId" params={{ personId: placement.personId }} fw={600}>
                      {placement.personName}
                    </AnchorLink>
                    <PlacementSummary placement={placement} />
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )}
          <PaginationBar
            page={placements.data.page}
            pageSize={placements.data.pageSize || placementsPageSize}
            total={placements.data.total}
            onChange={(page) => void navigate({ search: { ...filters, page: page > 1 ? page : undefined } })}
          />
        </div>
      )}
      <Group mt="lg">
        <Anchor href={placementsExportUrl(villageCode, filters)} download size="sm">
          <Group gap={4} component="span" wrap="nowrap">
            <IconDownload size={16} />
            {t('placements.export')}
          </Group>
        </Anchor>
      </Group>
    </>
  );
}
