import { Badge, Button, Collapse, Paper, SimpleGrid, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePhone } from '../lib/usePhone';

interface FilterPanelProps {
  /** Always visible (usually the text search). */
  search?: ReactNode;
  /** The other filters: folded away behind a button on a phone. */
  children: ReactNode;
  /** How many of the folded filters are set, shown on the button. */
  activeCount: number;
  columns?: number;
}

export function FilterPanel({ search, children, activeCount, columns = 4 }: FilterPanelProps) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [opened, { toggle }] = useDisclosure(false);

  if (!phone) {
    return (
      <Paper withBorder p="sm" mb="md">
        <SimpleGrid cols={{ base: 2, md: columns }} spacing="sm">
          {search}
          {children}
        </SimpleGrid>
      </Paper>
    );
  }
  return (
    <Stack gap="xs" mb="md">
      {search}
      <Button
        variant="default"
        size="xs"
        leftSection={<IconAdjustmentsHorizontal size={16} />}
        rightSection={
          activeCount > 0 ? (
            <Badge size="xs" circle>
              {activeCount}
            </Badge>
          ) : null
        }
        onClick={toggle}
        aria-expanded={opened}
        style={{ alignSelf: 'flex-start' }}
      >
        {opened ? t('filters.hide') : t('filters.show')}
      </Button>
      <Collapse expanded={opened}>
        <Paper withBorder p="sm">
          <Stack gap="sm">{children}</Stack>
        </Paper>
      </Collapse>
    </Stack>
  );
}
