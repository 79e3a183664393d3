import { type ProgramVillage, updateCentreRequestSchema } from '@desmigratif/contracts';
import { Button, Group, Paper, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { can } from '../../app/auth/permissions';
import { FormFailure } from '../../components/FormFailure';
import { AnchorLink } from '../../components/RouterLinks';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { blankToNull, schemaErrors } from '../../lib/validation';
import { useUpdateCentre } from './api';
import { CentreCard } from './CentreCard';

type CentreValues = { centreAddress: string; centreHours: string; centrePhone: string };

const toRequest = (values: CentreValues, version: string) => ({
  centreAddress: blankToNull(values.centreAddress),
  centreHours: blankToNull(values.centreHours),
  centrePhone: blankToNull(values.centrePhone),
  version,
});

function CentreForm({ village, onDone }: { village: ProgramVillage; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCentre(village.villageCode);
  const form = useForm<CentreValues>({
    initialValues: {
      centreAddress: village.centreAddress ?? '',
      centreHours: village.centreHours ?? '',
      centrePhone: village.centrePhone ?? '',
    },
    validate: (values) => schemaErrors(updateCentreRequestSchema, toRequest(values, village.version)),
  });
  const { submit, failure } = useFormSubmit(form, async (values) => {
    await update.mutateAsync(toRequest(values, village.version));
    notifications.show({ color: 'green', message: t('publicPage.centre.saved') });
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormFailure failure={failure} />
        <Textarea label={t('publicPage.centre.address')} autosize minRows={2} {...form.getInputProps('centreAddress')} />
        <TextInput label={t('publicPage.centre.hours')} placeholder={t('publicPage.centre.hoursPlaceholder')} {...form.getInputProps('centreHours')} />
        <TextInput
          type="tel"
          label={t('publicPage.centre.phone')}
          placeholder={t('publicPage.centre.phonePlaceholder')}
          {...form.getInputProps('centrePhone')}
        />
        <Group gap="xs">
          <Button type="submit" loading={form.submitting}>
            {t('actions.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** On a village's page: its migration service centre as the public sees it, editable by the village's officers and those above. */
export function VillageCentrePanel({ village }: { village: ProgramVillage }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [editing, setEditing] = useState(false);
  return (
    <Paper withBorder p="md" mt="md">
      <Stack gap="sm">
        <Title order={3} fz="h4">
          {t('publicPage.centre.panelTitle')}
        </Title>
        {editing ? (
          <CentreForm village={village} onDone={() => setEditing(false)} />
        ) : (
          <>
            <CentreCard centre={village} />
            <Group gap="xs">
              {can(user.role, 'editVillageCentre') && (
                <Button size="sm" variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
                  {t('publicPage.centre.edit')}
                </Button>
              )}
              <AnchorLink to="/info/desa/$villageCode" params={{ villageCode: village.villageCode }} size="sm" target="_blank">
                <Group gap={4} component="span">
                  {t('publicPage.centre.viewPublic')}
                  <IconExternalLink size={14} aria-hidden="true" />
                </Group>
              </AnchorLink>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
