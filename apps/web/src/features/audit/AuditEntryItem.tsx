import { formatRegionCode, type AuditEntry } from '@desmigratif/contracts';
import { Accordion, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/RouterLinks';
import { formatDateTime } from '../../lib/format';
import { AuditDiff } from './AuditDiff';
import { knownAction, knownEntityType } from './auditLabels';

const actionColors: Record<string, string> = { create: 'green', update: 'blue', login_failed: 'red' };

/** Village records are named by their dotted code; long ids (UUIDs) are cut short here and shown whole when opened. */
function entityLabel(entry: AuditEntry): string {
  if (entry.entityType === 'program_village') return formatRegionCode(entry.entityId);
  return entry.entityId.length > 12 ? `${entry.entityId.slice(0, 8)}…` : entry.entityId;
}

/** One audit entry: a summary line that opens to the before/after diff. */
export function AuditEntryItem({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const action = knownAction(entry.action);
  const type = knownEntityType(entry.entityType);
  return (
    <Accordion.Item value={entry.id} data-testid="audit-item">
      <Accordion.Control>
        <Stack gap={2}>
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color={actionColors[entry.action] ?? 'gray'}>
              {action ? t(`audit.action.${action}`) : entry.action}
            </Badge>
            <Text size="sm" fw={600}>
              {type ? t(`audit.entity.${type}`) : entry.entityType}
            </Text>
            <Text size="sm" span ff="monospace" title={entry.entityId}>
              {entityLabel(entry)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {formatDateTime(entry.at)} · {entry.actorUsername ? `@${entry.actorUsername}` : t('audit.system')}
            {entry.ip ? ` · ${entry.ip}` : ''}
          </Text>
        </Stack>
      </Accordion.Control>
      <Accordion.Panel>
        <Text size="xs" c="dimmed" mb="xs" style={{ wordBreak: 'break-all' }}>
          {t('audit.entityId')}: {entry.entityId}
          {entry.regionCode ? ` · ${t('audit.region')}: ${formatRegionCode(entry.regionCode)}` : ''}
        </Text>
        {entry.entityType === 'program_village' && (
          <AnchorLink
            size="sm"
            to="/desa/$villageCode"
            params={{ villageCode: entry.entityId }}
            display="inline-block"
            mb="xs"
          >
            {t('audit.openVillage')}
          </AnchorLink>
        )}
        <AuditDiff before={entry.before} after={entry.after} />
      </Accordion.Panel>
    </Accordion.Item>
  );
}
