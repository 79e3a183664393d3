import { codeLabel, statusDasarList } from '@desmigratif/contracts';
import { Badge } from '@mantine/core';

const hidup = 1;

/** Shown only when the resident is no longer counted (died, moved, missing…): living residents need no badge. */
export function StatusDasarBadge({ code }: { code: number }) {
  if (code === hidup) return null;
  return (
    <Badge size="xs" color="dark" variant="outline">
      {codeLabel(statusDasarList, code) ?? code}
    </Badge>
  );
}
