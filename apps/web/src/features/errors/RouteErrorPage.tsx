import { Button } from '@mantine/core';
import { IconBug } from '@tabler/icons-react';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { StatusPage } from './StatusPage';

/** A screen crashed or its code could not be loaded (often: offline after an update). */
export function RouteErrorPage({ reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <StatusPage
      icon={<IconBug size={36} />}
      code={t('errors.crashCode')}
      title={t('errors.crashTitle')}
      message={t('errors.crashMessage')}
      action={
        <Button
          onClick={() => {
            reset();
            void router.invalidate();
          }}
        >
          {t('actions.retry')}
        </Button>
      }
    />
  );
}
