import { createFamilyLinkRequestSchema, familyLinkRelations, type PersonDetail } from '@desmigratif/contracts';
import { Button, Group, Radio, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormFailure } from '../../components/FormFailure';
import { ApiError } from '../../lib/api';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { schemaErrors } from '../../lib/validation';
import { useAddFamilyLink } from './api';
import { PersonSelect } from './PersonSelect';
import { useNewId } from './useNewId';

type Side = 'migrant' | 'relative';

interface LinkValues {
  /** Whether the person the page is about is the migrant or the relative left behind. */
  side: Side;
  otherId: string;
  relation: string;
}

const migrantSide: readonly string[] = ['calon_pmi', 'pmi', 'purna_pmi'];

/** Links a migrant to a relative left behind, from either one's page; the other is a resident of the same village. */
export function AddFamilyLinkForm({ person, onDone }: { person: PersonDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddFamilyLink();
  const id = useNewId();
  const toRequest = (values: LinkValues) => ({
    id,
    migrantId: values.side === 'migrant' ? person.id : values.otherId,
    relativeId: values.side === 'migrant' ? values.otherId : person.id,
    relation: values.relation,
  });
  const form = useForm<LinkValues>({
    initialValues: {
      side: migrantSide.includes(person.migrantStatus) ? 'migrant' : 'relative',
      otherId: '',
      relation: '',
    },
    validate: (values) => {
      const { relativeId: _relativeId, ...errors } = schemaErrors(createFamilyLinkRequestSchema, toRequest(values));
      if (!values.otherId) errors.otherId = t('person.linkOtherRequired');
      if (!values.relation) errors.relation = t('person.linkRelationRequired');
      return errors;
    },
  });
  const { submit, failure } = useFormSubmit(
    form,
    async (values) => {
      const { migrantId, ...request } = toRequest(values);
      await add.mutateAsync({ migrantId, ...createFamilyLinkRequestSchema.parse(request), id });
      notifications.show({ color: 'green', message: t('person.linkAdded') });
      onDone();
    },
    (error) => {
      // The server names the relative (`relativeId`); on this form that is whoever was picked.
      const message = error instanceof ApiError ? error.fieldErrors.relativeId : undefined;
      if (message) form.setFieldError('otherId', message);
    },
  );
  const side = form.values.side;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormFailure failure={failure} />
        <Radio.Group label={t('person.linkSide', { name: person.name })} {...form.getInputProps('side')}>
          <Stack gap="xs" mt="xs">
            <Radio value="migrant" label={t('person.linkSideMigrant')} />
            <Radio value="relative" label={t('person.linkSideRelative')} />
          </Stack>
        </Radio.Group>
        <PersonSelect
          villageCode={person.villageCode}
          label={side === 'migrant' ? t('person.linkRelative') : t('person.linkMigrantPerson')}
          required
          exclude={[person.id]}
          value={form.values.otherId || null}
          onChange={(otherId) => form.setFieldValue('otherId', otherId ?? '')}
          error={typeof form.errors.otherId === 'string' ? form.errors.otherId : undefined}
        />
        <Select
          label={t('person.linkRelation')}
          description={t('person.linkRelationHelp')}
          required
          data={familyLinkRelations.map((relation) => ({ value: relation, label: t(`linkRelation.${relation}`) }))}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('relation')}
        />
        <Group gap="xs">
          <Button type="submit" loading={form.submitting}>
            {t('person.addLink')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
