import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface ConflictChange {
  label: string;
  /** What is saved now, as the user would read it. */
  value: string;
}

interface ConflictNoticeProps {
  message: string;
  changes: ConflictChange[];
  onUseLatest: () => void;
}

/** Someone saved this record while the user was typing: show what is saved now, keep what the user typed. */
export function ConflictNotice({ message, changes, onUseLatest }: ConflictNoticeProps) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" icon={<IconGitMerge size={20} />} title={t('village.conflictTitle')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        {changes.length > 0 ? (
          <>
            <Text size="sm" fw={600}>
              {t('village.conflictTheirs')}
            </Text>
            <List size="sm" spacing={2}>
              {changes.map((change) => (
                <List.Item key={change.label}>
                  {change.label}: {change.value || '—'}
                </List.Item>
              ))}
            </List>
          </>
        ) : (
          <Text size="sm">{t('village.conflictSame')}</Text>
        )}
        <Text size="sm">{t('person.conflictHelp')}</Text>
        <Button size="xs" variant="white" color="yellow" style={{ alignSelf: 'flex-start' }} onClick={onUseLatest}>
          {t('village.useLatest')}
        </Button>
      </Stack>
    </Alert>
  );
}
