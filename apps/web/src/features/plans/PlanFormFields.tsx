import {
  destinationCountries,
  feeFreeOccupationLabels,
  feeFreeOccupations,
  findDestinationCountry,
  placementSchemeLabels,
  placementSchemes,
  recruiterContactLabels,
  recruiterContacts,
  sectorLabels,
  sectors,
  visaTypeLabels,
  visaTypes,
} from '@desmigratif/contracts';
import { Alert, Autocomplete, Input, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAgencySearch } from './api';
import type { PlanFormValues, TriState } from './planForm';

const options = <T extends string>(codes: readonly T[], labels: Record<T, string>) => codes.map((code) => ({ value: code, label: labels[code] }));

function TriStateField({ form, field, label }: { form: UseFormReturnType<PlanFormValues>; field: keyof PlanFormValues; label: string }) {
  const { t } = useTranslation();
  return (
    <Input.Wrapper label={label} error={form.errors[field]}>
      <SegmentedControl
        fullWidth
        mt={4}
        data={[
          { value: '', label: t('plans.form.unknown') },
          { value: 'true', label: t('plans.form.yes') },
          { value: 'false', label: t('plans.form.no') },
        ]}
        value={form.values[field] as TriState}
        onChange={(value) => form.setFieldValue(field, value as never)}
      />
    </Input.Wrapper>
  );
}

/** The Middle-East moratorium on household work (Kepmenaker 260/2015), said before the plan is saved. */
function MoratoriumWarning({ values }: { values: PlanFormValues }) {
  const { t } = useTranslation();
  const country = findDestinationCountry(values.destinationCountry);
  if (!country?.domesticWorkBan) return null;
  return (
    <Alert color={values.sector === 'domestik' ? 'red' : 'yellow'} icon={<IconAlertTriangle size={18} />} title={t('plans.form.moratoriumTitle', { country: country.name })}>
      {t(country.domesticWorkBan === 'confirmed' ? 'plans.form.moratorium' : 'plans.form.moratoriumUnconfirmed')}
    </Alert>
  );
}

/** Agency by name from the licensed-agency registry; a name not in it may still be typed (and is flagged). */
function AgencyField({ form }: { form: UseFormReturnType<PlanFormValues> }) {
  const { t } = useTranslation();
  const [q] = useDebouncedValue(form.values.agencyName.trim(), 300);
  const agencies = useAgencySearch(q);
  const found = agencies.data?.items ?? [];
  return (
    <Autocomplete
      label={t('plans.form.agencyName')}
      description={t('plans.form.agencyHelp')}
      data={[...new Set(found.map((a) => a.name))]}
      {...form.getInputProps('agencyName')}
      onOptionSubmit={(name) => {
        const agency = found.find((a) => a.name === name);
        if (agency) form.setFieldValue('agencyLicenceNumber', agency.licenceNumber);
      }}
    />
  );
}

/** What the officer asks a prospective migrant; most answers may stay empty while the plan is young. */
export function PlanFormFields({ form }: { form: UseFormReturnType<PlanFormValues> }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={4}>{t('plans.form.job')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('plans.form.destination')}
          required
          searchable
          data={destinationCountries.map((c) => ({ value: c.code, label: c.name }))}
          {...form.getInputProps('destinationCountry')}
          value={form.values.destinationCountry || null}
          onChange={(value) => form.setFieldValue('destinationCountry', value ?? '')}
        />
        <TextInput label={t('plans.form.occupation')} required {...form.getInputProps('occupation')} />
        <Select
          label={t('plans.form.sector')}
          required
          data={options(sectors, sectorLabels)}
          {...form.getInputProps('sector')}
          value={form.values.sector || null}
          onChange={(value) => form.setFieldValue('sector', (value ?? '') as PlanFormValues['sector'])}
        />
        <Select
          label={t('plans.form.feeFreeOccupation')}
          description={t('plans.form.feeFreeHelp')}
          clearable
          data={options(feeFreeOccupations, feeFreeOccupationLabels)}
          {...form.getInputProps('feeFreeOccupation')}
          value={form.values.feeFreeOccupation || null}
          onChange={(value) => form.setFieldValue('feeFreeOccupation', (value ?? '') as PlanFormValues['feeFreeOccupation'])}
        />
      </SimpleGrid>
      <MoratoriumWarning values={form.values} />
      <Title order={4}>{t('plans.form.placement')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('plans.form.scheme')}
          required
          data={options(placementSchemes, placementSchemeLabels)}
          {...form.getInputProps('scheme')}
          value={form.values.scheme || null}
          onChange={(value) => form.setFieldValue('scheme', (value ?? '') as PlanFormValues['scheme'])}
        />
        <AgencyField form={form} />
        <TextInput label={t('plans.form.agencyLicenceNumber')} {...form.getInputProps('agencyLicenceNumber')} />
        <TextInput label={t('plans.form.jobOrderReference')} {...form.getInputProps('jobOrderReference')} />
        <Select
          label={t('plans.form.visaType')}
          clearable
          data={options(visaTypes, visaTypeLabels)}
          {...form.getInputProps('visaType')}
          value={form.values.visaType || null}
          onChange={(value) => form.setFieldValue('visaType', (value ?? '') as PlanFormValues['visaType'])}
        />
        <TextInput type="date" label={t('plans.form.expectedDepartureDate')} {...form.getInputProps('expectedDepartureDate')} />
      </SimpleGrid>
      <Title order={4}>{t('plans.form.recruiter')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NumberInput
          label={t('plans.form.feesAskedRupiah')}
          description={t('plans.form.feesHelp')}
          prefix="Rp "
          thousandSeparator="."
          decimalSeparator=","
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('feesAskedRupiah')}
        />
        <Select
          label={t('plans.form.recruiterContact')}
          clearable
          data={options(recruiterContacts, recruiterContactLabels)}
          {...form.getInputProps('recruiterContact')}
          value={form.values.recruiterContact || null}
          onChange={(value) => form.setFieldValue('recruiterContact', (value ?? '') as PlanFormValues['recruiterContact'])}
        />
        <TriStateField form={form} field="feesToPersonalAccount" label={t('plans.form.feesToPersonalAccount')} />
        <TriStateField form={form} field="shelterBeforeDocuments" label={t('plans.form.shelterBeforeDocuments')} />
        <TriStateField form={form} field="contractReadable" label={t('plans.form.contractReadable')} />
      </SimpleGrid>
    </Stack>
  );
}
