import { Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AnchorLink } from '../../components/RouterLinks';
import { usePublicCentres } from './api';
import { CentreCard } from './CentreCard';

/** Find one's own village among the running Desa Migran Produktif, with its centre's address and hours. */
export function CentreSearchSection() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 350);
  const centres = usePublicCentres(q);

  return (
    <Paper withBorder p="md" component="section" id="pusat-layanan" aria-labelledby="pusat-layanan-title">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="pusat-layanan-title">
          {t('publicPage.centre.title')}
        </Title>
        <Text size="sm">{t('publicPage.centre.help')}</Text>
        <TextInput
          type="search"
          label={t('publicPage.centre.search')}
          placeholder={t('publicPage.centre.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        {centres.isError && <ErrorAlert error={centres.error} />}
        {q.length >= 2 && centres.data?.items.length === 0 && <Text c="dimmed">{t('publicPage.centre.empty')}</Text>}
        {q.length >= 2 &&
          centres.data?.items.map((centre) => (
            <CentreCard
              key={centre.villageCode}
              centre={centre}
              footer={
                <AnchorLink to="/info/desa/$villageCode" params={{ villageCode: centre.villageCode }} size="sm">
                  {t('publicPage.centre.openPage')}
                </AnchorLink>
              }
            />
          ))}
      </Stack>
    </Paper>
  );
}
