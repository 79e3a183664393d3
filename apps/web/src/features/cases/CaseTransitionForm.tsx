import { type CaseStatus, type CaseTransitionRequest, caseTransitionRequestSchema } from '@desmigratif/contracts';
import { caseTransitionNeedsNote } from '@desmigratif/domain';
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormFailure } from '../../components/FormFailure';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { schemaErrors } from '../../lib/validation';

/**
 * One status step of a case with its note, online or from the phone's copy. `save` sends the
 * step (or queues it); offline there is no server to refuse a missing note, so `checkNote`
 * says so before the step is queued.
 */
export function CaseTransitionForm({
  to,
  version,
  save,
  savedMessage,
  savedColor,
  checkNote,
  onDone,
}: {
  to: CaseStatus;
  version: string;
  save: (request: CaseTransitionRequest) => Promise<unknown>;
  savedMessage: string;
  savedColor: 'green' | 'yellow';
  checkNote: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const toRequest = (note: string) => ({ to, note: note.trim() || null, version });
  const form = useForm({
    initialValues: { note: '' },
    validate: (values) =>
      checkNote
        ? {
            ...schemaErrors(caseTransitionRequestSchema, toRequest(values.note)),
            ...(caseTransitionNeedsNote(to) && !values.note.trim() ? { note: t('cases.transitionNoteHelp') } : {}),
          }
        : {},
  });
  const { submit, failure } = useFormSubmit(form, async (values) => {
    const request = toRequest(values.note);
    // Online the server validates (and answers in Indonesian); offline the step is checked here before it is queued.
    await save(checkNote ? caseTransitionRequestSchema.parse(request) : request);
    notifications.show({ color: savedColor, message: savedMessage });
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormFailure failure={failure} />
        <Textarea
          label={t('cases.transitionNote')}
          description={t('cases.transitionNoteHelp')}
          required={caseTransitionNeedsNote(to)}
          autosize
          minRows={3}
          {...form.getInputProps('note')}
        />
        <Group gap="xs">
          <Button type="submit" loading={form.submitting}>
            {t('cases.confirm')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
