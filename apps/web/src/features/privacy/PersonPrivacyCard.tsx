import type { PersonDetail } from '@desmigratif/contracts';
import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconHistory, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { AnchorLink } from '../../components/RouterLinks';
import { personDataUrl } from './api';

/** On a person's page: the way to "who looked at this data", the full-data download and the person's requests. */
export function PersonPrivacyCard({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const seesLog = can(user.role, 'viewAccessLog');
  const handles = can(user.role, 'handleDataRequests');
  if (!seesLog && !handles) return null;

  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('privacy.card.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('privacy.card.description')}
        </Text>
        {seesLog && (
          <AnchorLink to="/penduduk/$personId/riwayat-akses" params={{ personId: person.id }} search={{}} size="sm">
            <IconHistory size={14} /> {t('privacy.card.accessLog')}
          </AnchorLink>
        )}
        {handles && (
          <>
            <AnchorLink to="/desa/$villageCode/permintaan-data" params={{ villageCode: person.villageCode }} search={{ personId: person.id }} size="sm">
              <IconShieldLock size={14} /> {t('privacy.card.requests')}
            </AnchorLink>
            <Anchor href={personDataUrl(person.id, 'xlsx')} download size="sm">
              <IconDownload size={14} /> {t('privacy.card.exportXlsx')}
            </Anchor>
            <Anchor href={personDataUrl(person.id, 'json')} download size="sm">
              <IconDownload size={14} /> {t('privacy.card.exportJson')}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t('privacy.card.exportHelp')}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}
