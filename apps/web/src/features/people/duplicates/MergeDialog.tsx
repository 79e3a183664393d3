import type { DuplicatePair, DuplicateRecord } from '@desmigratif/contracts';
import { Button, Group, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useMergeDuplicates } from './api';

function RecordChoice({ record }: { record: DuplicateRecord }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {record.name}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace">
        {record.nik}
      </Text>
      <Text size="xs" c="dimmed">
        {record.villageName}
      </Text>
    </Stack>
  );
}

/** Chooses which of the two records stays, says what happens to the other, and merges on confirmation. */
export function MergeDialog({ pair, onDone }: { pair: DuplicatePair; onDone: () => void }) {
  const { t } = useTranslation();
  const merge = useMergeDuplicates();
  const [keepId, setKeepId] = useState<string>(pair.a.id);
  const keep = keepId === pair.a.id ? pair.a : pair.b;
  const other = keepId === pair.a.id ? pair.b : pair.a;

  const confirm = async () => {
    const result = await merge.mutateAsync({ keepId: keep.id, mergeId: other.id });
    notifications.show({
      color: 'green',
      message: t('duplicates.merged', { name: result.kept.name, count: result.filledFields.length }),
    });
    onDone();
  };

  return (
    <Stack gap="md">
      <Radio.Group label={t('duplicates.keepWhich')} value={keepId} onChange={setKeepId}>
        <Stack gap="sm" mt="xs">
          {[pair.a, pair.b].map((record) => (
            <Radio key={record.id} value={record.id} label={<RecordChoice record={record} />} />
          ))}
        </Stack>
      </Radio.Group>
      <Text size="sm">{t('duplicates.mergeExplain', { keep: keep.name, other: other.name })}</Text>
      {merge.isError && <ErrorAlert error={merge.error} />}
      <Group gap="xs">
        <Button color="red" loading={merge.isPending} onClick={() => void confirm().catch(() => undefined)}>
          {t('duplicates.mergeConfirm')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('actions.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
