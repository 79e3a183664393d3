import type { ImportJob } from '@desmigratif/contracts';
import { Button, FileInput, Group, Progress, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatPercent } from '../../../lib/format';
import type { Upload } from '../../../lib/api';
import { importKeys, uploadImport } from './api';
import { acceptAttribute, fileProblem, maxMegabytes } from './fileCheck';

/** Picks an OpenSID workbook or CSV and uploads it with a progress bar; the server queues the rows as a job. */
export function UploadForm({ villageCode, onQueued }: { villageCode: string; onQueued: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const upload = useRef<Upload<ImportJob> | null>(null);
  const problem = file ? fileProblem(file) : null;

  const start = async () => {
    if (!file || problem) return;
    setFailure(null);
    setProgress(0);
    upload.current = uploadImport(villageCode, file, setProgress);
    try {
      const job = await upload.current.done;
      queryClient.setQueryData(importKeys.job(job.id), job);
      await queryClient.invalidateQueries({ queryKey: importKeys.jobs(villageCode) });
      setFile(null);
      onQueued(job);
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) setFailure(error);
    } finally {
      upload.current = null;
      setProgress(null);
    }
  };

  const uploading = progress !== null;
  return (
    <Stack gap="sm">
      <FileInput
        label={t('peopleImport.file')}
        description={t('peopleImport.fileHelp', { max: maxMegabytes })}
        placeholder={t('peopleImport.choose')}
        accept={acceptAttribute}
        clearable
        leftSection={<IconFileSpreadsheet size={16} aria-hidden="true" />}
        value={file}
        disabled={uploading}
        error={problem ? t(`peopleImport.problem.${problem}`, { max: maxMegabytes }) : undefined}
        onChange={(chosen) => {
          setFile(chosen);
          setFailure(null);
        }}
      />
      {failure !== null && <ErrorAlert error={failure} title={t('peopleImport.refused')} />}
      {uploading && (
        <Stack gap={4}>
          <Text size="sm">{t('peopleImport.uploading', { percent: formatPercent(progress) })}</Text>
          <Progress value={progress * 100} animated aria-label={t('peopleImport.uploadProgress')} />
        </Stack>
      )}
      <Group gap="xs">
        <Button
          leftSection={<IconUpload size={16} />}
          disabled={!file || problem !== null}
          loading={uploading}
          onClick={() => void start()}
        >
          {t('peopleImport.upload')}
        </Button>
        {uploading && (
          <Button variant="default" onClick={() => upload.current?.abort()}>
            {t('peopleImport.cancelUpload')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
