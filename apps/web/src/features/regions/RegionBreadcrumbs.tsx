import type { Region } from '@desmigratif/contracts';
import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ancestorCodes, displayRegionName } from '../../lib/regions';

interface RegionBreadcrumbsProps {
  /** The region shown, null for the whole country. */
  region: Region | null;
  /** Nothing above this code is shown ('' = Indonesia). */
  rootCode: string;
  onOpen: (code: string) => void;
}

/** Indonesia › Jawa Barat › Kabupaten Indramayu › Sindang, each step clickable. */
export function RegionBreadcrumbs({ region, rootCode, onOpen }: RegionBreadcrumbsProps) {
  const { t } = useTranslation();
  const steps: { code: string; name: string }[] = [{ code: '', name: t('region.indonesia') }];
  if (region) {
    ancestorCodes(region.code).forEach((code, index) => steps.push({ code, name: region.path[index] ?? code }));
    steps.push({ code: region.code, name: region.name });
  }
  const visible = steps.filter((step) => step.code.length >= rootCode.length);
  const current = visible.length - 1;
  return (
    <Breadcrumbs separatorMargin={4} style={{ flexWrap: 'wrap', rowGap: 4 }} aria-label={t('region.breadcrumbs')}>
      {visible.map((step, index) =>
        index === current ? (
          <Text key={step.code} size="sm" fw={600} aria-current="location">
            {displayRegionName(step.name)}
          </Text>
        ) : (
          <Anchor key={step.code} size="sm" component="button" type="button" onClick={() => onOpen(step.code)}>
            {displayRegionName(step.name)}
          </Anchor>
        ),
      )}
    </Breadcrumbs>
  );
}
