import {
  agamaList,
  codeLabel,
  golonganDarahList,
  pekerjaanList,
  pendidikanKkList,
  pendidikanSedangList,
  statusKawinList,
  wargaNegaraList,
  type PersonDetail,
} from '@desmigratif/contracts';
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format';
import { ageOn } from './age';
import { IdentityNumber } from './IdentityNumber';
import { InfoField } from './InfoField';
import { MigrantStatusBadge } from './MigrantStatusBadge';
import { formatPlace } from './place';
import { StatusDasarBadge } from './StatusDasarBadge';

/** A resident's identity and details, with code-list labels and Indonesian dates. */
export function PersonInfo({ person, actions }: { person: PersonDetail; actions?: ReactNode }) {
  const { t } = useTranslation();
  const notFilled = (
    <Text size="sm" c="dimmed">
      {t('common.notFilled')}
    </Text>
  );
  const text = (value: string | null | undefined) => (value ? <Text size="sm">{value}</Text> : notFilled);
  const age = ageOn(person.birthDate);
  const birth = [
    person.birthPlace,
    person.birthDate && formatDate(person.birthDate),
    age !== null && t('person.age', { count: age }),
  ]
    .filter(Boolean)
    .join(', ');
  const parent = (name: string | null, nik: string | null) =>
    name || nik ? (
      <Stack gap={2}>
        {name && <Text size="sm">{name}</Text>}
        {nik && <IdentityNumber value={nik} temporary={nik.startsWith('0')} size="xs" />}
      </Stack>
    ) : (
      notFilled
    );
  const passport = [
    person.passportNumber,
    person.passportExpiry && t('person.passportUntil', { date: formatDate(person.passportExpiry) }),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Title order={3} size="h4">
          {t('person.groupIdentity')}
        </Title>
        <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md">
          <InfoField label={t('person.nik')}>
            <IdentityNumber
              value={person.nik}
              temporary={person.nikTemporary}
              duplicates={person.nikDuplicateCount}
            />
          </InfoField>
          <InfoField label={t('person.migrantStatus')}>
            <MigrantStatusBadge status={person.migrantStatus} h="auto" styles={{ label: { whiteSpace: 'normal' } }} />
          </InfoField>
          <InfoField label={t('person.sex')}>{text(t(`sex.${person.sex === 2 ? 2 : 1}`))}</InfoField>
          <InfoField label={t('person.birth')}>{text(birth)}</InfoField>
          <InfoField label={t('person.religion')}>{text(codeLabel(agamaList, person.religion))}</InfoField>
          <InfoField label={t('person.maritalStatus')}>
            {text(codeLabel(statusKawinList, person.maritalStatus))}
          </InfoField>
          <InfoField label={t('person.educationKk')}>
            {text(codeLabel(pendidikanKkList, person.educationKk))}
          </InfoField>
          <InfoField label={t('person.educationCurrent')}>
            {text(codeLabel(pendidikanSedangList, person.educationCurrent))}
          </InfoField>
          <InfoField label={t('person.occupation')}>{text(codeLabel(pekerjaanList, person.occupation))}</InfoField>
          <InfoField label={t('person.citizenship')}>
            {text(codeLabel(wargaNegaraList, person.citizenship))}
          </InfoField>
          <InfoField label={t('person.bloodType')}>{text(codeLabel(golonganDarahList, person.bloodType))}</InfoField>
          <InfoField label={t('person.phone')}>{text(person.phone)}</InfoField>
          <InfoField label={t('person.fatherName')}>{parent(person.fatherName, person.fatherNik)}</InfoField>
          <InfoField label={t('person.motherName')}>{parent(person.motherName, person.motherNik)}</InfoField>
          <InfoField label={t('person.passport')}>{text(passport)}</InfoField>
          <InfoField label={t('person.groupAddress')}>
            {text([person.address, formatPlace(person)].filter(Boolean).join(' · '))}
          </InfoField>
          <InfoField label={t('person.statusDasar')}>
            {person.statusDasar === 1 ? text(t('person.alive')) : <StatusDasarBadge code={person.statusDasar} />}
          </InfoField>
          <InfoField label={t('person.recorded')}>
            <Text size="sm">
              {t('person.recordedValue', {
                created: formatDateTime(person.createdAt),
                updated: formatDateTime(person.updatedAt),
              })}
            </Text>
          </InfoField>
        </SimpleGrid>
        {actions}
      </Stack>
    </Paper>
  );
}
