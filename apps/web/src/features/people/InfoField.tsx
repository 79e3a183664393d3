import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled value on a record's page; "Belum diisi" style text comes from the caller. */
export function InfoField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div style={{ overflowWrap: 'anywhere' }}>{children}</div>
    </Stack>
  );
}
