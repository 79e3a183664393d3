import { Badge, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconId } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../lib/useErrorMessage';
import { nikFeedback } from './nikFeedback';

interface NikFieldProps {
  value: string;
  onChange: (value: string) => void;
  /** The error from the form check or the server; the live checks show until there is one. */
  error?: string;
  birthDate: string;
  sex: string;
  /** Fills in OpenSID's temporary NIK; absent where a NIK cannot be replaced by one (editing). */
  onUseTemporary?: () => Promise<void>;
  disabled?: boolean;
  description?: string;
}

/** The NIK with the domain's checks shown as the officer types: errors block the save, warnings do not. */
export function NikField({
  value,
  onChange,
  error,
  birthDate,
  sex,
  onUseTemporary,
  disabled,
  description,
}: NikFieldProps) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(false);
  const [filling, setFilling] = useState(false);
  const errorMessage = useErrorMessage();
  // A masked number (3212••••••••0003) is shown as given; only the record's own checks apply to it.
  const feedback = nikFeedback(disabled ? '' : value, { birthDate, sex, settled: left });
  const shownError = error ?? feedback.errors[0];
  const counter = value.trim() === '' || feedback.temporary ? undefined : t('person.nikDigits', { count: feedback.digits });

  const fillTemporary = async () => {
    if (!onUseTemporary) return;
    setFilling(true);
    try {
      await onUseTemporary();
    } catch (failure) {
      notifications.show({ color: 'red', message: errorMessage(failure) });
    } finally {
      setFilling(false);
    }
  };

  return (
    <Stack gap={6}>
      <TextInput
        label={t('person.nik')}
        description={description ?? counter}
        required
        inputMode="numeric"
        autoComplete="off"
        maxLength={24}
        disabled={disabled}
        data-path="nik"
        value={value}
        error={shownError}
        onChange={(event) => onChange(event.currentTarget.value)}
        onBlur={() => setLeft(true)}
        rightSectionWidth={feedback.temporary ? 96 : undefined}
        rightSection={
          feedback.temporary ? (
            <Badge size="sm" color="orange" variant="light">
              {t('person.temporary')}
            </Badge>
          ) : null
        }
      />
      {feedback.temporary && (
        <Text size="xs" c="orange.8" role="status">
          {t('person.temporaryMarker')}
        </Text>
      )}
      {feedback.warnings.length > 0 && (
        <Group gap={6} align="flex-start" wrap="nowrap" role="status">
          <IconAlertTriangle size={16} color="var(--mantine-color-yellow-7)" aria-hidden="true" style={{ flexShrink: 0 }} />
          <List size="xs" c="yellow.9" spacing={2}>
            {feedback.warnings.map((warning) => (
              <List.Item key={warning}>{warning}</List.Item>
            ))}
            <List.Item>{t('person.nikWarningsDoNotBlock')}</List.Item>
          </List>
        </Group>
      )}
      {onUseTemporary && !disabled && (
        <Button
          variant="light"
          color="orange"
          size="xs"
          h="auto"
          py={6}
          leftSection={<IconId size={14} />}
          styles={{ label: { whiteSpace: 'normal', textAlign: 'start' } }}
          style={{ alignSelf: 'flex-start' }}
          loading={filling}
          onClick={() => void fillTemporary()}
        >
          {t('person.useTemporaryNik')}
        </Button>
      )}
    </Stack>
  );
}
