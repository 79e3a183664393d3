import { Alert, Button, CopyButton, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload, IconKey, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The recovery codes, shown once (the server keeps only their hashes): copy, download or print them. */
export function RecoveryCodes({ codes, username, onDone }: { codes: string[]; username: string; onDone: () => void }) {
  const { t } = useTranslation();
  const text = `${t('twoFactor.recovery.fileHeading', { username })}\n\n${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `desmigratif-kode-pemulihan-${username}.txt`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <Paper withBorder p="md" data-testid="recovery-codes">
      <Stack gap="sm">
        <Group gap="xs">
          <IconKey size={20} aria-hidden />
          <Title order={3} fz="h4">
            {t('twoFactor.recovery.title')}
          </Title>
        </Group>
        <Alert color="yellow">{t('twoFactor.recovery.help')}</Alert>
        <SimpleGrid cols={2} spacing="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('twoFactor.recovery.title')}>
          {codes.map((code) => (
            <Text key={code} component="li" ff="monospace" fz="sm" ta="center" p={4} bg="gray.0" style={{ whiteSpace: 'nowrap' }}>
              {code}
            </Text>
          ))}
        </SimpleGrid>
        <Group gap="xs">
          <CopyButton value={codes.join('\n')}>
            {({ copied, copy }) => (
              <Button size="xs" variant="default" leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy}>
                {copied ? t('twoFactor.copied') : t('twoFactor.recovery.copy')}
              </Button>
            )}
          </CopyButton>
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} onClick={download}>
            {t('twoFactor.recovery.download')}
          </Button>
          <Button size="xs" variant="default" leftSection={<IconPrinter size={14} />} onClick={() => window.print()}>
            {t('twoFactor.recovery.print')}
          </Button>
        </Group>
        <Button onClick={onDone}>{t('twoFactor.recovery.done')}</Button>
      </Stack>
    </Paper>
  );
}
