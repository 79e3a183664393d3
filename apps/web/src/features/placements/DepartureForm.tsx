import { createPlacementRequestSchema, destinationCountryName, type PersonDetail } from '@desmigratif/contracts';
import { todayInJakarta } from '@desmigratif/domain';
import { Autocomplete, Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { FormFailure } from '../../components/FormFailure';
import { useFormSubmit } from '../../lib/useFormSubmit';
import { blankToNull, schemaErrors } from '../../lib/validation';
import { offlineDb } from '../../offline/db';
import { createPlacementLocally } from '../../offline/records';
import { saveOnlineOrLocally } from '../../offline/saveOnlineOrLocally';
import { useSyncState } from '../../offline/sync';
import { useLiveQuery } from '../../offline/useLiveQuery';
import { useNewId } from '../people/useNewId';
import { useAgencySearch, usePlans } from '../plans/api';
import { useRecordDeparture } from './api';
import { CountrySelect } from './CountrySelect';

interface DepartureValues {
  planId: string | null;
  departureDate: string;
  destinationCountry: string | null;
  employer: string;
  agency: string;
  contractStart: string;
  contractEnd: string;
  notes: string;
}

type PlanChoice = { id: string; destinationCountry: string; label: string };

/** Without signal: the person's active plans on the phone. */
function useLocalPlans(personId: string, wanted: boolean): PlanChoice[] {
  const rows = useLiveQuery(async () => {
    if (!wanted) return [];
    const plans = await offlineDb().migration_plans.filter((row) => row.person_id === personId && !row.deleted_at && (row.status ?? 'aktif') === 'aktif').toArray();
    return plans.map((row) => ({
      id: row.id,
      destinationCountry: String(row.destination_country),
      label: `${destinationCountryName(String(row.destination_country))} · ${String(row.occupation)}`,
    }));
  }, [personId, wanted]);
  return rows ?? [];
}

/**
 * The day a resident left to work abroad: they become PMI from that date; their plan (if any) is marked departed.
 * Without signal it is kept on the phone (outbox); the agency is then recorded by name only.
 */
export function DepartureForm({ person, onDone }: { person: Pick<PersonDetail, 'id' | 'villageCode'>; onDone: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const id = useNewId();
  const today = todayInJakarta();
  const record = useRecordDeparture(person.id);
  const offline = !useSyncState().online;
  const plans = usePlans(person.villageCode, { status: 'aktif' }, !offline);
  const localPlans = useLocalPlans(person.id, offline);
  const personPlans: PlanChoice[] = offline
    ? localPlans
    : (plans.data?.items ?? [])
        .filter((plan) => plan.personId === person.id)
        .map((plan) => ({ id: plan.id, destinationCountry: plan.destinationCountry, label: `${plan.destinationName} · ${plan.occupation}` }));
  const form = useForm<DepartureValues>({
    initialValues: { planId: null, departureDate: today, destinationCountry: null, employer: '', agency: '', contractStart: '', contractEnd: '', notes: '' },
    validate: (values) => schemaErrors(createPlacementRequestSchema, toRequest(values)),
  });
  const [agencyQuery] = useDebouncedValue(form.values.agency.trim(), 300);
  const agencies = useAgencySearch(agencyQuery);
  const licensed = agencies.data?.items ?? [];

  function toRequest(values: DepartureValues) {
    const agency = values.agency.trim();
    const match = licensed.find((a) => a.name.toLowerCase() === agency.toLowerCase());
    return {
      id,
      planId: values.planId,
      departureDate: values.departureDate,
      destinationCountry: values.destinationCountry ?? '',
      employer: blankToNull(values.employer),
      agencyId: match?.id ?? null,
      agencyName: match ? null : blankToNull(agency),
      contractStart: blankToNull(values.contractStart),
      contractEnd: blankToNull(values.contractEnd),
      notes: blankToNull(values.notes),
    };
  }

  const { submit, failure } = useFormSubmit(form, async (values) => {
    const request = createPlacementRequestSchema.parse(toRequest(values));
    const saved = await saveOnlineOrLocally(
      () => record.mutateAsync(request),
      () => createPlacementLocally(offlineDb(), user.id, person.villageCode, person.id, { ...request, id }),
    );
    notifications.show(saved ? { color: 'green', message: t('placements.saved') } : { color: 'yellow', message: t('offlineWork.departureSavedOffline') });
    onDone();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormFailure failure={failure} />
        {personPlans.length > 0 && (
          <Select
            label={t('placements.plan')}
            description={t('placements.planHelp')}
            clearable
            comboboxProps={{ withinPortal: true }}
            data={personPlans.map((plan) => ({ value: plan.id, label: plan.label }))}
            {...form.getInputProps('planId')}
            onChange={(planId) => {
              form.setFieldValue('planId', planId);
              const plan = personPlans.find((p) => p.id === planId);
              if (plan && !form.values.destinationCountry) form.setFieldValue('destinationCountry', plan.destinationCountry);
            }}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t('placements.departureDate')}
            description={t('placements.departureDateHelp')}
            required
            max={today}
            {...form.getInputProps('departureDate')}
          />
          <CountrySelect label={t('placements.country')} required {...form.getInputProps('destinationCountry')} />
        </SimpleGrid>
        <TextInput label={t('placements.employer')} {...form.getInputProps('employer')} />
        <Autocomplete
          label={t('placements.agency')}
          description={t('placements.agencyHelp')}
          data={[...new Set(licensed.map((a) => a.name))]}
          comboboxProps={{ withinPortal: true }}
          error={form.errors.agencyId ?? form.errors.agencyName}
          value={form.values.agency}
          onChange={(value) => form.setFieldValue('agency', value)}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput type="date" label={t('placements.contractStart')} {...form.getInputProps('contractStart')} />
          <TextInput type="date" label={t('placements.contractEnd')} {...form.getInputProps('contractEnd')} />
        </SimpleGrid>
        <Textarea label={t('placements.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
        <Group gap="xs">
          <Button type="submit" loading={form.submitting}>
            {t('placements.recordDeparture')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
