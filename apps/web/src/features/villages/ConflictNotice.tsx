import type { ProgramVillage } from '@desmigratif/contracts';
import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { VillageField } from './villageForm';

interface ConflictNoticeProps {
  message: string;
  latest: ProgramVillage;
  fields: VillageField[];
  onUseLatest: () => void;
}

/** Someone saved this village while the user was typing: show what they saved, keep what the user typed. */
export function ConflictNotice({ message, latest, fields, onUseLatest }: ConflictNoticeProps) {
  const { t } = useTranslation();
  const shown = (field: VillageField): string => {
    switch (field) {
      case 'cohortYear':
        return String(latest.cohortYear);
      case 'status':
        return t(`villageStatus.${latest.status}`);
      case 'officers':
        return (
          latest.officers.map((officer) => [officer.name, officer.phone].filter(Boolean).join(', ')).join('; ') || '—'
        );
      default:
        return latest[field] ?? '—';
    }
  };
  return (
    <Alert color="yellow" icon={<IconGitMerge size={20} />} title={t('village.conflictTitle')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{message}</Text>
        {fields.length > 0 ? (
          <>
            <Text size="sm" fw={600}>
              {t('village.conflictTheirs')}
            </Text>
            <List size="sm" spacing={2}>
              {fields.map((field) => (
                <List.Item key={field}>
                  {t(`village.field.${field}`)}: {shown(field)}
                </List.Item>
              ))}
            </List>
          </>
        ) : (
          <Text size="sm">{t('village.conflictSame')}</Text>
        )}
        <Text size="sm">{t('village.conflictHelp')}</Text>
        <Group gap="xs">
          <Button size="xs" variant="white" color="yellow" onClick={onUseLatest}>
            {t('village.useLatest')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
