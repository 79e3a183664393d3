import {
  agamaList,
  golonganDarahList,
  migrantStatuses,
  pekerjaanList,
  pendidikanKkList,
  pendidikanSedangList,
  shdkList,
  statusDasarList,
  statusKawinList,
  wargaNegaraList,
} from '@desmigratif/contracts';
import { todayInJakarta } from '@desmigratif/domain';
import { Fieldset, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FamilyChooser } from '../families/FamilyChooser';
import { codeOptions } from './codeOptions';
import { NikField } from './NikField';
import type { PersonFormValues } from './personForm';

interface PersonFormFieldsProps {
  form: UseFormReturnType<PersonFormValues>;
  villageCode: string;
  /** A new person gets a migrant status and may take a temporary NIK; an existing one changes status by dated events. */
  mode: 'create' | 'edit';
  /** Identity numbers arrived masked: shown as given, not editable. */
  masked?: boolean;
  onUseTemporaryNik?: () => Promise<void>;
  /** Shown right after the identity fields, where name and NIK are typed (the duplicate suggestions). */
  afterIdentity?: ReactNode;
}

const cols = { base: 1, xs: 2 } as const;

/** Every field of a resident, grouped the way the KK and KTP are read: identity, birth, family, address, status. */
export function PersonFormFields({
  form,
  villageCode,
  mode,
  masked = false,
  onUseTemporaryNik,
  afterIdentity,
}: PersonFormFieldsProps) {
  const { t } = useTranslation();
  const today = todayInJakarta();
  const values = form.values;
  const nikError = form.errors.nik;
  /** A code-list Select: the form holds '' for "none", Mantine's Select holds null. */
  const select = (field: Exclude<keyof PersonFormValues, 'migrantStatus'>) => ({
    ...form.getInputProps(field),
    value: values[field] || null,
    onChange: (value: string | null) => form.setFieldValue(field, value ?? ''),
    clearable: true,
  });

  return (
    <Stack gap="md">
      <Fieldset legend={t('person.groupIdentity')}>
        <Stack gap="sm">
          <NikField
            value={values.nik}
            onChange={(nik) => form.setFieldValue('nik', nik)}
            error={typeof nikError === 'string' ? nikError : undefined}
            birthDate={values.birthDate}
            sex={values.sex}
            disabled={masked}
            description={masked ? t('person.maskedHelp') : undefined}
            onUseTemporary={mode === 'create' ? onUseTemporaryNik : undefined}
          />
          <TextInput label={t('person.name')} required autoComplete="off" {...form.getInputProps('name')} />
          <SimpleGrid cols={cols} spacing="sm">
            <Select
              label={t('person.sex')}
              required
              data={[
                { value: '1', label: t('sex.1') },
                { value: '2', label: t('sex.2') },
              ]}
              {...select('sex')}
              clearable={false}
              allowDeselect={false}
            />
            <Select label={t('person.religion')} data={codeOptions(agamaList)} {...select('religion')} />
            <Select
              label={t('person.maritalStatus')}
              data={codeOptions(statusKawinList)}
              {...select('maritalStatus')}
            />
            <Select
              label={t('person.citizenship')}
              data={codeOptions(wargaNegaraList)}
              {...select('citizenship')}
              clearable={false}
              allowDeselect={false}
            />
            <Select label={t('person.educationKk')} data={codeOptions(pendidikanKkList)} {...select('educationKk')} />
            <Select
              label={t('person.educationCurrent')}
              data={codeOptions(pendidikanSedangList)}
              {...select('educationCurrent')}
            />
            <Select
              label={t('person.occupation')}
              data={codeOptions(pekerjaanList)}
              searchable
              {...select('occupation')}
            />
            <Select label={t('person.bloodType')} data={codeOptions(golonganDarahList)} {...select('bloodType')} />
            <TextInput
              label={t('person.phone')}
              type="tel"
              inputMode="tel"
              placeholder="081234567890"
              {...form.getInputProps('phone')}
            />
            <TextInput
              label={t('person.passportNumber')}
              autoComplete="off"
              disabled={masked && values.passportNumber !== ''}
              {...form.getInputProps('passportNumber')}
            />
            <TextInput
              type="date"
              label={t('person.passportExpiry')}
              {...form.getInputProps('passportExpiry')}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>
      {afterIdentity}

      <Fieldset legend={t('person.groupBirth')}>
        <SimpleGrid cols={cols} spacing="sm">
          <TextInput label={t('person.birthPlace')} {...form.getInputProps('birthPlace')} />
          <TextInput type="date" label={t('person.birthDate')} max={today} {...form.getInputProps('birthDate')} />
          <TextInput label={t('person.fatherName')} {...form.getInputProps('fatherName')} />
          <TextInput
            label={t('person.fatherNik')}
            inputMode="numeric"
            autoComplete="off"
            disabled={masked && values.fatherNik !== ''}
            {...form.getInputProps('fatherNik')}
          />
          <TextInput label={t('person.motherName')} {...form.getInputProps('motherName')} />
          <TextInput
            label={t('person.motherNik')}
            inputMode="numeric"
            autoComplete="off"
            disabled={masked && values.motherNik !== ''}
            {...form.getInputProps('motherNik')}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('person.groupFamily')}>
        <Stack gap="sm">
          <FamilyChooser
            villageCode={villageCode}
            value={values.familyId}
            error={typeof form.errors.familyId === 'string' ? form.errors.familyId : undefined}
            address={{ dusun: values.dusun, rw: values.rw, rt: values.rt, address: values.address }}
            onChange={(family) => {
              form.setFieldValue('familyId', family?.id ?? '');
              // The family's address is the likeliest for a new member: fill only what is still empty.
              if (!family) return;
              for (const field of ['dusun', 'rw', 'rt'] as const) {
                if (!form.getValues()[field] && family[field]) form.setFieldValue(field, family[field] ?? '');
              }
            }}
          />
          <Select
            label={t('person.familyRelationship')}
            data={codeOptions(shdkList)}
            {...select('familyRelationship')}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('person.groupAddress')}>
        <Stack gap="sm">
          <TextInput label={t('person.dusun')} {...form.getInputProps('dusun')} />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label={t('person.rt')} inputMode="numeric" {...form.getInputProps('rt')} />
            <TextInput label={t('person.rw')} inputMode="numeric" {...form.getInputProps('rw')} />
          </SimpleGrid>
          <Textarea label={t('person.address')} autosize minRows={2} {...form.getInputProps('address')} />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('person.groupStatus')}>
        <SimpleGrid cols={cols} spacing="sm">
          {mode === 'create' ? (
            <Select
              label={t('person.migrantStatus')}
              description={t('person.migrantStatusHelp')}
              data={migrantStatuses.map((status) => ({ value: status, label: t(`migrantStatus.${status}`) }))}
              {...form.getInputProps('migrantStatus')}
              allowDeselect={false}
            />
          ) : (
            <Select
              label={t('person.statusDasar')}
              data={codeOptions(statusDasarList)}
              {...select('statusDasar')}
              clearable={false}
              allowDeselect={false}
            />
          )}
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
