import type { JobOrder } from '@desmigratif/contracts';
import { Button, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PaginationBar } from '../../components/PaginationBar';
import { ListSkeleton } from '../../components/Skeletons';
import { useErrorMessage } from '../../lib/useErrorMessage';
import { usePhone } from '../../lib/usePhone';
import { jobExportUrl, jobPageSize, useJobOrders, useVerifyJobOrder } from './api';
import { JobCard } from './JobCard';
import { JobFiltersBar } from './JobFiltersBar';
import { JobForm } from './JobForm';

type Dialog = { kind: 'add' } | { kind: 'edit'; job: JobOrder } | null;

/** Job information: filters in the URL, add, edit and verify for the registry's keepers, an xlsx export for all. */
export function JobsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const phone = usePhone();
  const errorMessage = useErrorMessage();
  const filters = useSearch({ from: '/app/lowongan' });
  const navigate = useNavigate({ from: '/lowongan' });
  const jobs = useJobOrders(filters);
  const verify = useVerifyJobOrder();
  const [dialog, setDialog] = useState<Dialog>(null);
  const keeper = can(user.role, 'keepAgencies');
  const close = () => setDialog(null);

  function verifyJob(job: JobOrder) {
    verify.mutate(job, {
      onSuccess: () => notifications.show({ color: 'green', message: t('jobs.verifiedDone') }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
    });
  }

  return (
    <>
      <PageHeader
        title={t('jobs.title')}
        description={t('jobs.description')}
        actions={
          <>
            <Button component="a" href={jobExportUrl(filters)} download variant="default" size="sm" leftSection={<IconDownload size={16} />}>
              {t('jobs.export')}
            </Button>
            {keeper && (
              <Button size="sm" leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'add' })}>
                {t('jobs.add')}
              </Button>
            )}
          </>
        }
      />
      <JobFiltersBar filters={filters} onChange={(next) => void navigate({ search: next })} />
      {jobs.isPending && <ListSkeleton />}
      {jobs.isError && <ErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />}
      {jobs.data && (
        <div style={{ opacity: jobs.isPlaceholderData ? 0.6 : 1 }}>
          {jobs.data.items.length === 0 ? (
            <Text c="dimmed">{t('jobs.empty')}</Text>
          ) : (
            <Stack gap="xs">
              {jobs.data.items.map((job) => (
                <JobCard
                  key={job.id}
                  job={job}
                  onEdit={keeper ? () => setDialog({ kind: 'edit', job }) : undefined}
                  onVerify={keeper ? () => verifyJob(job) : undefined}
                  verifying={verify.isPending && verify.variables?.id === job.id}
                />
              ))}
            </Stack>
          )}
          <PaginationBar
            page={jobs.data.page}
            pageSize={jobs.data.pageSize || jobPageSize}
            total={jobs.data.total}
            onChange={(page) => void navigate({ search: { ...filters, page: page > 1 ? page : undefined } })}
          />
        </div>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={dialog !== null}
        onClose={close}
        title={dialog?.kind === 'edit' ? t('jobs.editTitle') : t('jobs.addTitle')}
        size="lg"
        fullScreen={phone}
      >
        {dialog?.kind === 'add' && <JobForm onDone={close} />}
        {dialog?.kind === 'edit' && <JobForm key={dialog.job.id} job={dialog.job} onDone={close} />}
      </Modal>
    </>
  );
}
