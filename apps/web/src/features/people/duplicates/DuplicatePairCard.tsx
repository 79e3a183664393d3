import type { DuplicatePair } from '@desmigratif/contracts';
import { Button, Group, Modal, Paper, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconGitMerge, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { usePhone } from '../../../lib/usePhone';
import { useDismissDuplicate } from './api';
import { MergeDialog } from './MergeDialog';
import { PairComparison } from './PairComparison';
import { ReasonBadges } from './ReasonBadges';

/** One likely duplicate: why, the two records side by side, and (for those who may) merge or "not a duplicate". */
export function DuplicatePairCard({ pair, canResolve }: { pair: DuplicatePair; canResolve: boolean }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [merging, { open, close }] = useDisclosure(false);
  const dismiss = useDismissDuplicate();

  const markDifferent = async () => {
    await dismiss.mutateAsync({ personAId: pair.a.id, personBId: pair.b.id });
    notifications.show({ color: 'green', message: t('duplicates.dismissed') });
  };

  return (
    <Paper withBorder p={{ base: 'xs', sm: 'md' }} maw={960} data-testid="duplicate-pair">
      <Stack gap="sm">
        <ReasonBadges reasons={pair.reasons} score={pair.score} />
        <PairComparison a={pair.a} b={pair.b} />
        {dismiss.isError && <ErrorAlert error={dismiss.error} />}
        {canResolve && (
          <Group gap="xs">
            <Button size="sm" color="red" variant="light" leftSection={<IconGitMerge size={16} />} onClick={open}>
              {t('duplicates.merge')}
            </Button>
            <Button
              size="sm"
              variant="default"
              leftSection={<IconUserCheck size={16} />}
              loading={dismiss.isPending}
              onClick={() => void markDifferent().catch(() => undefined)}
            >
              {t('duplicates.notDuplicate')}
            </Button>
          </Group>
        )}
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={merging}
        onClose={close}
        title={t('duplicates.mergeTitle')}
        fullScreen={phone}
      >
        <MergeDialog pair={pair} onDone={close} />
      </Modal>
    </Paper>
  );
}
