import type { AccessLogEntry } from '@desmigratif/contracts';
import { Badge, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PaginationBar } from '../../components/PaginationBar';
import { ButtonLink } from '../../components/RouterLinks';
import { ListSkeleton } from '../../components/Skeletons';
import { formatDateTime } from '../../lib/format';
import { accessLogPageSize, useAccessLog } from './api';
import { useAuditWords } from './useAuditWords';

/** "Who looked at this person's data": reads of sensitive data and changes to their records, newest first. */
export function AccessLogPage() {
  const { t } = useTranslation();
  const { personId } = useParams({ from: '/app/penduduk/$personId/riwayat-akses' });
  const filters = useSearch({ from: '/app/penduduk/$personId/riwayat-akses' });
  const navigate = useNavigate({ from: '/penduduk/$personId/riwayat-akses' });
  const log = useAccessLog(personId, filters);

  return (
    <>
      <ButtonLink variant="subtle" size="compact-sm" mb="xs" leftSection={<IconArrowLeft size={14} />} to="/penduduk/$personId" params={{ personId }}>
        {t('privacy.accessLog.back')}
      </ButtonLink>
      <PageHeader title={t('privacy.accessLog.title')} description={log.data && t('privacy.accessLog.description', { name: log.data.personName })} />
      <Checkbox
        mb="md"
        label={t('privacy.accessLog.readsOnly')}
        checked={filters.reads === 'true'}
        onChange={(event) => void navigate({ search: { reads: event.currentTarget.checked ? 'true' : undefined } })}
      />
      {log.isPending && <ListSkeleton />}
      {log.isError && <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />}
      {log.data && (
        <div style={{ opacity: log.isPlaceholderData ? 0.6 : 1 }}>
          {log.data.items.length === 0 ? (
            <Text c="dimmed">{t('privacy.accessLog.empty')}</Text>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {log.data.items.map((entry) => (
                <AccessLogItem key={entry.id} entry={entry} />
              ))}
            </Stack>
          )}
          <PaginationBar
            page={log.data.page}
            pageSize={accessLogPageSize}
            total={log.data.total}
            onChange={(page) => void navigate({ search: { ...filters, page } })}
          />
          <Text size="xs" c="dimmed" mt="sm">
            {t('privacy.accessLog.note')}
          </Text>
        </div>
      )}
    </>
  );
}

function AccessLogItem({ entry }: { entry: AccessLogEntry }) {
  const { t } = useTranslation();
  const words = useAuditWords();
  const read = entry.action === 'read_sensitive' || entry.action === 'export_person_data';
  return (
    <Paper component="li" withBorder p="sm">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs">
          <Badge color={read ? 'orange' : 'blue'} variant="light">
            {words.action(entry.action)}
          </Badge>
          <Text size="sm">{t('privacy.accessLog.by', { name: entry.actorName ?? entry.actorUsername ?? t('privacy.accessLog.unknownActor') })}</Text>
        </Group>
        <Text size="sm" c="dimmed">
          {formatDateTime(entry.at)}
        </Text>
      </Group>
      {entry.what && <Text size="sm">{t('privacy.accessLog.seen', { what: entry.what })}</Text>}
      <Text size="xs" c="dimmed">
        {t('privacy.accessLog.record', { type: words.entity(entry.entityType) })}
        {entry.ip && ` · ${t('privacy.accessLog.ip', { ip: entry.ip })}`}
      </Text>
    </Paper>
  );
}
