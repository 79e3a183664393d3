import { roles, type RegionLevel } from '@desmigratif/contracts';
import { Button, Modal, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { creatableRoles } from '../../app/auth/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FilterPanel } from '../../components/FilterPanel';
import { PageHeader } from '../../components/PageHeader';
import { PaginationBar } from '../../components/PaginationBar';
import { ListSkeleton } from '../../components/Skeletons';
import { codeLength } from '../../lib/regions';
import { oneOf } from '../../lib/searchParams';
import { usePhone } from '../../lib/usePhone';
import { RegionPicker } from '../regions/RegionPicker';
import { userPageSize, useUsers, type UserFilters } from './api';
import { CreateUserForm } from './CreateUserForm';
import { UserList } from './UserList';

const scopeLevels: readonly RegionLevel[] = ['provinsi', 'kabupaten', 'kecamatan', 'desa'];

export function UsersPage() {
  const { t } = useTranslation();
  const actor = useCurrentUser();
  const filters = useSearch({ from: '/app/pengguna' });
  const navigate = useNavigate({ from: '/pengguna' });
  const users = useUsers(filters);
  const phone = usePhone();
  const [creating, { open, close }] = useDisclosure(false);
  const [text, setText] = useState(filters.q ?? '');

  const change = (patch: Partial<UserFilters>) => void navigate({ search: { ...filters, ...patch, page: undefined } });
  const changeText = useDebouncedCallback((q: string) => change({ q: q.trim() || undefined }), 350);
  const levels = scopeLevels.filter((level) => codeLength(level) > actor.scopeCode.length);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          creatableRoles(actor).length > 0 && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={open}>
              {t('users.add')}
            </Button>
          )
        }
      />
      <FilterPanel
        columns={3}
        activeCount={[filters.role, filters.scopeCode].filter(Boolean).length}
        search={
          <TextInput
            type="search"
            label={t('users.search')}
            placeholder={t('users.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              changeText(event.currentTarget.value);
            }}
          />
        }
      >
        <Select
          label={t('users.role')}
          placeholder={t('users.allRoles')}
          clearable
          data={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          value={filters.role ?? null}
          onChange={(value) => change({ role: oneOf(roles, value) })}
        />
        <RegionPicker
          label={t('users.scope')}
          placeholder={t('villages.allRegions')}
          levels={levels}
          within={actor.scopeCode}
          clearable
          value={filters.scopeCode ?? ''}
          onChange={(code) => change({ scopeCode: code || undefined })}
        />
      </FilterPanel>
      {users.isPending && <ListSkeleton />}
      {users.isError && <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <div style={{ opacity: users.isPlaceholderData ? 0.6 : 1 }}>
          {users.data.items.length === 0 ? (
            <Text c="dimmed">{t('users.empty')}</Text>
          ) : (
            <UserList users={users.data.items} />
          )}
          <PaginationBar
            page={users.data.page}
            pageSize={users.data.pageSize || userPageSize}
            total={users.data.total}
            onChange={(page) => void navigate({ search: { ...filters, page: page > 1 ? page : undefined } })}
          />
        </div>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close') }}
        opened={creating}
        onClose={close}
        title={t('users.add')}
        size="lg"
        fullScreen={phone}
      >
        {creating && <CreateUserForm onDone={close} />}
      </Modal>
    </>
  );
}
