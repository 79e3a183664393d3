import { Box, Container, Group, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Logo } from '../../app/Logo';
import { LanguageToggle } from '../../components/LanguageToggle';
import { AnchorLink } from '../../components/RouterLinks';

/** The frame of the public pages: no menu, no account, a way to the officers' sign-in. */
export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(`${title} · Desmigratif`);
  return (
    <Box mih="100dvh" bg="gray.0">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="md" py="xs">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <AnchorLink to="/info" underline="never" c="inherit">
              <Group gap={8} wrap="nowrap">
                <Logo size={32} />
                <Text fw={700}>{t('publicPage.appName')}</Text>
              </Group>
            </AnchorLink>
            <Group gap="xs" wrap="nowrap">
              <LanguageToggle />
              <AnchorLink to="/masuk" size="sm" style={{ whiteSpace: 'nowrap' }}>
                {t('publicPage.loginLink')}
              </AnchorLink>
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="md" py="md" px="sm" component="main">
        {children}
      </Container>
    </Box>
  );
}
