import { Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

interface StatusPageProps {
  icon: ReactNode;
  code: string;
  title: string;
  message: ReactNode;
  action: ReactNode;
}

/** A whole-screen message for 403, 404 and crashed screens. */
export function StatusPage({ icon, code, title, message, action }: StatusPageProps) {
  useDocumentTitle(`${title} · Desmigratif`);
  return (
    <Stack align="center" ta="center" gap="md" py="xl" px="md" maw={480} mx="auto">
      <ThemeIcon size={64} radius="xl" variant="light" color="gray">
        {icon}
      </ThemeIcon>
      <Text c="dimmed" fw={700} size="sm">
        {code}
      </Text>
      <Title order={2} fz={{ base: 'h3', sm: 'h2' }}>
        {title}
      </Title>
      <Text c="dimmed">{message}</Text>
      {action}
    </Stack>
  );
}
