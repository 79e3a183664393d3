import type { DuplicateRecord } from '@desmigratif/contracts';
import { Box, Text } from '@mantine/core';
import { IconEqual } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../../components/RouterLinks';
import { formatDate } from '../../../lib/format';
import { formatPlace } from '../place';

interface Row {
  label: string;
  value: (record: DuplicateRecord) => string;
}

const cell = { padding: '6px 8px', minWidth: 0, overflowWrap: 'anywhere' } as const;

/** Two records side by side, field by field; equal values are marked so the officer sees at once what agrees. */
export function PairComparison({ a, b }: { a: DuplicateRecord; b: DuplicateRecord }) {
  const { t } = useTranslation();
  const rows: Row[] = [
    { label: t('person.nik'), value: (record) => record.nik },
    { label: t('person.sex'), value: (record) => t(`sex.${record.sex === 2 ? 2 : 1}`) },
    {
      label: t('person.birth'),
      value: (record) =>
        [record.birthPlace, record.birthDate && formatDate(record.birthDate)].filter(Boolean).join(', '),
    },
    { label: t('person.fatherName'), value: (record) => record.fatherName ?? '' },
    { label: t('person.motherName'), value: (record) => record.motherName ?? '' },
    { label: t('people.placeColumn'), value: (record) => formatPlace(record) },
    { label: t('duplicates.village'), value: (record) => record.villageName },
    { label: t('person.migrantStatus'), value: (record) => t(`migrantStatus.${record.migrantStatus}`) },
  ];

  return (
    <Box
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
        fontSize: 'var(--mantine-font-size-sm)',
      }}
    >
      {[a, b].map((record, index) => (
        <Box key={record.id} style={cell} bg="gray.0">
          <Text size="xs" c="dimmed">
            {index === 0 ? t('duplicates.recordA') : t('duplicates.recordB')}
          </Text>
          <AnchorLink fw={700} size="sm" to="/penduduk/$personId" params={{ personId: record.id }}>
            {record.name}
          </AnchorLink>
        </Box>
      ))}
      {rows.map((row) => {
        const left = row.value(a);
        const right = row.value(b);
        const same = left !== '' && left === right;
        return (
          <Fragment key={row.label}>
            <Box style={{ gridColumn: '1 / -1', display: 'flex', gap: 4, alignItems: 'center', padding: '6px 8px 0' }}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {row.label}
              </Text>
              {same && <IconEqual size={14} color="var(--mantine-color-green-7)" aria-label={t('duplicates.same')} />}
            </Box>
            {[left, right].map((value, index) => (
              <Box key={index} style={cell} bg={same ? 'green.0' : undefined}>
                {value || <Text span c="dimmed" size="sm">—</Text>}
              </Box>
            ))}
          </Fragment>
        );
      })}
    </Box>
  );
}
