import { formatRegionCode, type User } from '@desmigratif/contracts';
import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/auth/AuthContext';
import { formatDateTime } from '../../lib/format';
import { usePhone } from '../../lib/usePhone';
import { useRegionName } from '../../lib/useRegionName';
import { UserActions } from './UserActions';
import { UserStatusBadges } from './UserStatusBadges';

function Scope({ user }: { user: User }) {
  const regionName = useRegionName();
  return (
    <>
      <Text size="sm">{regionName(user.scopeCode, user.scopeName)}</Text>
      {user.scopeCode && (
        <Text size="xs" c="dimmed">
          {formatRegionCode(user.scopeCode)}
        </Text>
      )}
    </>
  );
}

/** Accounts as cards on a phone and a table on a wider screen; no actions on one's own account. */
export function UserList({ users }: { users: User[] }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const phone = usePhone();
  const actions = (user: User) => (user.id === me.id ? null : <UserActions user={user} />);
  if (phone) {
    return (
      <Stack gap="sm">
        {users.map((user) => (
          <Card key={user.id} withBorder padding="sm" data-testid="user-item">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Text fw={600}>{user.fullName}</Text>
                <Text size="xs" c="dimmed">
                  @{user.username} · {t(`role.${user.role}`)}
                </Text>
                <Scope user={user} />
                <UserStatusBadges user={user} />
              </Stack>
              {actions(user)}
            </Group>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Table verticalSpacing="sm" highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('users.fullName')}</Table.Th>
          <Table.Th>{t('users.role')}</Table.Th>
          <Table.Th>{t('users.scope')}</Table.Th>
          <Table.Th>{t('users.status')}</Table.Th>
          <Table.Th>{t('users.lastLogin')}</Table.Th>
          <Table.Th aria-label={t('users.actions')} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.map((user) => (
          <Table.Tr key={user.id} data-testid="user-item">
            <Table.Td>
              <Text size="sm" fw={600}>
                {user.fullName}
              </Text>
              <Text size="xs" c="dimmed">
                @{user.username}
                {user.phone ? ` · ${user.phone}` : ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t(`role.${user.role}`)}</Text>
            </Table.Td>
            <Table.Td>
              <Scope user={user} />
            </Table.Td>
            <Table.Td>
              <UserStatusBadges user={user} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : '—'}</Text>
            </Table.Td>
            <Table.Td>{actions(user)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
