import type { Family } from '@desmigratif/contracts';
import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhone } from '../../lib/usePhone';
import { useFamilies, useFamily, type FamilyListItem } from './api';
import { CreateFamilyForm } from './CreateFamilyForm';
import type { FamilyAddressValues } from './familyForm';
import { familyLabel } from './familyLabel';

interface FamilyChooserProps {
  villageCode: string;
  /** The chosen family's id, '' for none. */
  value: string;
  onChange: (family: FamilyListItem | Family | null) => void;
  error?: string;
  /** The address typed for the person, to start a new family with. */
  address: FamilyAddressValues;
}

/** Picks the person's family (KK) by No. KK or a member's name, or records a new one. */
export function FamilyChooser({ villageCode, value, onChange, error, address }: FamilyChooserProps) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [creating, { open, close }] = useDisclosure(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useFamilies(villageCode, q);
  const chosen = useFamily(value || null);
  const [created, setCreated] = useState<Family | null>(null);

  const options = new Map<string, FamilyListItem | Family>();
  if (created) options.set(created.id, created);
  if (chosen.data) options.set(chosen.data.id, chosen.data);
  for (const family of found.data?.items ?? []) options.set(family.id, family);
  const noHead = t('family.noHead');

  return (
    <Stack gap={6}>
      <Select
        label={t('person.family')}
        description={t('person.familyHelp')}
        placeholder={t('person.familyPlaceholder')}
        searchable
        clearable
        data-path="familyId"
        error={error}
        nothingFoundMessage={q ? t('person.noFamilyFound') : undefined}
        filter={({ options: all }) => all}
        data={[...options.values()].map((family) => ({ value: family.id, label: familyLabel(family, noHead) }))}
        value={value || null}
        searchValue={search}
        onSearchChange={setSearch}
        onChange={(id) => onChange(id ? (options.get(id) ?? null) : null)}
      />
      <Group gap="xs">
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={open}>
          {t('family.new')}
        </Button>
      </Group>
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={creating}
        onClose={close}
        title={t('family.newTitle')}
        fullScreen={phone}
      >
        <CreateFamilyForm
          villageCode={villageCode}
          initialAddress={address}
          onCancel={close}
          onCreated={(family) => {
            setCreated(family);
            onChange(family);
            close();
          }}
        />
      </Modal>
    </Stack>
  );
}
