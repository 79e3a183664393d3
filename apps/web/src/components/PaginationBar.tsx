import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';

interface PaginationBarProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** "1–50 dari 503" and page buttons; nothing when everything fits on one page. */
export function PaginationBar({ page, pageSize, total, onChange }: PaginationBarProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="sm" mt="md">
      <Text size="sm" c="dimmed">
        {t('pagination.range', { first: formatNumber(first), last: formatNumber(last), total: formatNumber(total) })}
      </Text>
      {pages > 1 && <Pagination size="sm" siblings={0} boundaries={1} total={pages} value={page} onChange={onChange} />}
    </Group>
  );
}
