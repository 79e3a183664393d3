import { type JobOrder, placementSchemeLabels, sectorLabels } from '@desmigratif/contracts';
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconEdit } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { LicenceBadge } from '../agencies/LicenceBadge';
import { formatSalary } from './jobForm';

interface JobCardProps {
  job: JobOrder;
  onEdit?: () => void;
  onVerify?: () => void;
  verifying?: boolean;
}

export function JobCard({ job, onEdit, onVerify, verifying }: JobCardProps) {
  const { t } = useTranslation();
  const salary = formatSalary(job.salaryAmount, job.salaryCurrency);
  return (
    <Card withBorder padding="sm">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {job.occupation}
            </Text>
            <Text size="sm">
              {job.countryName} · {sectorLabels[job.sector].split(' (')[0]} · {placementSchemeLabels[job.scheme].split(' (')[0]}
            </Text>
          </div>
          <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
            <Badge color={job.verified ? 'green' : 'gray'} variant="light">
              {job.verified ? t('jobs.verified') : t('jobs.unverified')}
            </Badge>
            <Badge color={job.open ? 'blue' : 'red'} variant="outline">
              {job.open ? t('jobs.open') : t('jobs.closed')}
            </Badge>
          </Stack>
        </Group>
        {job.agency ? (
          <Group gap="xs">
            <Text size="sm">
              {job.agency.name} ({job.agency.licenceNumber})
            </Text>
            <LicenceBadge status={job.agency.licenceStatus} />
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('jobs.noAgency')}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {[
            job.quota !== null && t('jobs.quotaShort', { count: job.quota }),
            salary,
            job.closingDate ? t('jobs.closesOn', { date: formatDate(job.closingDate) }) : t('jobs.noClosingDate'),
            job.referenceNumber,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {job.requirements && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {job.requirements}
          </Text>
        )}
        {(onEdit || onVerify) && (
          <Group gap="xs">
            {onEdit && (
              <Button size="xs" variant="default" leftSection={<IconEdit size={14} />} onClick={onEdit}>
                {t('jobs.edit')}
              </Button>
            )}
            {onVerify && !job.verified && (
              <Button size="xs" color="green" leftSection={<IconCircleCheck size={14} />} onClick={onVerify} loading={verifying}>
                {t('jobs.verify')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
