import { formatRegionCode } from '@desmigratif/contracts';
import { useRegionName } from '../../lib/useRegionName';
import { useRegionNode } from '../regions/api';

/** "Desa Kenanga · 32.12.16.2004", or the dotted code until the name has loaded. */
export function VillageLabel({ code }: { code: string }) {
  const regionName = useRegionName();
  const region = useRegionNode(code).data?.region;
  const dotted = formatRegionCode(code);
  return <>{region ? `${regionName(region.code, region.name)} · ${dotted}` : dotted}</>;
}
