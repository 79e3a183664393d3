import { type RegionLevel } from '@desmigratif/contracts';
import { Paper, Stack, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../app/auth/AuthContext';
import { can } from '../../../app/auth/permissions';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { PaginationBar } from '../../../components/PaginationBar';
import { ListSkeleton } from '../../../components/Skeletons';
import { codeLength } from '../../../lib/regions';
import { RegionPicker } from '../../regions/RegionPicker';
import { duplicatePageSize, useDuplicates } from './api';
import { DuplicatePairCard } from './DuplicatePairCard';

const filterLevels: readonly RegionLevel[] = ['provinsi', 'kabupaten', 'kecamatan', 'desa'];

/** The region's likely duplicates, most likely first, for a coordinator to merge or set aside. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const filters = useSearch({ from: '/app/duplikat' });
  const navigate = useNavigate({ from: '/duplikat' });
  const pairs = useDuplicates(filters);
  const levels = filterLevels.filter((level) => codeLength(level) > user.scopeCode.length);
  const canResolve = can(user.role, 'resolveDuplicates');

  return (
    <>
      <PageHeader title={t('duplicates.title')} description={t('duplicates.description')} />
      <Paper withBorder p="sm" mb="md">
        <RegionPicker
          label={t('duplicates.region')}
          placeholder={t('villages.allRegions')}
          levels={levels}
          within={user.scopeCode}
          clearable
          value={filters.within ?? ''}
          onChange={(code) => void navigate({ search: { within: code || undefined } })}
        />
      </Paper>
      {pairs.isPending && <ListSkeleton />}
      {pairs.isError && <ErrorAlert error={pairs.error} onRetry={() => void pairs.refetch()} />}
      {pairs.data && (
        <div style={{ opacity: pairs.isPlaceholderData ? 0.6 : 1 }}>
          {pairs.data.items.length === 0 ? (
            <Text c="dimmed">{t('duplicates.empty')}</Text>
          ) : (
            <Stack gap="md">
              {!canResolve && (
                <Text size="sm" c="dimmed">
                  {t('duplicates.readOnly')}
                </Text>
              )}
              {pairs.data.items.map((pair) => (
                <DuplicatePairCard key={`${pair.a.id}-${pair.b.id}`} pair={pair} canResolve={canResolve} />
              ))}
            </Stack>
          )}
          <PaginationBar
            page={pairs.data.page}
            pageSize={pairs.data.pageSize || duplicatePageSize}
            total={pairs.data.total}
            onChange={(page) => void navigate({ search: { ...filters, page: page > 1 ? page : undefined } })}
          />
        </div>
      )}
    </>
  );
}
