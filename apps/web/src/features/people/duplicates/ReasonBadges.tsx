import type { DuplicateReason } from '@desmigratif/contracts';
import { Badge, Group } from '@mantine/core';

/** Why two records may be one person, in the server's Indonesian words ("NIK sama", "Nama mirip (87%)"). */
export function ReasonBadges({ reasons, score }: { reasons: DuplicateReason[]; score?: number }) {
  return (
    <Group gap={4} wrap="wrap">
      {score !== undefined && (
        <Badge size="sm" color={score >= 80 ? 'red' : score >= 50 ? 'orange' : 'yellow'} variant="filled">
          {score}%
        </Badge>
      )}
      {reasons.map((reason) => (
        <Badge key={reason.code} size="sm" color={reason.code === 'nik' ? 'red' : 'orange'} variant="light" tt="none">
          {reason.label}
        </Badge>
      ))}
    </Group>
  );
}
