import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { AnchorLink } from '../../components/RouterLinks';
import { ListSkeleton } from '../../components/Skeletons';
import { formatDateTime, formatNumber } from '../../lib/format';
import { ActorSelect } from '../audit/ActorSelect';
import { VillageLabel } from '../people/VillageLabel';
import { breachReportXlsxUrl, useBreachReport, type BreachFilters } from './api';

/** Breach response: whose data one account touched in a window, to notify them within 3×24 hours. */
export function BreachReportPage() {
  const { t } = useTranslation();
  const filters = useSearch({ from: '/app/pelindungan-data/kebocoran' });
  const navigate = useNavigate({ from: '/pelindungan-data/kebocoran' });
  // The choice is kept here until "show"; the URL holds the report being shown.
  const [draft, setDraft] = useState<BreachFilters>(filters);
  const report = useBreachReport(filters);
  const complete = Boolean(draft.userId && draft.from && draft.to);

  return (
    <>
      <PageHeader title={t('privacy.breach.title')} description={t('privacy.breach.description')} />
      <Paper withBorder p="sm" mb="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void navigate({ search: draft });
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            <ActorSelect value={draft.userId} onChange={(userId) => setDraft({ ...draft, userId })} />
            <TextInput type="date" label={t('privacy.breach.from')} value={draft.from ?? ''} onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value || undefined })} />
            <TextInput type="date" label={t('privacy.breach.to')} value={draft.to ?? ''} onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value || undefined })} />
            <Button type="submit" mt={{ md: 'xl' }} disabled={!complete}>
              {t('privacy.breach.show')}
            </Button>
          </SimpleGrid>
        </form>
      </Paper>
      {!(filters.userId && filters.from && filters.to) && <Text c="dimmed">{t('privacy.breach.chooseAccount')}</Text>}
      {report.isLoading && <ListSkeleton />}
      {report.isError && <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />}
      {report.data && filters.userId && filters.from && filters.to && (
        <Stack gap="md">
          <Group justify="space-between" gap="xs">
            <Text fw={600}>
              {t('privacy.breach.summary', {
                entries: formatNumber(report.data.totalEntries),
                people: formatNumber(report.data.people.length),
                villages: formatNumber(report.data.villages.length),
              })}
            </Text>
            <Anchor href={breachReportXlsxUrl({ userId: filters.userId, from: filters.from, to: filters.to })} download size="sm">
              <IconDownload size={14} /> {t('privacy.breach.download')}
            </Anchor>
          </Group>
          {report.data.totalEntries === 0 && <Text c="dimmed">{t('privacy.breach.empty')}</Text>}
          {report.data.villages.length > 0 && (
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="xs">
                {t('privacy.breach.villages')}
              </Title>
              <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {report.data.villages.map((village) => (
                  <Group key={village.villageCode} component="li" justify="space-between" gap="xs">
                    <VillageLabel code={village.villageCode} />
                    <Text size="sm">{t('privacy.breach.villageLine', { people: formatNumber(village.people), entries: formatNumber(village.entries) })}</Text>
                  </Group>
                ))}
              </Stack>
            </Paper>
          )}
          {report.data.people.length > 0 && (
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="xs">
                {t('privacy.breach.people')}
              </Title>
              <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {report.data.people.map((person) => (
                  <Stack key={person.personId} component="li" gap={0}>
                    <Group gap="xs" wrap="wrap">
                      <AnchorLink to="/penduduk/$personId" params={{ personId: person.personId }} size="sm" fw={600}>
                        {person.name}
                      </AnchorLink>
                      {person.reads > 0 && <Badge color="orange" variant="light">{t('privacy.breach.reads', { count: person.reads })}</Badge>}
                      {person.writes > 0 && <Badge variant="light">{t('privacy.breach.writes', { count: person.writes })}</Badge>}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t('privacy.breach.between', { first: formatDateTime(person.firstAt), last: formatDateTime(person.lastAt) })}
                    </Text>
                  </Stack>
                ))}
              </Stack>
            </Paper>
          )}
        </Stack>
      )}
    </>
  );
}
