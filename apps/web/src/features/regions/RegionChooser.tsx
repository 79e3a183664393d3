import type { Region, RegionLevel } from '@desmigratif/contracts';
import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListSkeleton } from '../../components/Skeletons';
import { codeLength, displayRegionName } from '../../lib/regions';
import { useRegionNode } from './api';
import { RegionBreadcrumbs } from './RegionBreadcrumbs';
import { RegionRow } from './RegionRow';
import { RegionSearchField } from './RegionSearchField';

interface RegionChooserProps {
  levels: readonly RegionLevel[];
  within: string;
  startCode: string;
  onChoose: (region: Region) => void;
}

/** The inside of the region picker's dialog: search, or walk down the tree, and choose. */
export function RegionChooser({ levels, within, startCode, onChoose }: RegionChooserProps) {
  const { t } = useTranslation();
  const [browseCode, setBrowseCode] = useState(startCode);
  const node = useRegionNode(browseCode);
  const deepest = Math.max(...levels.map(codeLength));
  const selectable = (region: Region) => levels.includes(region.level);
  const searchLevel = levels.length === 1 ? levels[0] : undefined;

  const pick = (region: Region) =>
    selectable(region) && region.code.length === deepest ? onChoose(region) : setBrowseCode(region.code);

  return (
    <Stack gap="sm">
      <RegionSearchField
        level={searchLevel}
        within={within}
        accept={(region) => region.code.length <= deepest}
        drills={(region) => region.code.length < deepest}
        onPick={pick}
        renderAction={(region) =>
          selectable(region) && region.code.length < deepest ? (
            <Button size="xs" variant="light" onClick={() => onChoose(region)}>
              {t('region.pick')}
            </Button>
          ) : null
        }
      >
        {node.isPending && <ListSkeleton />}
        {node.isError && <ErrorAlert error={node.error} onRetry={() => void node.refetch()} />}
        {node.data && (
          <>
            <RegionBreadcrumbs region={node.data.region} rootCode={within} onOpen={setBrowseCode} />
            {node.data.region && selectable(node.data.region) && (
              <Button variant="light" onClick={() => node.data.region && onChoose(node.data.region)}>
                {t('region.pickThis', { name: displayRegionName(node.data.region.name) })}
              </Button>
            )}
            {node.data.children.length === 0 && (
              <Text c="dimmed" size="sm">
                {t('region.noChildren')}
              </Text>
            )}
            <Stack gap={2}>
              {node.data.children.map((child) => {
                const final = child.code.length >= deepest;
                return (
                  <RegionRow
                    key={child.code}
                    region={child}
                    drills={!final}
                    onOpen={() => pick(child)}
                    action={
                      !final && selectable(child) ? (
                        <Button size="xs" variant="light" onClick={() => onChoose(child)}>
                          {t('region.pick')}
                        </Button>
                      ) : null
                    }
                  />
                );
              })}
            </Stack>
          </>
        )}
      </RegionSearchField>
    </Stack>
  );
}
