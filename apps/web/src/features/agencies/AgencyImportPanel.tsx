import type { AgencyImportResult } from '@desmigratif/contracts';
import { Alert, Button, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useImportAgencies } from './api';

/** Upload a spreadsheet of agencies; the counts and every rejected row with its reason are shown after. */
export function AgencyImportPanel() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportAgencies();
  const [result, setResult] = useState<AgencyImportResult | null>(null);

  async function start() {
    if (!file) return;
    setResult(null);
    setResult(await upload.mutateAsync(file));
  }

  return (
    <Stack gap="sm">
      <Text size="sm">{t('agencies.importHelp')}</Text>
      <FileInput
        label={t('agencies.importFile')}
        placeholder={t('agencies.importFilePlaceholder')}
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        leftSection={<IconFileSpreadsheet size={16} aria-hidden="true" />}
        clearable
        value={file}
        onChange={setFile}
      />
      <Group>
        <Button leftSection={<IconUpload size={16} />} disabled={!file} loading={upload.isPending} onClick={() => void start().catch(() => undefined)}>
          {t('agencies.importStart')}
        </Button>
      </Group>
      {upload.isError && <ErrorAlert error={upload.error} />}
      {result && (
        <Stack gap="xs" role="status">
          <Alert color={result.rejects.length ? 'yellow' : 'green'}>
            {t('agencies.importDone', { created: result.created, updated: result.updated, unchanged: result.unchanged })}
          </Alert>
          {result.rejects.length > 0 && (
            <>
              <Text size="sm" fw={600}>
                {t('agencies.importRejects', { count: result.rejects.length })}
              </Text>
              <Table.ScrollContainer minWidth={320}>
                <Table striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('agencies.rejectRow')}</Table.Th>
                      <Table.Th>{t('agencies.rejectColumn')}</Table.Th>
                      <Table.Th>{t('agencies.rejectReason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {result.rejects.map((reject, index) => (
                      <Table.Tr key={`${reject.row}-${index}`}>
                        <Table.Td>{reject.row}</Table.Td>
                        <Table.Td>{reject.column ?? '—'}</Table.Td>
                        <Table.Td>{reject.reason}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
