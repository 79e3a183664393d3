import { type PersonDetail } from '@desmigratif/contracts';
import { ActionIcon, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLink, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../../components/RouterLinks';
import { usePhone } from '../../lib/usePhone';
import { AddFamilyLinkForm } from './AddFamilyLinkForm';
import { useRemoveFamilyLink } from './api';
import { MigrantStatusBadge } from './MigrantStatusBadge';

type Link = PersonDetail['links'][number];

/** The family a migrant left behind, or the migrant a relative belongs to; linked and unlinked here. */
export function FamilyLinks({ person, canWrite }: { person: PersonDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [adding, { open, close }] = useDisclosure(false);
  const [removing, setRemoving] = useState<Link | null>(null);
  const remove = useRemoveFamilyLink(person.id);
  const closeRemove = () => {
    setRemoving(null);
    remove.reset();
  };

  const confirmRemove = async (link: Link) => {
    await remove.mutateAsync({ id: link.id, otherId: link.other.id });
    notifications.show({ color: 'green', message: t('person.linkRemoved', { name: link.other.name }) });
    closeRemove();
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4">
            {t('person.links')}
          </Title>
          {canWrite && (
            <Button size="xs" variant="light" leftSection={<IconLink size={14} />} onClick={open}>
              {t('person.addLink')}
            </Button>
          )}
        </Group>
        {person.links.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('person.noLinks')}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {person.links.map((link) => (
              <Group key={link.id} component="li" gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <AnchorLink size="sm" fw={600} to="/penduduk/$personId" params={{ personId: link.other.id }}>
                    {link.other.name}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {link.direction === 'left_behind'
                      ? t('person.linkLeftBehind', { relation: t(`linkRelation.${link.relation}`) })
                      : t('person.linkMigrant', { relation: t(`linkRelation.${link.relation}`) })}
                  </Text>
                  <MigrantStatusBadge status={link.other.migrantStatus} size="xs" />
                </Stack>
                {canWrite && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('person.removeLink', { name: link.other.name })}
                    onClick={() => setRemoving(link)}
                  >
                    <IconTrash size={18} />
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={adding}
        onClose={close}
        title={t('person.addLinkTitle', { name: person.name })}
        fullScreen={phone}
      >
        <AddFamilyLinkForm person={person} onDone={close} />
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={removing !== null}
        onClose={closeRemove}
        title={t('person.removeLinkTitle')}
      >
        {removing && (
          <Stack gap="md">
            <Text size="sm">{t('person.removeLinkConfirm', { name: person.name, other: removing.other.name })}</Text>
            {remove.isError && <ErrorAlert error={remove.error} />}
            <Group gap="xs">
              <Button color="red" loading={remove.isPending} onClick={() => void confirmRemove(removing).catch(() => undefined)}>
                {t('person.removeLinkSubmit')}
              </Button>
              <Button variant="default" onClick={closeRemove}>
                {t('actions.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
