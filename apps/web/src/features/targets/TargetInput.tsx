import { setTargetRequestSchema } from '@desmigratif/contracts';
import { ActionIcon, Group, NumberInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../lib/useErrorMessage';
import { schemaErrors } from '../../lib/validation';
import { useSetTarget } from '../summary/api';

/** A year's target, edited in place and saved with the tick (or Enter). */
export function TargetInput({ year, target }: { year: number; target: number | null }) {
  const { t } = useTranslation();
  const setTarget = useSetTarget();
  const errorMessage = useErrorMessage();
  const [value, setValue] = useState<string | number>(target ?? '');
  const [error, setError] = useState<string | null>(null);
  const changed = String(value) !== String(target ?? '');

  const save = async () => {
    const problem = schemaErrors(setTargetRequestSchema, { target: value === '' ? undefined : value }).target;
    if (problem) return setError(problem);
    setError(null);
    try {
      const saved = await setTarget.mutateAsync({ year, target: Number(value) });
      notifications.show({ color: 'green', message: t('targets.saved', { year: saved.year }) });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <NumberInput
        aria-label={t('targets.targetFor', { year })}
        size="xs"
        w={100}
        min={0}
        max={100000}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator="."
        decimalSeparator=","
        value={value}
        error={error}
        onChange={setValue}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void save();
        }}
      />
      {changed && (
        <ActionIcon
          size="md"
          loading={setTarget.isPending}
          aria-label={t('targets.saveFor', { year })}
          onClick={() => void save()}
        >
          <IconCheck size={16} />
        </ActionIcon>
      )}
    </Group>
  );
}
