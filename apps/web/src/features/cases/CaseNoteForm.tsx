import { caseNoteRequestSchema } from '@desmigratif/contracts';
import { Button, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormFailure } from '../../components/FormFailure';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { schemaErrors } from '../../lib/validation';

/**
 * "Tambah catatan" on a case, online or from the phone's copy: `save` sends the note (or queues
 * it) and `savedMessage` says which; the text stays in the box if saving fails.
 */
export function CaseNoteForm({ save, savedMessage, savedColor }: { save: (note: string) => Promise<unknown>; savedMessage: string; savedColor: 'green' | 'yellow' }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { note: '' }, validate: (values) => schemaErrors(caseNoteRequestSchema, values) });
  const { submit, failure } = useFormSubmit(form, async (values) => {
    await save(caseNoteRequestSchema.parse(values).note);
    notifications.show({ color: savedColor, message: savedMessage });
    form.reset();
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('cases.addNote')}
          </Title>
          <FormFailure failure={failure} />
          <Textarea label={t('cases.note')} autosize minRows={3} {...form.getInputProps('note')} />
          <Button type="submit" loading={form.submitting} style={{ alignSelf: 'flex-start' }}>
            {t('cases.addNote')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
