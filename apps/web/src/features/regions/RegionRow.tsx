import { formatRegionCode, type Region } from '@desmigratif/contracts';
import { Group, NavLink } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { displayRegionName } from '../../lib/regions';

interface RegionRowProps {
  region: Region;
  /** Show the names above it (for search results, where the context is not on screen). */
  withPath?: boolean;
  onOpen: () => void;
  /** The row leads further down the tree (shows a chevron). */
  drills?: boolean;
  badge?: ReactNode;
  /** A button beside the row, e.g. "Pilih". */
  action?: ReactNode;
}

export function RegionRow({ region, withPath = false, onOpen, drills = true, badge, action }: RegionRowProps) {
  const { t } = useTranslation();
  const where = withPath && region.path.length > 0 ? ` · ${region.path.map(displayRegionName).join(' › ')}` : '';
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <NavLink
        component="button"
        type="button"
        onClick={onOpen}
        label={displayRegionName(region.name)}
        description={`${formatRegionCode(region.code)} · ${t(`regionLevel.${region.level}`)}${where}`}
        rightSection={
          <Group gap={6} wrap="nowrap">
            {badge}
            {drills && <IconChevronRight size={16} aria-hidden="true" />}
          </Group>
        }
        style={{ borderRadius: 'var(--mantine-radius-md)', flex: 1, minWidth: 0 }}
      />
      {action}
    </Group>
  );
}
