import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconWifiOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import { useErrorMessage } from '../lib/useErrorMessage';

interface ErrorAlertProps {
  error: unknown;
  /** Heading; by default it says what kind of failure this was. */
  title?: string;
  onRetry?: () => void;
}

function titleKey(error: unknown) {
  if (!(error instanceof ApiError)) return 'errors.title' as const;
  if (error.status === 403) return 'errors.forbiddenTitle' as const;
  if (error.status === 404) return 'errors.notFoundTitle' as const;
  if (error.code === 'NETWORK_ERROR') return 'errors.networkTitle' as const;
  return 'errors.title' as const;
}

function ErrorIcon({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 403) return <IconLock size={20} />;
  if (error instanceof ApiError && error.code === 'NETWORK_ERROR') return <IconWifiOff size={20} />;
  return <IconAlertTriangle size={20} />;
}

/** A failed request, in words a village officer can act on. */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <Alert
      color={forbidden ? 'orange' : 'red'}
      icon={<ErrorIcon error={error} />}
      title={title ?? t(titleKey(error))}
      role="alert"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message(error)}</Text>
        {onRetry && !forbidden && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
