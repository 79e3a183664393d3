import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../../components/RouterLinks';
import { ListSkeleton } from '../../components/Skeletons';
import { formatDate } from '../../lib/format';
import { useExpiredConsents } from './api';

/** Consents that no longer hold: the officer asks again, or records another legal basis. */
export function ExpiredConsentsCard({ villageCode }: { villageCode: string }) {
  const { t } = useTranslation();
  const consents = useExpiredConsents(villageCode);
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('privacy.consents.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('privacy.consents.description')}
        </Text>
        {consents.isPending && <ListSkeleton rows={2} />}
        {consents.isError && <ErrorAlert error={consents.error} onRetry={() => void consents.refetch()} />}
        {consents.data?.items.length === 0 && <Text size="sm">{t('privacy.consents.empty')}</Text>}
        {consents.data && consents.data.items.length > 0 && (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {consents.data.items.map((consent) => (
              <Stack key={consent.consentId} component="li" gap={0}>
                <AnchorLink to="/penduduk/$personId" params={{ personId: consent.personId }} size="sm" fw={600}>
                  {consent.personName}
                </AnchorLink>
                <Text size="sm">
                  {t(`privacy.consents.reason.${consent.reason}`)} · {t('privacy.consents.expired', { date: formatDate(consent.expiresOn) })}
                </Text>
                {consent.givenByName && (
                  <Text size="xs" c="dimmed">
                    {t('privacy.consents.givenBy', { name: consent.givenByName })}
                  </Text>
                )}
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
