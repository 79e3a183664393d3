import type { PersonDetail } from '@desmigratif/contracts';
import { Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePhone } from '../../lib/usePhone';
import { AddConsentForm } from './AddConsentForm';
import { useWithdrawConsent } from './api';
import { consentExpiry } from './consentExpiry';

type Consent = PersonDetail['consents'][number];

/** "Kedaluwarsa" once a consent's last day has passed; "Berakhir dalam N hari" in its last month. */
function ExpiryBadge({ expiresAt }: { expiresAt: string | null }) {
  const { t } = useTranslation();
  const expiry = consentExpiry(expiresAt);
  if (expiry?.state === 'lapsed') {
    return (
      <Badge size="xs" color="red">
        {t('privacy.consentExpiry.lapsed')}
      </Badge>
    );
  }
  if (expiry?.state === 'ending') {
    return (
      <Badge size="xs" color="orange" variant="light">
        {expiry.days === 0 ? t('privacy.consentExpiry.endsToday') : t('privacy.consentExpiry.endsIn', { count: expiry.days })}
      </Badge>
    );
  }
  return null;
}

/** The lawful bases recorded for processing this person's data (UU 27/2022), with withdrawal of a consent. */
export function ConsentList({ person, canWrite }: { person: PersonDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [adding, { open, close }] = useDisclosure(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const withdraw = useWithdrawConsent(person.id);
  const closeWithdraw = () => {
    setWithdrawing(null);
    withdraw.reset();
  };
  const confirmWithdraw = async (consent: Consent) => {
    await withdraw.mutateAsync(consent.id);
    notifications.show({ color: 'green', message: t('consent.withdrawn') });
    closeWithdraw();
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4">
            {t('consent.title')}
          </Title>
          {canWrite && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={open}>
              {t('consent.add')}
            </Button>
          )}
        </Group>
        {person.consents.length === 0 ? (
          <Text size="sm" c="orange.8">
            {t('consent.none')}
          </Text>
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {person.consents.map((consent) => (
              <Stack key={consent.id} component="li" gap={2}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {t(`consentBasis.${consent.basis}`)}
                  </Text>
                  {consent.withdrawnAt && (
                    <Badge size="xs" color="gray" variant="outline">
                      {t('consent.withdrawnOn', { date: formatDateTime(consent.withdrawnAt) })}
                    </Badge>
                  )}
                  {!consent.withdrawnAt && <ExpiryBadge expiresAt={consent.expiresAt} />}
                </Group>
                {consent.expiresAt && (
                  <Text size="sm">{t('privacy.consentExpiry.until', { date: formatDate(consent.expiresAt) })}</Text>
                )}
                {consent.givenByName && (
                  <Text size="sm">
                    {consent.guardianRelationship
                      ? t('consent.givenByGuardian', {
                          name: consent.givenByName,
                          relationship: consent.guardianRelationship,
                        })
                      : t('consent.givenBy', { name: consent.givenByName })}
                  </Text>
                )}
                {consent.note && <Text size="sm">{consent.note}</Text>}
                <Text size="xs" c="dimmed">
                  {t('person.recordedAt', { date: formatDateTime(consent.recordedAt) })}
                </Text>
                {canWrite && consent.basis === 'persetujuan' && !consent.withdrawnAt && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    style={{ alignSelf: 'flex-start' }}
                    onClick={() => setWithdrawing(consent)}
                  >
                    {t('consent.withdraw')}
                  </Button>
                )}
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={adding}
        onClose={close}
        title={t('consent.addTitle', { name: person.name })}
        fullScreen={phone}
      >
        <AddConsentForm person={person} onDone={close} />
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={withdrawing !== null}
        onClose={closeWithdraw}
        title={t('consent.withdrawTitle')}
      >
        {withdrawing && (
          <Stack gap="md">
            <Text size="sm">{t('consent.withdrawConfirm', { name: person.name })}</Text>
            {withdraw.isError && <ErrorAlert error={withdraw.error} />}
            <Group gap="xs">
              <Button
                color="red"
                loading={withdraw.isPending}
                onClick={() => void confirmWithdraw(withdrawing).catch(() => undefined)}
              >
                {t('consent.withdraw')}
              </Button>
              <Button variant="default" onClick={closeWithdraw}>
                {t('actions.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
