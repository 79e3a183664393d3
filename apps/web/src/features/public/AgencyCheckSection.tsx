import { agencyCheckQuerySchema, type AgencyCheckResponse } from '@desmigratif/contracts';
import { Alert, Button, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconSearch } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/format';
import { schemaErrors } from '../../lib/validation';
import { LicenceBadge } from '../agencies/LicenceBadge';
import { useAgencyCheck } from './api';

/** The clear answer: licensed (green), licence expired (red), not on the list (orange). */
function Answer({ result }: { result: AgencyCheckResponse }) {
  const { t } = useTranslation();
  const exact = result.matches[0];
  if (result.status === 'licensed' && exact) {
    return (
      <Alert color="green" icon={<IconCircleCheck size={24} />} title={t('publicPage.check.licensed', { name: exact.name })}>
        {exact.licenceValidUntil
          ? t('publicPage.check.licensedText', { date: formatDate(exact.licenceValidUntil) })
          : t('publicPage.check.licensedNoDate')}
      </Alert>
    );
  }
  if (result.status === 'expired') {
    return (
      <Alert color="red" icon={<IconCircleX size={24} />} title={t('publicPage.check.expired')}>
        {t('publicPage.check.expiredText')}
      </Alert>
    );
  }
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={24} />} title={t('publicPage.check.unknown')}>
      {t('publicPage.check.unknownText')}
    </Alert>
  );
}

export function AgencyCheckSection() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const check = useAgencyCheck(query);

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = schemaErrors(agencyCheckQuerySchema, { q: text });
    setError(problems.q ?? null);
    if (!problems.q) setQuery(text.trim());
  }

  // Exactly what was typed is answered above; names that only look alike are listed below it.
  const similar = check.data ? (check.data.status === 'unknown' ? check.data.matches : check.data.matches.slice(1)) : [];
  return (
    <Paper withBorder p="md" component="section" id="cek-agensi" aria-labelledby="cek-agensi-title">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="cek-agensi-title">
          {t('publicPage.check.title')}
        </Title>
        <Text size="sm">{t('publicPage.check.help')}</Text>
        <form onSubmit={submit} noValidate role="search">
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('publicPage.check.label')}
              placeholder={t('publicPage.check.placeholder')}
              value={text}
              error={error}
              onChange={(event) => setText(event.currentTarget.value)}
            />
            <Button type="submit" mt={25} leftSection={<IconSearch size={16} />} loading={check.isFetching}>
              {t('publicPage.check.submit')}
            </Button>
          </Group>
        </form>
        {check.isError && <ErrorAlert error={check.error} />}
        {check.data && (
          <Stack gap="xs" role="status">
            <Answer result={check.data} />
            {similar.length > 0 && (
              <>
                <Text size="sm" fw={600}>
                  {t('publicPage.check.similar')}
                </Text>
                <List spacing={4} size="sm">
                  {similar.map((match) => (
                    <List.Item key={match.licenceNumber}>
                      <Group gap={6}>
                        <span>
                          {match.name} ({match.licenceNumber})
                          {match.licenceValidUntil && ` · ${t('publicPage.check.validUntil', { date: formatDate(match.licenceValidUntil) })}`}
                        </span>
                        <LicenceBadge status={match.licenceStatus} />
                      </Group>
                    </List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
