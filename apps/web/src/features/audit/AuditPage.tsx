import { Accordion, Paper, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterPanel } from '../../components/FilterPanel';
import { PageHeader } from '../../components/PageHeader';
import { PaginationBar } from '../../components/PaginationBar';
import { ListSkeleton } from '../../components/Skeletons';
import { ActorSelect } from './ActorSelect';
import { auditPageSize, useAudit, type AuditFilters } from './api';
import { AuditEntryItem } from './AuditEntryItem';
import { auditEntityTypes, knownEntityType } from './auditLabels';

export function AuditPage() {
  const { t } = useTranslation();
  const filters = useSearch({ from: '/app/audit' });
  const navigate = useNavigate({ from: '/audit' });
  const audit = useAudit(filters);
  const [entityId, setEntityId] = useState(filters.entityId ?? '');

  const change = (patch: Partial<AuditFilters>) => void navigate({ search: { ...filters, ...patch, page: undefined } });
  const changeEntityId = useDebouncedCallback(
    (id: string) => change({ entityId: id.trim().replace(/\./g, '') || undefined }),
    400,
  );

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <FilterPanel
        columns={5}
        activeCount={
          [filters.actorId, filters.entityType, filters.entityId, filters.from, filters.to].filter(Boolean).length
        }
      >
        <ActorSelect value={filters.actorId} onChange={(actorId) => change({ actorId })} />
        <Select
          label={t('audit.entityType')}
          placeholder={t('audit.anyType')}
          clearable
          data={auditEntityTypes.map((type) => ({ value: type, label: t(`audit.entity.${type}`) }))}
          value={filters.entityType ?? null}
          onChange={(value) => change({ entityType: value ? knownEntityType(value) : undefined })}
        />
        <TextInput
          label={t('audit.entityId')}
          placeholder="32.12.16.2004"
          value={entityId}
          onChange={(event) => {
            setEntityId(event.currentTarget.value);
            changeEntityId(event.currentTarget.value);
          }}
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          value={filters.from ?? ''}
          max={filters.to}
          onChange={(event) => change({ from: event.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={filters.to ?? ''}
          min={filters.from}
          onChange={(event) => change({ to: event.currentTarget.value || undefined })}
        />
      </FilterPanel>
      {audit.isPending && <ListSkeleton />}
      {audit.isError && <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.data && (
        <div style={{ opacity: audit.isPlaceholderData ? 0.6 : 1 }}>
          {audit.data.items.length === 0 ? (
            <Text c="dimmed">{t('audit.empty')}</Text>
          ) : (
            <Paper withBorder>
              <Accordion multiple chevronPosition="right">
                {audit.data.items.map((entry) => (
                  <AuditEntryItem key={entry.id} entry={entry} />
                ))}
              </Accordion>
            </Paper>
          )}
          <PaginationBar
            page={audit.data.page}
            pageSize={audit.data.pageSize || auditPageSize}
            total={audit.data.total}
            onChange={(page) => void navigate({ search: { ...filters, page: page > 1 ? page : undefined } })}
          />
        </div>
      )}
    </>
  );
}
