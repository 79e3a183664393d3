import { Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { ButtonLink } from '../../../components/RouterLinks';
import { VillageLabel } from '../VillageLabel';
import { ImportHistory } from './ImportHistory';
import { ImportJobPanel } from './ImportJobPanel';
import { UploadForm } from './UploadForm';

/** Imports an OpenSID resident workbook (or CSV) into a village's registry and shows what became of every row. */
export function ImportPage() {
  const { t } = useTranslation();
  const { villageCode } = useParams({ from: '/app/penduduk/desa/$villageCode/impor' });
  const { job } = useSearch({ from: '/app/penduduk/desa/$villageCode/impor' });
  const navigate = useNavigate({ from: '/penduduk/desa/$villageCode/impor' });

  return (
    <>
      <ButtonLink
        variant="subtle"
        size="compact-sm"
        mb="xs"
        leftSection={<IconArrowLeft size={14} />}
        to="/penduduk/desa/$villageCode"
        params={{ villageCode }}
        search={{}}
      >
        {t('person.backToRegistry')}
      </ButtonLink>
      <PageHeader title={t('peopleImport.title')} description={<VillageLabel code={villageCode} />} />
      <Stack gap="md">
        {job && <ImportJobPanel key={job} jobId={job} />}
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={3} size="h4">
              {job ? t('peopleImport.another') : t('peopleImport.uploadTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('peopleImport.help')}
            </Text>
            <UploadForm
              villageCode={villageCode}
              onQueued={(queued) => void navigate({ search: { job: queued.id } })}
            />
          </Stack>
        </Paper>
        <ImportHistory villageCode={villageCode} currentJob={job} />
      </Stack>
    </>
  );
}
