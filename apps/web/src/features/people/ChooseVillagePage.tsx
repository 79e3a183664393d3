import { formatRegionCode } from '@desmigratif/contracts';
import { Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PaginationBar } from '../../components/PaginationBar';
import { CardLink } from '../../components/RouterLinks';
import { ListSkeleton } from '../../components/Skeletons';
import { displayRegionName } from '../../lib/regions';
import { RegionPicker } from '../regions/RegionPicker';
import { useProgramVillages } from '../villages/api';
import { VillageStatusBadge } from '../villages/VillageStatusBadge';

const pageSize = 12;

/** Coordinators, the ministry and admins work on one village's registry at a time: pick it here. */
export function ChooseVillagePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 350);
  const [page, setPage] = useState(1);
  const villages = useProgramVillages({ within: user.scopeCode || undefined, q: q || undefined, page }, pageSize);
  const open = (villageCode: string) =>
    void navigate({ to: '/penduduk/desa/$villageCode', params: { villageCode }, search: {} });

  return (
    <>
      <PageHeader title={t('people.title')} description={t('people.chooseVillage')} />
      <Stack gap="lg">
        <Paper withBorder p="md">
          <RegionPicker
            label={t('people.anyVillage')}
            description={t('people.anyVillageHelp')}
            levels={['desa']}
            within={user.scopeCode}
            value=""
            onChange={(code) => code && open(code)}
          />
        </Paper>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('people.programVillages')}
          </Title>
          <TextInput
            type="search"
            label={t('people.findVillage')}
            placeholder={t('villages.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              setPage(1);
            }}
          />
          {villages.isPending && <ListSkeleton rows={3} />}
          {villages.isError && <ErrorAlert error={villages.error} onRetry={() => void villages.refetch()} />}
          {villages.data && villages.data.items.length === 0 && <Text c="dimmed">{t('villages.empty')}</Text>}
          {villages.data && (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
                {villages.data.items.map((village) => (
                  <CardLink
                    key={village.villageCode}
                    withBorder
                    padding="sm"
                    to="/penduduk/desa/$villageCode"
                    params={{ villageCode: village.villageCode }}
                    search={{}}
                  >
                    <Stack gap={4}>
                      <Text fw={600}>{village.villageName}</Text>
                      <Text size="xs" c="dimmed">
                        {formatRegionCode(village.villageCode)} · {displayRegionName(village.districtName)},{' '}
                        {displayRegionName(village.regencyName)}
                      </Text>
                      <VillageStatusBadge status={village.status} size="sm" />
                    </Stack>
                  </CardLink>
                ))}
              </SimpleGrid>
              <PaginationBar page={villages.data.page} pageSize={pageSize} total={villages.data.total} onChange={setPage} />
            </>
          )}
        </Stack>
      </Stack>
    </>
  );
}
