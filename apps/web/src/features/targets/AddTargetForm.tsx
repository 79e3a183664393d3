import { Button, Group, NumberInput, Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setTargetRequestSchema } from '@desmigratif/contracts';
import { useErrorMessage } from '../../lib/useErrorMessage';
import { schemaErrors } from '../../lib/validation';
import { useSetTarget } from '../summary/api';
import { cohortYears } from '../villages/cohortYears';

/** Sets a target for a year that has none yet. */
export function AddTargetForm({ existingYears }: { existingYears: number[] }) {
  const { t } = useTranslation();
  const setTarget = useSetTarget();
  const errorMessage = useErrorMessage();
  const years = cohortYears().filter((year) => !existingYears.includes(year));
  const [year, setYear] = useState<string | null>(null);
  const [value, setValue] = useState<string | number>('');
  const [errors, setErrors] = useState<{ year?: string; target?: string }>({});

  if (years.length === 0) return null;

  const save = async () => {
    const targetError = schemaErrors(setTargetRequestSchema, { target: value === '' ? undefined : value }).target;
    const yearError = year ? undefined : t('targets.chooseYear');
    setErrors({ year: yearError, target: targetError });
    if (!year || targetError) return;
    try {
      await setTarget.mutateAsync({ year: Number(year), target: Number(value) });
      notifications.show({ color: 'green', message: t('targets.saved', { year }) });
      setYear(null);
      setValue('');
    } catch (failure) {
      setErrors({ target: errorMessage(failure) });
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      noValidate
    >
      <Group align="flex-end" gap="xs">
        <Select
          label={t('summary.year')}
          data={years.map(String)}
          value={year}
          onChange={setYear}
          error={errors.year}
          w={120}
        />
        <NumberInput
          label={t('summary.target')}
          min={0}
          max={100000}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator="."
          decimalSeparator=","
          value={value}
          onChange={setValue}
          error={errors.target}
          w={140}
        />
        <Button type="submit" leftSection={<IconPlus size={16} />} loading={setTarget.isPending}>
          {t('targets.add')}
        </Button>
      </Group>
    </form>
  );
}
