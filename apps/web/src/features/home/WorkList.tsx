import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One titled list on a home dashboard, with a count badge and a quiet line when empty. */
export function WorkList({ title, count, empty, children, testId }: { title: string; count: number; empty: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5">
            {title}
          </Title>
          <Badge variant={count ? 'filled' : 'light'} color={count ? 'orange' : 'gray'}>
            {count}
          </Badge>
        </Group>
        {count === 0 ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          <Stack gap="xs">{children}</Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** A headline figure (visits this month, active plans…). */
export function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Title order={3} fz={28}>
        {value}
      </Title>
    </Paper>
  );
}
