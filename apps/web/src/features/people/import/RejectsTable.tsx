import { Anchor, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PaginationBar } from '../../../components/PaginationBar';
import { ListSkeleton } from '../../../components/Skeletons';
import { usePhone } from '../../../lib/usePhone';
import { rejectPageSize, rejectsDownloadUrl, useImportRejects } from './api';

/** The rows the import sent back: row number as the spreadsheet shows it, the column, and why. */
export function RejectsTable({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [page, setPage] = useState(1);
  const rejects = useImportRejects(jobId, page, true);
  const problemText = (problem: { column: string | null; reason: string }) =>
    problem.column ? `${problem.column}: ${problem.reason}` : problem.reason;

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h5">
          {t('peopleImport.rejectedRows')}
        </Title>
        <Anchor href={rejectsDownloadUrl(jobId)} download size="sm">
          <Group gap={4} component="span" wrap="nowrap">
            <IconDownload size={16} aria-hidden="true" />
            {t('peopleImport.downloadRejects')}
          </Group>
        </Anchor>
      </Group>
      {rejects.isPending && <ListSkeleton rows={3} />}
      {rejects.isError && <ErrorAlert error={rejects.error} onRetry={() => void rejects.refetch()} />}
      {rejects.data &&
        (phone ? (
          <Stack gap="xs" data-testid="import-rejects">
            {rejects.data.items.map((reject) => (
              <Stack key={reject.row} gap={2} p="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
                <Text size="sm" fw={600}>
                  {t('peopleImport.rowNumber', { row: reject.row })}
                  {reject.name ? ` · ${reject.name}` : ''}
                </Text>
                {reject.problems.map((problem) => (
                  <Text key={`${problem.column}-${problem.reason}`} size="sm" c="red.8">
                    {problemText(problem)}
                  </Text>
                ))}
              </Stack>
            ))}
          </Stack>
        ) : (
          <Table verticalSpacing="xs" data-testid="import-rejects">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('peopleImport.row')}</Table.Th>
                <Table.Th>{t('person.name')}</Table.Th>
                <Table.Th>{t('peopleImport.column')}</Table.Th>
                <Table.Th>{t('peopleImport.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rejects.data.items.flatMap((reject) =>
                reject.problems.map((problem, index) => (
                  <Table.Tr key={`${reject.row}-${index}`}>
                    <Table.Td>{index === 0 ? reject.row : ''}</Table.Td>
                    <Table.Td>{index === 0 ? (reject.name ?? '—') : ''}</Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {problem.column ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{problem.reason}</Text>
                    </Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        ))}
      {rejects.data && (
        <PaginationBar page={page} pageSize={rejectPageSize} total={rejects.data.total} onChange={setPage} />
      )}
    </Stack>
  );
}
