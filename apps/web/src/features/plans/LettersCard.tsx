import type { MigrationPlanDetail } from '@desmigratif/contracts';
import { Alert, Button, Group, List, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSkeleton } from '../../components/Skeletons';
import { formatDateTime } from '../../lib/format';
import { useIssueLetter, usePlanLetters } from './api';

/**
 * The family permission letter and the village recommendation, made as numbered PDFs with a verification QR code.
 * Each download issues a new letter (with the next number), which the help text says.
 */
export function LettersCard({ plan, canIssue }: { plan: MigrationPlanDetail; canIssue: boolean }) {
  const { t } = useTranslation();
  const letters = usePlanLetters(plan.id);
  const issue = useIssueLetter(plan.id);
  const [familyMemberId, setFamilyMemberId] = useState<string | null>(null);
  const headKnown = Boolean(letters.data?.villageHeadName);

  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('letters.title')}
        </Title>
        {letters.isPending && <ListSkeleton rows={2} />}
        {letters.isError && <ErrorAlert error={letters.error} onRetry={() => void letters.refetch()} />}
        {letters.data && (
          <>
            {!headKnown && <Alert color="yellow">{t('letters.noHead')}</Alert>}
            {canIssue ? (
              <>
                <Text size="sm" c="dimmed">
                  {t('letters.help')}
                </Text>
                {issue.isError && <ErrorAlert error={issue.error} />}
                <Select
                  label={t('letters.familyMember')}
                  placeholder={t('letters.choose')}
                  description={letters.data.familyMembers.length === 0 ? t('letters.noFamily') : undefined}
                  data={letters.data.familyMembers.map((m) => ({ value: m.id, label: `${m.name} (${m.relation})` }))}
                  value={familyMemberId}
                  onChange={setFamilyMemberId}
                  disabled={letters.data.familyMembers.length === 0}
                />
                <Group gap="xs">
                  <Button
                    leftSection={<IconFileTypePdf size={16} />}
                    variant="light"
                    disabled={!familyMemberId || !headKnown}
                    loading={issue.isPending && issue.variables.kind === 'izin-keluarga'}
                    onClick={() => familyMemberId && issue.mutate({ kind: 'izin-keluarga', familyMemberId })}
                  >
                    {t('letters.familyPermission')}
                  </Button>
                  <Button
                    leftSection={<IconFileTypePdf size={16} />}
                    variant="light"
                    disabled={!headKnown}
                    loading={issue.isPending && issue.variables.kind === 'rekomendasi-desa'}
                    onClick={() => issue.mutate({ kind: 'rekomendasi-desa' })}
                  >
                    {t('letters.recommendation')}
                  </Button>
                </Group>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t('letters.villageOnly')}
              </Text>
            )}
            {letters.data.letters.length > 0 && (
              <List size="sm" spacing={2}>
                {letters.data.letters.map((letter) => (
                  <List.Item key={letter.id}>
                    {t(`letters.kind.${letter.kind}`)} · {letter.number} · {formatDateTime(letter.issuedAt)} · {letter.issuedByName}
                  </List.Item>
                ))}
              </List>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}
