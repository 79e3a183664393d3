import { programVillageStatuses, type ProgramVillageStatus, type Role } from '@desmigratif/contracts';
import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { canSelectVillages, settableStatuses } from '../../app/auth/permissions';
import { cohortYears } from './cohortYears';
import { maxOfficers, type VillageFormValues } from './villageForm';

interface VillageFormFieldsProps {
  form: UseFormReturnType<VillageFormValues>;
  role: Role;
  /** Enrolling: any settable status; editing: status and cohort stay with the ministry. */
  mode: 'enroll' | 'edit';
}

/** Cohort, status, officers, village head and notes: the fields shared by the enrol and edit forms. */
export function VillageFormFields({ form, role, mode }: VillageFormFieldsProps) {
  const { t } = useTranslation();
  const selects = canSelectVillages(role);
  const statusChoices: readonly ProgramVillageStatus[] =
    mode === 'enroll' || selects ? settableStatuses(role) : programVillageStatuses;
  const lockSelection = mode === 'edit' && !selects;
  const officers = form.values.officers;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <Select
          label={t('village.cohort')}
          data={cohortYears().map(String)}
          allowDeselect={false}
          required
          disabled={lockSelection}
          {...form.getInputProps('cohortYear')}
        />
        <Select
          label={t('village.status')}
          data={statusChoices.map((status) => ({ value: status, label: t(`villageStatus.${status}`) }))}
          allowDeselect={false}
          required
          disabled={lockSelection || statusChoices.length === 1}
          {...form.getInputProps('status')}
        />
      </SimpleGrid>
      {(lockSelection || (mode === 'enroll' && !selects)) && (
        <Text size="xs" c="dimmed">
          {t('village.selectionByMinistry')}
        </Text>
      )}

      <Fieldset legend={t('village.officers')}>
        <Stack gap="sm">
          {officers.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('village.noOfficers')}
            </Text>
          )}
          {officers.map((officer, index) => (
            <Group key={officer.key} align="flex-start" gap="xs" wrap="nowrap">
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" style={{ flex: 1 }}>
                <TextInput
                  label={t('village.officerName', { number: index + 1 })}
                  required
                  {...form.getInputProps(`officers.${index}.name`)}
                />
                <TextInput
                  label={t('village.officerPhone', { number: index + 1 })}
                  type="tel"
                  inputMode="tel"
                  placeholder="081234567890"
                  {...form.getInputProps(`officers.${index}.phone`)}
                />
              </SimpleGrid>
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                aria-label={t('village.removeOfficer', { number: index + 1 })}
                onClick={() => form.removeListItem('officers', index)}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
          ))}
          {officers.length < maxOfficers && (
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              style={{ alignSelf: 'flex-start' }}
              onClick={() => form.insertListItem('officers', { key: randomId(), name: '', phone: '' })}
            >
              {t('village.addOfficer')}
            </Button>
          )}
        </Stack>
      </Fieldset>

      <Fieldset legend={t('village.head')}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <TextInput label={t('village.headName')} {...form.getInputProps('headName')} />
          <TextInput
            label={t('village.headPhone')}
            type="tel"
            inputMode="tel"
            placeholder="081234567890"
            {...form.getInputProps('headPhone')}
          />
        </SimpleGrid>
      </Fieldset>

      <Textarea label={t('village.notes')} autosize minRows={3} maxRows={10} {...form.getInputProps('notes')} />
    </Stack>
  );
}
