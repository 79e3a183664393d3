import { caseTypes, createCaseRequestSchema, reporterRelations } from '@desmigratif/contracts';
import { Button, Group, Paper, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { FormFailure } from '../../components/FormFailure';
import { PageHeader } from '../../components/PageHeader';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { blankToNull, schemaErrors } from '../../lib/validation';
import { offlineDb } from '../../offline/db';
import { createCaseLocally } from '../../offline/records';
import { saveOnlineOrLocally } from '../../offline/saveOnlineOrLocally';
import { PersonSelect } from '../people/PersonSelect';
import { useNewId } from '../people/useNewId';
import { VillageLabel } from '../people/VillageLabel';
import { CountrySelect } from '../placements/CountrySelect';
import { useCreateCase } from './api';

interface CaseValues {
  migrantPersonId: string | null;
  reporterRegistered: boolean;
  reporterPersonId: string | null;
  reporterName: string;
  reporterRelation: string | null;
  reporterPhone: string;
  caseType: string | null;
  description: string;
  incidentCountry: string | null;
}

/** A family's complaint, taken down on a phone in under a minute: who, who reports, what happened. */
export function NewCasePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const villageCode = user.scopeCode;
  const id = useNewId();
  const navigate = useNavigate();
  const create = useCreateCase(villageCode);
  const toRequest = (values: CaseValues) => ({
    id,
    migrantPersonId: values.migrantPersonId ?? '',
    reporterPersonId: values.reporterRegistered ? values.reporterPersonId : null,
    reporterName: values.reporterRegistered ? null : blankToNull(values.reporterName),
    reporterRelation: values.reporterRelation,
    reporterPhone: blankToNull(values.reporterPhone),
    caseType: values.caseType ?? '',
    description: values.description,
    incidentCountry: values.incidentCountry,
  });
  const form = useForm<CaseValues>({
    initialValues: {
      migrantPersonId: null,
      reporterRegistered: false,
      reporterPersonId: null,
      reporterName: '',
      reporterRelation: null,
      reporterPhone: '',
      caseType: null,
      description: '',
      incidentCountry: null,
    },
    validate: (values) => schemaErrors(createCaseRequestSchema, toRequest(values)),
  });
  const { submit, failure } = useFormSubmit(form, async (values) => {
    const request = createCaseRequestSchema.parse(toRequest(values));
    // Without signal the case is kept on the phone (outbox) and its page opens from there.
    const created = await saveOnlineOrLocally(
      () => create.mutateAsync(request),
      () => createCaseLocally(offlineDb(), user.id, villageCode, { ...request, id }),
    );
    notifications.show(created ? { color: 'green', message: t('cases.saved') } : { color: 'yellow', message: t('offlineWork.caseSavedOffline') });
    await navigate({ to: '/kasus/$caseId', params: { caseId: created?.id ?? id } });
  });

  return (
    <>
      <PageHeader title={t('cases.newTitle')} description={<VillageLabel code={villageCode} />} />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }} maw={720}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormFailure failure={failure} />
            <PersonSelect
              villageCode={villageCode}
              label={t('cases.migrant')}
              required
              value={form.values.migrantPersonId}
              onChange={(personId) => form.setFieldValue('migrantPersonId', personId)}
              error={form.errors.migrantPersonId as string | undefined}
            />
            <Select
              label={t('cases.type')}
              required
              comboboxProps={{ withinPortal: true }}
              data={caseTypes.map((type) => ({ value: type, label: t(`cases.caseType.${type}`) }))}
              {...form.getInputProps('caseType')}
            />
            <Textarea
              label={t('cases.description')}
              placeholder={t('cases.descriptionPlaceholder')}
              required
              autosize
              minRows={3}
              {...form.getInputProps('description')}
            />
            <CountrySelect label={t('cases.incidentCountry')} clearable {...form.getInputProps('incidentCountry')} />
            <Switch label={t('cases.reporterRegistered')} {...form.getInputProps('reporterRegistered', { type: 'checkbox' })} />
            {form.values.reporterRegistered ? (
              <PersonSelect
                villageCode={villageCode}
                label={t('cases.reporter')}
                required
                value={form.values.reporterPersonId}
                onChange={(personId) => form.setFieldValue('reporterPersonId', personId)}
                error={(form.errors.reporterPersonId ?? form.errors.reporterName) as string | undefined}
              />
            ) : (
              <TextInput label={t('cases.reporterName')} required {...form.getInputProps('reporterName')} />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('cases.reporterRelation')}
                clearable
                comboboxProps={{ withinPortal: true }}
                data={reporterRelations.map((relation) => ({ value: relation, label: t(`cases.relation.${relation}`) }))}
                {...form.getInputProps('reporterRelation')}
              />
              <TextInput type="tel" inputMode="tel" label={t('cases.reporterPhone')} {...form.getInputProps('reporterPhone')} />
            </SimpleGrid>
            <Group gap="xs">
              <Button type="submit" loading={form.submitting}>
                {t('cases.save')}
              </Button>
              <Button variant="default" onClick={() => void navigate({ to: '/kasus', search: {} })}>
                {t('actions.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
