import type { Region } from '@desmigratif/contracts';
import { Badge, Stack, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { ListSkeleton } from '../../components/Skeletons';
import { isWithin } from '../../lib/regions';
import { useProgramVillages } from '../villages/api';
import { useRegionNode } from './api';
import { RegionBreadcrumbs } from './RegionBreadcrumbs';
import { RegionRow } from './RegionRow';
import { RegionSearchField } from './RegionSearchField';
import { VillageRegionPanel } from './VillageRegionPanel';

/** Villages of one district that are in the programme, to mark them in the list. */
function useEnrolledIn(districtCode: string, enabled: boolean): Set<string> {
  const villages = useProgramVillages({ within: districtCode }, 200, enabled);
  return new Set(villages.data?.items.map((village) => village.villageCode));
}

function RegionChildren({
  region,
  children,
  onOpen,
}: {
  region: Region | null;
  children: Region[];
  onOpen: (code: string) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const district = region?.level === 'kecamatan' ? region.code : '';
  const enrolled = useEnrolledIn(
    district,
    district !== '' && can(user.role, 'viewVillages') && isWithin(district, user.scopeCode),
  );
  if (children.length === 0) return <Text c="dimmed">{t('region.noChildren')}</Text>;
  return (
    <Stack gap={2}>
      {children.map((child) => (
        <RegionRow
          key={child.code}
          region={child}
          onOpen={() => onOpen(child.code)}
          badge={
            enrolled.has(child.code) ? (
              <Badge size="sm" variant="light">
                Desmigratif
              </Badge>
            ) : null
          }
        />
      ))}
    </Stack>
  );
}

export function RegionsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { kode } = useSearch({ from: '/app/wilayah' });
  const navigate = useNavigate({ from: '/wilayah' });
  const code = kode ?? (user.scopeCode.length < 10 ? user.scopeCode : '');
  const node = useRegionNode(code);
  const open = (next: string) => void navigate({ search: { kode: next || undefined } });

  return (
    <>
      <PageHeader title={t('regionsPage.title')} description={t('regionsPage.description')} />
      <RegionSearchField within="" onPick={(region) => open(region.code)}>
        {node.isPending && <ListSkeleton />}
        {node.isError && <ErrorAlert error={node.error} onRetry={() => void node.refetch()} />}
        {node.data && (
          <Stack gap="sm">
            <RegionBreadcrumbs region={node.data.region} rootCode="" onOpen={open} />
            {node.data.region?.level === 'desa' ? (
              <VillageRegionPanel region={node.data.region} />
            ) : (
              <RegionChildren region={node.data.region} children={node.data.children} onOpen={open} />
            )}
          </Stack>
        )}
      </RegionSearchField>
    </>
  );
}
