import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/RouterLinks';
import { StatusPage } from './StatusPage';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <StatusPage
      icon={<IconLock size={36} />}
      code="403"
      title={t('errors.forbiddenPageTitle')}
      message={t('errors.forbiddenPageMessage')}
      action={<ButtonLink to="/">{t('actions.backHome')}</ButtonLink>}
    />
  );
}
