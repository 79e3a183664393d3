import type { Agency } from '@desmigratif/contracts';
import { Anchor, Button, Card, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconDownload, IconEdit, IconPlus, IconSearch, IconUpload } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PaginationBar } from '../../components/PaginationBar';
import { ListSkeleton } from '../../components/Skeletons';
import { formatDate } from '../../lib/format';
import { usePhone } from '../../lib/usePhone';
import { AgencyForm } from './AgencyForm';
import { AgencyImportPanel } from './AgencyImportPanel';
import { agencyExportUrl, agencyPageSize, useAgencies } from './api';
import { LicenceBadge } from './LicenceBadge';

type Dialog = { kind: 'add' } | { kind: 'edit'; agency: Agency } | { kind: 'import' } | null;

function AgencyCard({ agency, onEdit }: { agency: Agency; onEdit?: () => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {agency.name}
          </Text>
          <LicenceBadge status={agency.licenceStatus} />
        </Group>
        <Text size="sm">
          {agency.licenceNumber} ·{' '}
          {agency.licenceValidUntil ? t('agencies.validUntilShort', { date: formatDate(agency.licenceValidUntil) }) : t('agencies.noEndDate')}
        </Text>
        {agency.address && (
          <Text size="sm" c="dimmed">
            {agency.address}
          </Text>
        )}
        {agency.branches.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('agencies.branchCount', { count: agency.branches.length })}: {agency.branches.map((b) => b.name).join(', ')}
          </Text>
        )}
        {onEdit && (
          <Group>
            <Button size="xs" variant="default" leftSection={<IconEdit size={14} />} onClick={onEdit}>
              {t('agencies.edit')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** The registry of licensed agencies: search for everyone, add, edit and import for its keepers. */
export function AgenciesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const phone = usePhone();
  const filters = useSearch({ from: '/app/agensi' });
  const navigate = useNavigate({ from: '/agensi' });
  const agencies = useAgencies(filters);
  const [text, setText] = useState(filters.q ?? '');
  const changeText = useDebouncedCallback((q: string) => void navigate({ search: { q: q.trim() || undefined } }), 350);
  const [dialog, setDialog] = useState<Dialog>(null);
  const keeper = can(user.role, 'keepAgencies');
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader
        title={t('agencies.title')}
        description={t('agencies.description')}
        actions={
          <>
            <Button component="a" href={agencyExportUrl} download variant="default" size="sm" leftSection={<IconDownload size={16} />}>
              {t('agencies.export')}
            </Button>
            {keeper && (
              <>
                <Button variant="default" size="sm" leftSection={<IconUpload size={16} />} onClick={() => setDialog({ kind: 'import' })}>
                  {t('agencies.import')}
                </Button>
                <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'add' })}>
                  {t('agencies.add')}
                </Button>
              </>
            )}
          </>
        }
      />
      <TextInput
        type="search"
        mb="md"
        label={t('agencies.search')}
        placeholder={t('agencies.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          changeText(event.currentTarget.value);
        }}
      />
      {agencies.isPending && <ListSkeleton />}
      {agencies.isError && <ErrorAlert error={agencies.error} onRetry={() => void agencies.refetch()} />}
      {agencies.data && (
        <div style={{ opacity: agencies.isPlaceholderData ? 0.6 : 1 }}>
          {agencies.data.items.length === 0 ? (
            <Text c="dimmed">{t('agencies.empty')}</Text>
          ) : (
            <Stack gap="xs">
              {agencies.data.items.map((agency) => (
                <AgencyCard key={agency.id} agency={agency} onEdit={keeper ? () => setDialog({ kind: 'edit', agency }) : undefined} />
              ))}
            </Stack>
          )}
          <PaginationBar
            page={agencies.data.page}
            pageSize={agencies.data.pageSize || agencyPageSize}
            total={agencies.data.total}
            onChange={(page) => void navigate({ search: { ...filters, page: page > 1 ? page : undefined } })}
          />
        </div>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={dialog !== null}
        onClose={close}
        title={
          dialog?.kind === 'edit'
            ? t('agencies.editTitle', { name: dialog.agency.name })
            : dialog?.kind === 'import'
              ? t('agencies.importTitle')
              : t('agencies.addTitle')
        }
        size="lg"
        fullScreen={phone}
      >
        {dialog?.kind === 'add' && <AgencyForm onDone={close} />}
        {dialog?.kind === 'edit' && <AgencyForm key={dialog.agency.id} agency={dialog.agency} onDone={close} />}
        {dialog?.kind === 'import' && (
          <Stack gap="sm">
            <AgencyImportPanel />
            <Anchor href={agencyExportUrl} download size="sm">
              {t('agencies.export')}
            </Anchor>
          </Stack>
        )}
      </Modal>
    </>
  );
}
