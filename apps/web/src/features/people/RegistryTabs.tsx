import { Group } from '@mantine/core';
import { IconHome, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/RouterLinks';

/** Switches a village's registry between its residents and its family cards. */
export function RegistryTabs({ villageCode, current }: { villageCode: string; current: 'people' | 'families' }) {
  const { t } = useTranslation();
  const look = (tab: typeof current) =>
    tab === current ? { variant: 'light', 'aria-current': 'page' as const } : { variant: 'subtle', color: 'gray' };
  return (
    <Group gap={4} mb="md" component="nav" aria-label={t('people.registryViews')}>
      <ButtonLink
        size="sm"
        leftSection={<IconUser size={16} />}
        to="/penduduk/desa/$villageCode"
        params={{ villageCode }}
        search={{}}
        {...look('people')}
      >
        {t('people.tabPeople')}
      </ButtonLink>
      <ButtonLink
        size="sm"
        leftSection={<IconHome size={16} />}
        to="/penduduk/desa/$villageCode/keluarga"
        params={{ villageCode }}
        search={{}}
        {...look('families')}
      >
        {t('people.tabFamilies')}
      </ButtonLink>
    </Group>
  );
}
