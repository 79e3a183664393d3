import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface IdentityNumberProps {
  /** As the server sent it: in full, or masked (3212••••••••0003) for roles that do not see it in full. */
  value: string | null;
  temporary: boolean;
  /** Other records holding the same NIK; a No. KK has none. */
  duplicates?: number;
  size?: 'xs' | 'sm';
}

/** A NIK or No. KK as given, marked when it is OpenSID's temporary number or recorded more than once. */
export function IdentityNumber({ value, temporary, duplicates = 0, size = 'sm' }: IdentityNumberProps) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap" component="span">
      <Text span size={size} ff="monospace" style={{ overflowWrap: 'anywhere' }}>
        {value ?? '—'}
      </Text>
      {temporary && (
        <Tooltip label={t('person.temporaryHelp')} events={{ hover: true, focus: true, touch: true }}>
          <Badge size="xs" color="orange" variant="light" tabIndex={0}>
            {t('person.temporary')}
          </Badge>
        </Tooltip>
      )}
      {duplicates > 0 && (
        <Tooltip
          label={t('person.nikDuplicateHelp', { count: duplicates })}
          events={{ hover: true, focus: true, touch: true }}
        >
          <Badge size="xs" color="red" variant="filled" tabIndex={0}>
            {t('person.nikDuplicate')}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
