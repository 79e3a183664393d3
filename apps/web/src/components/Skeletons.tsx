import { Skeleton, Stack } from '@mantine/core';

export function ListSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <Stack gap="sm" aria-busy="true">
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton key={index} height={56} radius="md" />
      ))}
    </Stack>
  );
}

/** Shown while a screen's code or first data loads. */
export function PageSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true">
      <Skeleton height={32} width="60%" radius="md" />
      <Skeleton height={120} radius="md" />
      <ListSkeleton rows={3} />
    </Stack>
  );
}
