import { Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knownField } from './auditLabels';
import { diffRecords, readablePath, showValue, type Change } from './diff';

const colors: Record<Change, { before?: string; after?: string }> = {
  added: { after: 'var(--mantine-color-green-light)' },
  removed: { before: 'var(--mantine-color-red-light)' },
  changed: { before: 'var(--mantine-color-red-light)', after: 'var(--mantine-color-green-light)' },
  same: {},
};

/** Before and after of one audit entry, field by field; unchanged fields on request. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const lines = diffRecords(before, after);
  const label = (segment: string) => {
    const field = knownField(segment);
    return field ? t(`audit.fields.${field}`) : undefined;
  };
  const shown = showAll ? lines : lines.filter((line) => line.change !== 'same');
  if (lines.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit.noData')}
      </Text>
    );
  }
  return (
    <>
      {lines.some((line) => line.change === 'same') && (
        <Switch
          size="xs"
          mb="xs"
          label={t('audit.showUnchanged')}
          checked={showAll}
          onChange={(event) => setShowAll(event.currentTarget.checked)}
        />
      )}
      <Table.ScrollContainer minWidth={300}>
        <Table withTableBorder withColumnBorders verticalSpacing={4} fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.field')}</Table.Th>
              <Table.Th>{t('audit.before')}</Table.Th>
              <Table.Th>{t('audit.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((line) => (
              <Table.Tr key={line.path}>
                <Table.Td title={line.path}>{readablePath(line.path, label)}</Table.Td>
                <Table.Td bg={colors[line.change].before} style={{ wordBreak: 'break-word' }}>
                  {showValue(line.before)}
                </Table.Td>
                <Table.Td bg={colors[line.change].after} style={{ wordBreak: 'break-word' }}>
                  {showValue(line.after)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
