import { Badge, Button, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconId } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { useErrorMessage } from '../../lib/useErrorMessage';
import { noKkFeedback } from './noKkFeedback';

interface NoKkFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  /** Fills in OpenSID's temporary No. KK (0 + village code + sequence). */
  onUseTemporary: () => Promise<void>;
  path: string;
}

/** A family card number with the domain's checks as it is typed, and the way out when the card is not at hand. */
export function NoKkField({ label, value, onChange, error, required, onUseTemporary, path }: NoKkFieldProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [left, setLeft] = useState(false);
  const [filling, setFilling] = useState(false);
  const feedback = noKkFeedback(value, left);
  const description = feedback.temporary
    ? t('family.temporaryMarker')
    : feedback.issueDate
      ? t('family.issuedOn', { date: formatDate(feedback.issueDate) })
      : value.trim()
        ? t('person.nikDigits', { count: feedback.digits })
        : undefined;

  const fillTemporary = async () => {
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
        label={label}
        required={required}
        inputMode="numeric"
        autoComplete="off"
        maxLength={24}
        data-path={path}
        value={value}
        description={description}
        error={error ?? feedback.errors[0]}
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
        {t('family.useTemporaryNoKk')}
      </Button>
      {feedback.temporary && (
        <Text size="xs" c="orange.8" role="status">
          {t('family.temporaryHelp')}
        </Text>
      )}
    </Stack>
  );
}
