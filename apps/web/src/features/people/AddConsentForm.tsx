import { consentBases, recordConsentRequestSchema, type PersonDetail } from '@desmigratif/contracts';
import { Alert, Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FormFailure } from '../../components/FormFailure';
import { formatDate } from '../../lib/format';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { blankToNull, schemaErrors } from '../../lib/validation';
import { isChild } from './age';
import { useRecordConsent } from './api';
import { firstPossibleLastDay } from './consentExpiry';
import { useNewId } from './useNewId';

interface ConsentValues {
  basis: string;
  givenByName: string;
  guardianRelationship: string;
  note: string;
  /** Last day the consent holds (YYYY-MM-DD), or '' for "until withdrawn". */
  expiresAt: string;
}

/** Records the lawful basis for processing a person's data; a child's consent comes from a parent or guardian. */
export function AddConsentForm({ person, onDone }: { person: PersonDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordConsent(person.id);
  const id = useNewId();
  const child = isChild(person.birthDate);
  const toRequest = (values: ConsentValues) => ({
    id,
    basis: values.basis,
    givenByName: blankToNull(values.givenByName),
    guardianRelationship: blankToNull(values.guardianRelationship),
    note: blankToNull(values.note),
    // Only a consent can end on a date; a legal duty does not.
    expiresAt: values.basis === 'persetujuan' ? blankToNull(values.expiresAt) : null,
  });
  const form = useForm<ConsentValues>({
    initialValues: { basis: '', givenByName: '', guardianRelationship: '', note: '', expiresAt: '' },
    validate: (values) => {
      const errors = schemaErrors(recordConsentRequestSchema, toRequest(values));
      if (!values.basis) errors.basis = t('consent.basisRequired');
      if (child && values.basis === 'persetujuan' && !values.guardianRelationship.trim()) {
        errors.guardianRelationship = t('consent.guardianRequired');
      }
      return errors;
    },
  });
  const { submit, failure } = useFormSubmit(form, async (values) => {
    await record.mutateAsync(recordConsentRequestSchema.parse(toRequest(values)));
    notifications.show({ color: 'green', message: t('consent.recorded') });
    onDone();
  });
  const byConsent = form.values.basis === 'persetujuan';

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormFailure failure={failure} />
        {child && (
          <Alert color="blue" icon={<IconInfoCircle size={20} />}>
            {t('consent.childNotice')}
          </Alert>
        )}
        <Select
          label={t('consent.basis')}
          required
          data={consentBases.map((basis) => ({ value: basis, label: t(`consentBasis.${basis}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('basis')}
        />
        {byConsent && (
          <>
            <TextInput
              label={child ? t('consent.guardianName') : t('consent.givenByName')}
              required
              {...form.getInputProps('givenByName')}
            />
            <TextInput
              label={t('consent.guardianRelationship')}
              description={t('consent.guardianRelationshipHelp')}
              required={child}
              {...form.getInputProps('guardianRelationship')}
            />
            <TextInput
              type="date"
              label={t('privacy.consentExpiry.label')}
              description={
                form.values.expiresAt
                  ? t('privacy.consentExpiry.until', { date: formatDate(form.values.expiresAt) })
                  : t('privacy.consentExpiry.help')
              }
              min={firstPossibleLastDay()}
              {...form.getInputProps('expiresAt')}
            />
          </>
        )}
        <Textarea label={t('consent.note')} autosize minRows={2} {...form.getInputProps('note')} />
        <Group gap="xs">
          <Button type="submit" loading={form.submitting}>
            {t('consent.submit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
