import type { DuplicateSuggestionsResponse } from '@desmigratif/contracts';
import { Alert, Anchor, Checkbox, Group, Loader, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { formatPlace } from '../place';
import { ReasonBadges } from './ReasonBadges';

interface DuplicateSuggestionsProps {
  suggestions: DuplicateSuggestionsResponse | undefined;
  loading: boolean;
  confirmed: boolean;
  onConfirmChange: (confirmed: boolean) => void;
  error?: string;
}

/** "Mungkin sudah tercatat": people like the one being typed. Opening one keeps the form (new tab); saving stays possible. */
export function DuplicateSuggestions({ suggestions, loading, confirmed, onConfirmChange, error }: DuplicateSuggestionsProps) {
  const { t } = useTranslation();
  const candidates = suggestions?.candidates ?? [];
  const notice = suggestions?.nikNotice;
  if (candidates.length === 0 && !notice) {
    return loading ? (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="xs" c="dimmed">
          {t('duplicates.checking')}
        </Text>
      </Group>
    ) : null;
  }
  return (
    <Alert
      color="orange"
      icon={<IconUsersGroup size={20} />}
      title={t('duplicates.maybeRecorded')}
      role="status"
      data-testid="duplicate-suggestions"
    >
      <Stack gap="sm">
        {notice && <Text size="sm">{notice}</Text>}
        {candidates.map((candidate) => (
          <Stack key={candidate.id} gap={4} data-testid="duplicate-candidate">
            <Anchor href={`/penduduk/${candidate.id}`} target="_blank" rel="noopener" size="sm" fw={600}>
              <Group gap={4} component="span" wrap="nowrap">
                {candidate.name}
                <IconExternalLink size={14} aria-label={t('duplicates.opensInNewTab')} />
              </Group>
            </Anchor>
            <Text size="xs" c="dimmed" ff="monospace">
              {candidate.nik}
            </Text>
            <Text size="xs">
              {[candidate.birthDate && formatDate(candidate.birthDate), formatPlace(candidate), candidate.villageName]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <ReasonBadges reasons={candidate.reasons} score={candidate.score} />
          </Stack>
        ))}
        {candidates.length > 0 && (
          <Checkbox
            label={t('duplicates.confirmDifferent')}
            checked={confirmed}
            onChange={(event) => onConfirmChange(event.currentTarget.checked)}
            error={error}
            data-path="confirmNotDuplicate"
          />
        )}
      </Stack>
    </Alert>
  );
}
