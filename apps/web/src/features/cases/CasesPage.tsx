import { caseStatuses, caseTypes, type CaseStatus, type CaseType } from '@desmigratif/contracts';
import { Anchor, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can, isVillageRole } from '../../app/auth/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PaginationBar } from '../../components/PaginationBar';
import { AnchorLink, ButtonLink } from '../../components/RouterLinks';
import { ListSkeleton } from '../../components/Skeletons';
import { formatDateTime } from '../../lib/format';
import { syncedVillage } from '../../offline/engine';
import { useSyncState } from '../../offline/sync';
import { LocalRecords } from '../sync/LocalRecords';
import { casesExportUrl, casesPageSize, useCases, type CaseFilters } from './api';
import { CaseBadges } from './CaseBadges';

/**
 * The cases of the user's scope, most urgent first (past their deadline, then referred to the
 * regency): a village officer sees their village, a coordinator the regency.
 */
export function CasesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const filters = useSearch({ from: '/app/kasus' });
  const navigate = useNavigate({ from: '/kasus' });
  const cases = useCases(filters);
  // Without signal the officer's village comes from the phone (LocalRecords), not the server.
  const offline = !useSyncState().online;
  const localVillage = syncedVillage(user);
  const village = isVillageRole(user.role);
  const setFilters = (next: Partial<CaseFilters>) => void navigate({ search: { ...filters, ...next, page: undefined } });

  return (
    <>
      <PageHeader
        title={t('cases.title')}
        actions={
          village &&
          can(user.role, 'writeMigration') && (
            <ButtonLink to="/kasus/baru" leftSection={<IconPlus size={16} />}>
              {t('cases.new')}
            </ButtonLink>
          )
        }
      />
      <Paper withBorder p="sm" mb="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
          <Select
            label={t('cases.filterStatus')}
            placeholder={t('cases.all')}
            clearable
            comboboxProps={{ withinPortal: true }}
            data={caseStatuses.map((status) => ({ value: status, label: t(`cases.status.${status}`) }))}
            value={filters.status ?? null}
            onChange={(status) => setFilters({ status: (status as CaseFilters['status']) ?? undefined })}
          />
          <Select
            label={t('cases.filterType')}
            placeholder={t('cases.all')}
            clearable
            comboboxProps={{ withinPortal: true }}
            data={caseTypes.map((type) => ({ value: type, label: t(`cases.caseType.${type}`) }))}
            value={filters.type ?? null}
            onChange={(type) => setFilters({ type: (type as CaseFilters['type']) ?? undefined })}
          />
          <Checkbox
            mt={{ sm: 'xl' }}
            label={t('cases.filterOverdue')}
            checked={filters.overdue === 'true'}
            onChange={(event) => setFilters({ overdue: event.currentTarget.checked ? 'true' : undefined })}
          />
          <Checkbox
            mt={{ sm: 'xl' }}
            label={t('cases.filterOpen')}
            checked={filters.open === 'true'}
            onChange={(event) => setFilters({ open: event.currentTarget.checked ? 'true' : undefined })}
          />
        </SimpleGrid>
      </Paper>
      {localVillage && (
        <LocalRecords
          table="migration_cases"
          villageCode={localVillage}
          offline={offline}
          personColumn="migrant_person_id"
          describe={(row) => `${t(`cases.caseType.${row.case_type as CaseType}`)} · ${t(`cases.status.${row.status as CaseStatus}`)}`}
          fallbackTitle={(row) => String(row.reporter_name ?? '')}
          testId="local-case"
          open={(row) => (
            <AnchorLink to="/kasus/$caseId" params={{ caseId: row.id }} size="sm">
              {t('offlineWork.open')}
            </AnchorLink>
          )}
        />
      )}
      {!offline && cases.isPending && <ListSkeleton />}
      {!offline && cases.isError && <ErrorAlert error={cases.error} onRetry={() => void cases.refetch()} />}
      {!offline && cases.data && (
        <div style={{ opacity: cases.isPlaceholderData ? 0.6 : 1 }}>
          {cases.data.items.length === 0 ? (
            <Text c="dimmed">{t('cases.empty')}</Text>
          ) : (
            <Stack gap="sm">
              {cases.data.items.map((item) => (
                <Paper key={item.id} withBorder p="sm">
                  <Stack gap={4}>
                    <Group justify="space-between" gap="xs" wrap="wrap">
                      <AnchorLink to="/kasus/$caseId" params={{ caseId: item.id }} fw={600}>
                        {item.migrantName} · {t(`cases.caseType.${item.caseType}`)}
                      </AnchorLink>
                      <CaseBadges item={item} />
                    </Group>
                    <Text size="xs" c="dimmed">
                      {!village && `${t('cases.village', { name: item.villageName })} · `}
                      {t('cases.openedAt', { date: formatDateTime(item.openedAt) })}
                    </Text>
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )}
          <PaginationBar
            page={cases.data.page}
            pageSize={cases.data.pageSize || casesPageSize}
            total={cases.data.total}
            onChange={(page) => void navigate({ search: { ...filters, page: page > 1 ? page : undefined } })}
          />
        </div>
      )}
      <Group mt="lg">
        <Anchor href={casesExportUrl(filters)} download size="sm">
          <Group gap={4} component="span" wrap="nowrap">
            <IconDownload size={16} />
            {t('cases.export')}
          </Group>
        </Anchor>
      </Group>
    </>
  );
}
